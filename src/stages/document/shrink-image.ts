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
  const sums = new Float64Array(width * channels);
  const out = new Uint8Array(width * height * channels);
  const weight = 1 / (k * k);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      let at = (y * k + dy) * image.width * channels;
      for (let x = 0; x < width; x++) {
        for (let dx = 0; dx < k; dx++) {
          for (let c = 0; c < channels; c++)
            sums[x * channels + c] = (sums[x * channels + c] as number) + (data[at + c] as number);
          at += channels;
        }
      }
    }
    out.set(
      Array.from(sums, (sum) => Math.round(sum * weight)),
      y * width * channels,
    );
  }
  return { width, height, channels, data: out };
}
