import sharp from "sharp";
import { RecognitionError } from "../errors.ts";
import type { RawImage } from "./raw-image.ts";

/**
 * Decodes an encoded image to 8-bit RGB pixels as a viewer shows them (EXIF orientation applied, alpha flattened
 * onto white so transparent scans do not turn black).
 *
 * @example
 * const image = await decodeImage(await readFile("card.jpg"));
 * // image.channels === 3
 */
export async function decodeImage(bytes: Uint8Array): Promise<RawImage> {
  try {
    const { data, info } = await sharp(bytes, { autoOrient: true, failOn: "truncated" })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, channels: 3, data: toUint8(data) };
  } catch (error) {
    throw new RecognitionError("unsupportedImageFormat", "the image could not be decoded", { cause: error });
  }
}

function toUint8(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
