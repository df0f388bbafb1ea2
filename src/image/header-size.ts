import type { ImageFormat } from "./image-format.ts";

/**
 * Width and height stored at fixed offsets of a PNG (IHDR) or GIF (logical screen) header, read without any decoder.
 * libvips wants more than the first chunk before it reports a size, so a header-only bomb would otherwise come back
 * as "corrupt" instead of with its size. Returns `undefined` for other formats or when the bytes are too short.
 *
 * @example
 * readHeaderSize(pngBytes, "png"); // { width: 9000, height: 100 }
 */
export function readHeaderSize(
  bytes: Uint8Array,
  format: ImageFormat,
): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PNG: signature (8), chunk length (4), "IHDR" (4), then big-endian width and height.
  if (format === "png" && bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === "IHDR") {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  // GIF: "GIF89a", then little-endian 16-bit logical screen width and height.
  if (format === "gif" && bytes.length >= 10) {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  return undefined;
}
