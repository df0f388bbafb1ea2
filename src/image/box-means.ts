/**
 * The mean of every pixel's square neighbourhood (side 2·radius + 1, cut at the image's edges), from a summed-area
 * table with a zero row and column in front, so every window costs four look-ups whatever its size.
 *
 * @param data one channel, row by row
 * @param radius half-size of the window in pixels
 */
export function boxMeans(data: Uint8Array, width: number, height: number, radius: number): Float64Array {
  const stride = width + 1;
  const table = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] as number;
      table[(y + 1) * stride + x + 1] = (table[y * stride + x + 1] as number) + row;
    }
  }
  const means = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    const top = Math.max(0, y - radius);
    const bottom = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const left = Math.max(0, x - radius);
      const right = Math.min(width, x + radius + 1);
      const sum =
        (table[bottom * stride + right] as number) -
        (table[top * stride + right] as number) -
        (table[bottom * stride + left] as number) +
        (table[top * stride + left] as number);
      means[y * width + x] = sum / ((bottom - top) * (right - left));
    }
  }
  return means;
}
