import { RecognitionError } from "../errors.ts";

/** What the decoder needs from a BMP's file and info headers. */
export interface BmpHeader {
  width: number;
  height: number;
  /** Rows are stored top row first (negative height in the file); BMPs are usually bottom-up. */
  topDown: boolean;
  bitsPerPixel: 1 | 2 | 4 | 8 | 16 | 24 | 32;
  /** Byte offset of the first pixel row. */
  pixelOffset: number;
  /** Bytes per stored row, padded to 4. */
  rowStride: number;
  /** Palette as RGB triples, for 1–8 bits per pixel; empty otherwise. */
  palette: Uint8Array;
  /** Channel masks for 16 and 32 bits per pixel (alpha 0 when absent). */
  masks: { red: number; green: number; blue: number; alpha: number };
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const COMPRESSION_NAMES: Readonly<Record<number, string>> = { 1: "RLE8", 2: "RLE4", 4: "JPEG", 5: "PNG" };
const DEFAULT_MASKS: Readonly<Record<number, BmpHeader["masks"]>> = {
  16: { red: 0x7c00, green: 0x03e0, blue: 0x001f, alpha: 0 },
  32: { red: 0xff0000, green: 0xff00, blue: 0xff, alpha: 0 },
};

/**
 * Parses a BMP's headers (sharp has no BMP loader), so the size limits can be checked before any pixel is decoded.
 * Refuses compressed and malformed variants with `unsupportedImageFormat`.
 *
 * @example
 * const { width, height } = readBmpHeader(bytes);
 */
export function readBmpHeader(bytes: Uint8Array): BmpHeader {
  if (bytes.length < 26) throw corrupt("the BMP header is truncated");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const infoSize = view.getUint32(14, true);
  const core = infoSize === 12;
  if (bytes.length < 14 + infoSize) throw corrupt("the BMP header is truncated");
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const signedHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bitsPerPixel = view.getUint16(core ? 24 : 28, true);
  const compression = core ? BI_RGB : view.getUint32(30, true);
  if (width <= 0 || signedHeight === 0)
    throw corrupt(`the BMP header gives a size of ${width}×${signedHeight}`);
  if (![1, 2, 4, 8, 16, 24, 32].includes(bitsPerPixel))
    throw corrupt(`the BMP has ${bitsPerPixel} bits per pixel`);
  const compressionName = COMPRESSION_NAMES[compression];
  if (compressionName !== undefined) throw unsupported(`${compressionName}-compressed BMP is not supported`);
  if (![BI_RGB, BI_BITFIELDS, BI_ALPHABITFIELDS].includes(compression)) {
    throw unsupported(`BMP compression ${compression} is not supported`);
  }
  const masks = readMasks(view, infoSize, compression, bitsPerPixel);
  const height = Math.abs(signedHeight);
  return {
    width,
    height,
    topDown: signedHeight < 0,
    bitsPerPixel: bitsPerPixel as BmpHeader["bitsPerPixel"],
    pixelOffset: view.getUint32(10, true),
    rowStride: Math.floor((bitsPerPixel * width + 31) / 32) * 4,
    palette:
      bitsPerPixel <= 8 ? readPalette(bytes, view, infoSize, compression, bitsPerPixel) : new Uint8Array(0),
    masks,
  };
}

/** Masks live inside v2+ headers, or right after a 40-byte header when the compression says bit fields. */
function readMasks(view: DataView, infoSize: number, compression: number, bits: number): BmpHeader["masks"] {
  const fallback = DEFAULT_MASKS[bits] ?? { red: 0, green: 0, blue: 0, alpha: 0 };
  if (compression === BI_RGB || bits < 16) return fallback;
  const count = infoSize >= 56 || compression === BI_ALPHABITFIELDS ? 4 : 3;
  if (view.byteLength < 54 + count * 4) throw corrupt("the BMP header is truncated");
  const red = view.getUint32(54, true);
  const green = view.getUint32(58, true);
  const blue = view.getUint32(62, true);
  const alpha = count === 4 ? view.getUint32(66, true) : 0;
  if (red === 0 || green === 0 || blue === 0) throw corrupt("the BMP's colour masks are empty");
  return { red, green, blue, alpha };
}

function readPalette(bytes: Uint8Array, view: DataView, infoSize: number, compression: number, bits: number) {
  const entrySize = infoSize === 12 ? 3 : 4;
  const extraMasks =
    infoSize === 40 ? (compression === BI_BITFIELDS ? 12 : compression === BI_ALPHABITFIELDS ? 16 : 0) : 0;
  const start = 14 + infoSize + extraMasks;
  const used = infoSize === 12 ? 0 : view.getUint32(46, true);
  const count = used > 0 && used < 1 << bits ? used : 1 << bits;
  if (start + count * entrySize > bytes.length) throw corrupt("the BMP palette is truncated");
  const palette = new Uint8Array(count * 3);
  for (let index = 0; index < count; index++) {
    const entry = start + index * entrySize;
    palette[index * 3] = bytes[entry + 2] ?? 0;
    palette[index * 3 + 1] = bytes[entry + 1] ?? 0;
    palette[index * 3 + 2] = bytes[entry] ?? 0;
  }
  return palette;
}

function corrupt(detail: string): RecognitionError {
  return new RecognitionError("unsupportedImageFormat", `${detail}: the BMP is truncated or corrupt`);
}

function unsupported(message: string): RecognitionError {
  return new RecognitionError("unsupportedImageFormat", message);
}
