import sharp, { type Metadata } from "sharp";
import { RecognitionError } from "../errors.ts";
import { readBmpHeader } from "./bmp-header.ts";
import { readHeaderSize } from "./header-size.ts";
import {
  corruptImageError,
  detectImageFormat,
  IMAGE_FORMAT_NAMES,
  type ImageFormat,
} from "./image-format.ts";
import { checkImageBytes, checkImageSize } from "./image-limits.ts";

/** What the header of an accepted image says. */
export interface ImageProbe {
  format: ImageFormat;
  /** Width as a viewer shows the image (after EXIF orientation). */
  width: number;
  /** Height as a viewer shows the image (after EXIF orientation). */
  height: number;
}

/**
 * Checks an image without decoding its pixels: byte limit, format by magic bytes, dimensions from the header
 * (first frame or page), size limits. Throws `exceededImageContent`, `unsupportedImageFormat` or
 * `illegalImageSize`; a probe that passes means {@link decodeImage} may spend memory on it.
 *
 * @example
 * const { format, width, height } = await probeImage(bytes); // { format: "jpeg", width: 1200, height: 1600 }
 */
export async function probeImage(bytes: Uint8Array): Promise<ImageProbe> {
  checkImageBytes(bytes.byteLength);
  const format = detectImageFormat(bytes);
  const stored = readHeaderSize(bytes, format);
  // Rotation cannot move a size into or out of range, so the stored orientation is good enough for this early check.
  if (stored !== undefined) checkImageSize(stored.width, stored.height);
  const probe = format === "bmp" ? probeBmp(bytes) : await probeWithSharp(bytes, format);
  checkImageSize(probe.width, probe.height);
  return probe;
}

function probeBmp(bytes: Uint8Array): ImageProbe {
  const { width, height } = readBmpHeader(bytes);
  return { format: "bmp", width, height };
}

async function probeWithSharp(bytes: Uint8Array, format: ImageFormat): Promise<ImageProbe> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch (error) {
    throw corruptImageError(format, error);
  }
  // libvips sniffs on its own; if it reads the bytes as something else (a camera raw inside a TIFF wrapper, say),
  // refuse rather than decode a format we never meant to accept.
  if (sharpFormatOf(metadata.format) !== format) {
    const seen = metadata.format === undefined ? "something else" : String(metadata.format);
    throw new RecognitionError(
      "unsupportedImageFormat",
      `the bytes start like ${IMAGE_FORMAT_NAMES[format]} but decode as ${seen}`,
    );
  }
  const shown = metadata.autoOrient ?? metadata;
  if (shown.width === undefined || shown.height === undefined) throw corruptImageError(format, undefined);
  return { format, width: shown.width, height: shown.height };
}

function sharpFormatOf(name: string | undefined): ImageFormat | undefined {
  if (name === "jpeg" || name === "png" || name === "gif" || name === "tiff" || name === "webp") return name;
  return undefined;
}
