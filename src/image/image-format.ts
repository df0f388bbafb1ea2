import { RecognitionError } from "../errors.ts";

/** The seven image formats zhengzhao reads (JPG and JPEG are one). */
export type ImageFormat = "png" | "jpeg" | "bmp" | "gif" | "tiff" | "webp";

/** How each format is named in messages. */
export const IMAGE_FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = {
  png: "PNG",
  jpeg: "JPEG",
  bmp: "BMP",
  gif: "GIF",
  tiff: "TIFF",
  webp: "WebP",
};

// Header sizes of the BMP info-header versions (core, v1–v5). "BM" alone is too weak a signature: text can start so.
const BMP_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

// ISO-BMFF brands of HEIF-family files (HEIC photos from phones, AVIF).
const HEIF_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"]);

/**
 * Decides the format from the leading bytes (never from a file name) and refuses everything but the seven formats
 * with `unsupportedImageFormat` and a message that says what the bytes are. This gate is what keeps SVG, PDF and
 * the other formats sharp could render away from the decoder.
 *
 * @example
 * detectImageFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])); // "jpeg"
 */
export function detectImageFormat(bytes: Uint8Array): ImageFormat {
  const format = matchSupported(bytes);
  if (format !== undefined) return format;
  throw new RecognitionError("unsupportedImageFormat", describeUnsupported(bytes));
}

/** The error for bytes that claim a format but do not decode, keeping the decoder's failure as the cause. */
export function corruptImageError(format: ImageFormat, cause?: unknown): RecognitionError {
  const message = `the ${IMAGE_FORMAT_NAMES[format]} is truncated or corrupt`;
  return new RecognitionError("unsupportedImageFormat", message, { cause });
}

function matchSupported(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return "tiff";
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b]))
    return "tiff";
  if (ascii(bytes, 0, 2) === "BM" && bytes.length >= 18 && BMP_HEADER_SIZES.has(readUint32LE(bytes, 14))) {
    return "bmp";
  }
  return undefined;
}

function describeUnsupported(bytes: Uint8Array): string {
  if (bytes.length === 0) return "the image is empty (0 bytes)";
  const head = ascii(bytes, 0, 1024).replace(/^(\xEF\xBB\xBF)?\s*/, "");
  if (head.startsWith("%PDF")) return "PDF is not supported";
  if (ascii(bytes, 4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(bytes, 8, 12)))
    return "HEIC/AVIF is not supported";
  if (head.startsWith("<"))
    return /<svg[\s>]/i.test(head) ? "SVG is not supported" : "HTML or XML is not an image";
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50])) return "JPEG 2000 is not supported";
  if (startsWith(bytes, [0xff, 0x0a]) || ascii(bytes, 4, 8) === "JXL ") return "JPEG XL is not supported";
  if (looksLikeText(bytes)) return "the bytes are text, not an image";
  if (ascii(bytes, 0, 2) === "BM") return "the BMP header is truncated or corrupt";
  return "the bytes are not a PNG, JPEG, BMP, GIF, TIFF or WebP image";
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control <= sample.length / 100;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value);
}

/** Bytes `start`..`end` as Latin-1 text (empty where the input is shorter). */
function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function readUint32LE(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}
