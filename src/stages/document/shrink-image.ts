import type { RawImage } from "../../image/raw-image.ts";

/**
 * The image made `factor` times smaller on each side by averaging each factor×factor block (the last partial
 * blocks are dropped), channels kept. Factor 1 returns the image itself.
 */
export function shrinkImage(image: RawImage, factor: number): RawImage {
  const k = Math.max(1, Math.floor(factor));
  if (k === 1) return image;
  const { channels, data } = image;
  const width = Math.max(1, Math.floor(image.width / k));
  const height = Math.max(1, Math.floor(image.height / k));
  // Whole-number sums: exact in any order of adding.
  const sums = new Float64Array(width * channels);
  const out = new Uint8Array(width * height * channels);
  const weight = 1 / (k * k);
  const run = k * channels;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      const row = (y * k + dy) * image.width * channels;
      if (channels === 3) {
        // The pipeline's images: the three channels of a block's row in one sweep.
        for (let x = 0, at = row; x < width; x++) {
          let red = 0;
          let green = 0;
          let blue = 0;
          for (let end = at + run; at < end; at += 3) {
            red += data[at] as number;
            green += data[at + 1] as number;
            blue += data[at + 2] as number;
          }
          const to = x * 3;
          sums[to] = (sums[to] as number) + red;
          sums[to + 1] = (sums[to + 1] as number) + green;
          sums[to + 2] = (sums[to + 2] as number) + blue;
        }
        continue;
      }
      for (let c = 0; c < channels; c++) {
        for (let x = 0, at = row + c; x < width; x++) {
          let sum = 0;
          for (let end = at + run; at < end; at += channels) sum += data[at] as number;
          sums[x * channels + c] = (sums[x * channels + c] as number) + sum;
        }
      }
    }
    const base = y * width * channels;
    for (let i = 0; i < sums.length; i++) out[base + i] = Math.round((sums[i] as number) * weight);
  }
  return { width, height, channels, data: out };
}
