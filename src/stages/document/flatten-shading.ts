import type { Plane } from "./working-planes.ts";

/**
 * Subtracts a broad local mean from a plane (re-centred on 128), so a page half in shadow is still lighter than the
 * desk right next to it: what is compared is each pixel with its surroundings, not with one global threshold.
 *
 * @param radius half-size of the averaging window in pixels; much larger than text, smaller than the page
 */
export function flattenShading(plane: Plane, radius: number): Plane {
  const { width, height, data } = plane;
  // Summed-area table with a zero row and column in front, so every window sum is four look-ups.
  const stride = width + 1;
  const table = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] as number;
      table[(y + 1) * stride + x + 1] = (table[y * stride + x + 1] as number) + row;
    }
  }
  const out = new Uint8Array(width * height);
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
      const mean = sum / ((bottom - top) * (right - left));
      out[y * width + x] = Math.max(
        0,
        Math.min(255, Math.round(128 + (data[y * width + x] as number) - mean)),
      );
    }
  }
  return { width, height, data: out };
}
