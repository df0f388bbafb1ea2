import type { RawImage } from "./raw-image.ts";

/**
 * Converts to one grey channel with the BT.601 luma weights (what OpenCV and PaddleOCR's preprocessing use), in
 * integer arithmetic; alpha is ignored. A grey image is returned as it is, not copied.
 *
 * @example
 * const grey = toGrayscale(image); // grey.channels === 1
 */
export function toGrayscale(image: RawImage): RawImage {
  if (image.channels === 1) return image;
  const { width, height, channels, data } = image;
  const grey = new Uint8Array(width * height);
  for (let pixel = 0, at = 0; pixel < grey.length; pixel++, at += channels) {
    // 0.299 R + 0.587 G + 0.114 B in 1/256 steps, rounded.
    grey[pixel] =
      (77 * (data[at] as number) + 150 * (data[at + 1] as number) + 29 * (data[at + 2] as number) + 128) >> 8;
  }
  return { width, height, channels: 1, data: grey };
}
