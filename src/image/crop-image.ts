import type { RawImage } from "./raw-image.ts";

/**
 * The pixels of an axis-aligned rectangle, clamped to the image (an empty request gives a 1×1 image of the nearest
 * pixel, so callers need no special case).
 */
export function cropImage(
  image: RawImage,
  left: number,
  top: number,
  width: number,
  height: number,
): RawImage {
  const x0 = clamp(Math.floor(left), 0, image.width - 1);
  const y0 = clamp(Math.floor(top), 0, image.height - 1);
  const x1 = clamp(Math.ceil(left + width), x0 + 1, image.width);
  const y1 = clamp(Math.ceil(top + height), y0 + 1, image.height);
  const { channels } = image;
  const rowBytes = (x1 - x0) * channels;
  const data = new Uint8Array(rowBytes * (y1 - y0));
  for (let y = y0; y < y1; y++) {
    const from = (y * image.width + x0) * channels;
    data.set(image.data.subarray(from, from + rowBytes), (y - y0) * rowBytes);
  }
  return { width: x1 - x0, height: y1 - y0, channels, data };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
