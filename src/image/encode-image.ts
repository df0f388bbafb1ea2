import sharp, { type Sharp } from "sharp";
import { invalidParameterError, RecognitionError } from "../errors.ts";
import type { RawImage } from "./raw-image.ts";

/**
 * Encodes pixels as a lossless PNG (for tests, debugging output and the synthetic generator).
 *
 * @example
 * await writeFile("debug.png", await encodePng(image));
 */
export async function encodePng(image: RawImage): Promise<Uint8Array> {
  return encode(image, (pipeline) => pipeline.png());
}

/**
 * Encodes pixels as a baseline JPEG of the given quality (1–100); an alpha channel is dropped.
 *
 * @example
 * const photo = await encodeJpeg(image, 85);
 */
export async function encodeJpeg(image: RawImage, quality = 90): Promise<Uint8Array> {
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw invalidParameterError("quality", "an integer from 1 to 100", quality);
  }
  return encode(image, (pipeline) => pipeline.jpeg({ quality }));
}

async function encode(image: RawImage, format: (pipeline: Sharp) => Sharp): Promise<Uint8Array> {
  try {
    const pipeline = sharp(image.data, {
      raw: { width: image.width, height: image.height, channels: image.channels },
    });
    const buffer = await format(pipeline).toBuffer();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw new RecognitionError("algorithmError", "encoding the image failed", { cause: error });
  }
}
