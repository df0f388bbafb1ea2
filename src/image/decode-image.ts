import sharp from "sharp";
import { decodeBmp } from "./decode-bmp.ts";
import { corruptImageError, type ImageFormat } from "./image-format.ts";
import { MAX_IMAGE_SIDE } from "./image-limits.ts";
import { probeImage } from "./probe-image.ts";
import type { RawImage } from "./raw-image.ts";

/**
 * Decodes a PNG, JPEG, BMP, GIF (first frame), TIFF (first page) or WebP to 8-bit RGB as a viewer shows it: EXIF
 * orientation applied, alpha flattened onto white so transparent scans do not turn black, grey and CMYK converted.
 * Limits and format are checked from the header first ({@link probeImage}), so refused inputs cost no decode.
 *
 * @throws RecognitionError `exceededImageContent`, `unsupportedImageFormat` or `illegalImageSize`.
 * @example
 * const image = await decodeImage(await readFile("card.jpg"));
 * // image.channels === 3, image.data.length === image.width * image.height * 3
 */
export async function decodeImage(bytes: Uint8Array): Promise<RawImage> {
  const probe = await probeImage(bytes);
  if (probe.format === "bmp") return decodeBmp(bytes);
  return decodeWithSharp(bytes, probe.format);
}

async function decodeWithSharp(bytes: Uint8Array, format: ImageFormat): Promise<RawImage> {
  try {
    const { data, info } = await sharp(bytes, {
      autoOrient: true,
      // Truncation is an error; the harmless warnings phone JPEGs often carry are not.
      failOn: "truncated",
      // The probe already checked the header; this guards against a loader that reads more than it declared.
      limitInputPixels: MAX_IMAGE_SIDE * MAX_IMAGE_SIDE,
      page: 0,
      pages: 1,
    })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`libvips returned ${info.channels} channels`);
    return {
      width: info.width,
      height: info.height,
      channels: 3,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (error) {
    throw corruptImageError(format, error);
  }
}
