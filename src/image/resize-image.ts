import sharp from "sharp";
import { invalidParameterError, RecognitionError } from "../errors.ts";
import type { RawImage } from "./raw-image.ts";

/**
 * Resizes an image to exactly `width`×`height` pixels (aspect ratio not kept) with a bilinear-or-better kernel,
 * keeping its channel count.
 *
 * @example
 * const small = await resizeImage(image, 960, 640);
 */
export async function resizeImage(image: RawImage, width: number, height: number): Promise<RawImage> {
  assertSide("width", width);
  assertSide("height", height);
  try {
    const { data, info } = await sharp(image.data, {
      raw: { width: image.width, height: image.height, channels: image.channels },
    })
      .resize(width, height, { fit: "fill", kernel: "lanczos3" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, channels: image.channels, data: toUint8(data) };
  } catch (error) {
    throw new RecognitionError("algorithmError", "resizing the image failed", { cause: error });
  }
}

function assertSide(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw invalidParameterError(name, "a positive integer", value);
}

function toUint8(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
