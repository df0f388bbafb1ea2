import { RecognitionError } from "../errors.ts";
import { type BmpHeader, readBmpHeader } from "./bmp-header.ts";
import type { RawImage } from "./raw-image.ts";

/**
 * Decodes an uncompressed BMP (1/2/4/8-bit palette, 16/24/32-bit, bottom-up or top-down) to RGB, rows top to
 * bottom. Transparent pixels of a BMP that really carries alpha are flattened onto white, as for the other formats.
 * Call the size checks on {@link readBmpHeader}'s result first: this allocates width×height×3 bytes.
 *
 * @example
 * const image = decodeBmp(bytes, readBmpHeader(bytes));
 */
export function decodeBmp(bytes: Uint8Array, header: BmpHeader = readBmpHeader(bytes)): RawImage {
  const { width, height, rowStride, pixelOffset, bitsPerPixel } = header;
  const lastRowBytes = Math.ceil((bitsPerPixel * width) / 8);
  if (pixelOffset + rowStride * (height - 1) + lastRowBytes > bytes.length) {
    throw new RecognitionError(
      "unsupportedImageFormat",
      "the BMP is truncated or corrupt: pixel rows are missing",
    );
  }
  const data = new Uint8Array(width * height * 3);
  const readRow = rowReader(bytes, header);
  for (let y = 0; y < height; y++) {
    const source = pixelOffset + rowStride * (header.topDown ? y : height - 1 - y);
    readRow(source, data, y * width * 3);
  }
  return { width, height, channels: 3, data };
}

type RowReader = (source: number, target: Uint8Array, targetOffset: number) => void;

function rowReader(bytes: Uint8Array, header: BmpHeader): RowReader {
  const { width, bitsPerPixel } = header;
  if (bitsPerPixel <= 8) return paletteRowReader(bytes, width, bitsPerPixel, header.palette);
  if (bitsPerPixel === 24) {
    return (source, target, offset) => {
      for (let x = 0; x < width; x++) {
        const from = source + x * 3;
        const to = offset + x * 3;
        target[to] = bytes[from + 2] as number;
        target[to + 1] = bytes[from + 1] as number;
        target[to + 2] = bytes[from] as number;
      }
    };
  }
  return maskedRowReader(bytes, header);
}

function paletteRowReader(bytes: Uint8Array, width: number, bits: number, palette: Uint8Array): RowReader {
  const perByte = 8 / bits;
  const mask = (1 << bits) - 1;
  const colours = palette.length / 3;
  return (source, target, offset) => {
    for (let x = 0; x < width; x++) {
      const byte = bytes[source + Math.floor(x / perByte)] as number;
      const shift = 8 - bits * ((x % perByte) + 1);
      // An index past a short palette is a writer's bug; black is what common viewers show.
      const index = (byte >> shift) & mask;
      const to = offset + x * 3;
      if (index < colours) target.set(palette.subarray(index * 3, index * 3 + 3), to);
    }
  };
}

/** 16- and 32-bit pixels: each channel is a bit field, scaled to 0–255. */
function maskedRowReader(bytes: Uint8Array, header: BmpHeader): RowReader {
  const { width, bitsPerPixel, masks } = header;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const step = bitsPerPixel / 8;
  const read =
    step === 4 ? (at: number) => view.getUint32(at, true) : (at: number) => view.getUint16(at, true);
  const red = channel(masks.red);
  const green = channel(masks.green);
  const blue = channel(masks.blue);
  const alpha = hasRealAlpha(bytes, header) ? channel(masks.alpha) : undefined;
  return (source, target, offset) => {
    for (let x = 0; x < width; x++) {
      const pixel = read(source + x * step);
      const to = offset + x * 3;
      const opacity = alpha === undefined ? 1 : alpha(pixel) / 255;
      // Flatten onto white: colour × opacity + 255 × (1 − opacity).
      target[to] = Math.round(red(pixel) * opacity + 255 * (1 - opacity));
      target[to + 1] = Math.round(green(pixel) * opacity + 255 * (1 - opacity));
      target[to + 2] = Math.round(blue(pixel) * opacity + 255 * (1 - opacity));
    }
  };
}

function channel(mask: number): (pixel: number) => number {
  const shift = mask === 0 ? 0 : 31 - Math.clz32(mask & -mask);
  const maximum = mask >>> shift;
  if (maximum === 0) return () => 0;
  return (pixel) => Math.round((((pixel & mask) >>> shift) * 255) / maximum);
}

/** Many writers set an alpha mask but leave every alpha zero; such a file is opaque, not invisible. */
function hasRealAlpha(bytes: Uint8Array, header: BmpHeader): boolean {
  const { masks, width, height, rowStride, pixelOffset, bitsPerPixel } = header;
  if (masks.alpha === 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const step = bitsPerPixel / 8;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = pixelOffset + y * rowStride + x * step;
      const pixel = step === 4 ? view.getUint32(at, true) : view.getUint16(at, true);
      if ((pixel & masks.alpha) !== 0) return true;
    }
  }
  return false;
}
