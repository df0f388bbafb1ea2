import assert from "node:assert/strict";
import { test } from "node:test";
import { encode as encodeBmp } from "bmp-ts";
import { RecognitionError } from "../errors.ts";
import { readBmpHeader } from "./bmp-header.ts";
import { decodeBmp } from "./decode-bmp.ts";

interface BmpSpec {
  width: number;
  height: number;
  bits: 1 | 4 | 8 | 16 | 24 | 32;
  topDown?: boolean;
  /** RGB triples for 1–8 bits. */
  palette?: number[][];
  /** Red, green, blue, alpha masks: written in a 108-byte v4 header with BI_BITFIELDS. */
  masks?: [number, number, number, number];
  /** Palette index, packed 16/32-bit value, or 0xRRGGBB for 24 bits. */
  pixel: (x: number, y: number) => number;
}

/** Writes a BMP the way the format describes it, so each variant the decoder claims is exercised. */
function writeBmp(spec: BmpSpec): Uint8Array {
  const { width, height, bits, palette = [], masks } = spec;
  const infoSize = masks === undefined ? 40 : 108;
  const stride = Math.floor((bits * width + 31) / 32) * 4;
  const pixelOffset = 14 + infoSize + palette.length * 4;
  const bytes = new Uint8Array(pixelOffset + stride * height);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, pixelOffset, true);
  view.setUint32(14, infoSize, true);
  view.setInt32(18, width, true);
  view.setInt32(22, spec.topDown ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, bits, true);
  view.setUint32(30, masks === undefined ? 0 : 3, true);
  view.setUint32(46, palette.length, true);
  for (const [index, mask] of (masks ?? []).entries()) view.setUint32(54 + index * 4, mask, true);
  for (const [index, [red = 0, green = 0, blue = 0]] of palette.entries()) {
    bytes.set([blue, green, red, 0], 14 + infoSize + index * 4);
  }
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + stride * (spec.topDown ? y : height - 1 - y);
    for (let x = 0; x < width; x++) writePixel(view, row, x, bits, spec.pixel(x, y));
  }
  return bytes;
}

function writePixel(view: DataView, row: number, x: number, bits: number, value: number): void {
  if (bits === 32) view.setUint32(row + x * 4, value, true);
  else if (bits === 24)
    new Uint8Array(view.buffer).set([value & 0xff, (value >> 8) & 0xff, value >> 16], row + x * 3);
  else if (bits === 16) view.setUint16(row + x * 2, value, true);
  else {
    const at = row + Math.floor((x * bits) / 8);
    const shift = 8 - bits - ((x * bits) % 8);
    view.setUint8(at, view.getUint8(at) | (value << shift));
  }
}

/** The RGB bytes of pixel (x, y). */
function rgbAt(data: Uint8Array, width: number, x: number, y: number): number[] {
  const at = (y * width + x) * 3;
  return [...data.subarray(at, at + 3)];
}

const colour = (x: number, y: number) => ((x * 40) << 16) | ((y * 30) << 8) | ((x + y) * 9);

test("24-bit bottom-up and top-down files decode to the same rows, odd widths padded", () => {
  for (const topDown of [false, true]) {
    const image = decodeBmp(writeBmp({ width: 5, height: 3, bits: 24, topDown, pixel: colour }));
    assert.equal(image.channels, 3);
    assert.deepEqual([image.width, image.height], [5, 3]);
    assert.deepEqual(rgbAt(image.data, 5, 0, 0), [0, 0, 0]);
    assert.deepEqual(rgbAt(image.data, 5, 4, 2), [160, 60, 54]);
    assert.deepEqual(rgbAt(image.data, 5, 1, 2), [40, 60, 27]);
  }
});

test("1-, 4- and 8-bit palettes decode through their colour tables", () => {
  const palette = Array.from({ length: 16 }, (_, i) => [i * 16, 255 - i * 16, i]);
  for (const bits of [1, 4, 8] as const) {
    const count = bits === 1 ? 2 : 16;
    const index = (x: number, y: number) => (x + y) % count;
    const image = decodeBmp(
      writeBmp({ width: 11, height: 4, bits, palette: palette.slice(0, count), pixel: index }),
    );
    for (const [x, y] of [
      [0, 0],
      [10, 3],
      [7, 1],
      [3, 2],
    ] as const) {
      assert.deepEqual(rgbAt(image.data, 11, x, y), palette[index(x, y)], `${bits} bits at ${x},${y}`);
    }
  }
});

test("16-bit 5-5-5 is scaled to the full 0–255 range", () => {
  const image = decodeBmp(
    writeBmp({ width: 2, height: 1, bits: 16, pixel: (x) => (x === 0 ? 0x7fff : 0x7c00) }),
  );
  assert.deepEqual([...image.data], [255, 255, 255, 255, 0, 0]);
});

test("32-bit bit fields with real alpha are flattened onto white; all-zero alpha means opaque", () => {
  const masks: [number, number, number, number] = [0xff0000, 0xff00, 0xff, 0xff000000];
  const half = decodeBmp(
    writeBmp({ width: 2, height: 1, bits: 32, masks, pixel: (x) => (x === 0 ? 0xff102030 : 0x00102030) }),
  );
  assert.deepEqual([...half.data], [16, 32, 48, 255, 255, 255]);
  const opaque = decodeBmp(writeBmp({ width: 2, height: 1, bits: 32, masks, pixel: () => 0x00102030 }));
  assert.deepEqual([...opaque.data], [16, 32, 48, 16, 32, 48]);
});

test("files written by bmp-ts (24 and 32 bits) decode to their source pixels", () => {
  const width = 7;
  const height = 5;
  const abgr = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) abgr.set([0, i * 3, i * 5, i * 7], i * 4);
  for (const bitPP of [24, 32]) {
    const image = decodeBmp(encodeBmp({ width, height, data: abgr, bitPP }).data);
    for (let i = 0; i < width * height; i++) {
      assert.deepEqual(
        [...image.data.subarray(i * 3, i * 3 + 3)],
        [i * 7, i * 5, i * 3],
        `${bitPP} bits, pixel ${i}`,
      );
    }
  }
});

test("a header promising more rows than the file holds is refused before allocating", () => {
  const bytes = writeBmp({ width: 4, height: 4, bits: 24, pixel: colour });
  new DataView(bytes.buffer).setInt32(22, 4000, true);
  assert.equal(readBmpHeader(bytes).height, 4000);
  assert.throws(
    () => decodeBmp(bytes),
    (error: unknown) => {
      return (
        error instanceof RecognitionError &&
        error.code === "unsupportedImageFormat" &&
        /truncated/.test(error.message)
      );
    },
  );
});

test("RLE compression is refused with its name", () => {
  const bytes = writeBmp({ width: 4, height: 4, bits: 8, palette: [[0, 0, 0]], pixel: () => 0 });
  new DataView(bytes.buffer).setUint32(30, 1, true);
  assert.throws(() => readBmpHeader(bytes), /RLE8-compressed BMP is not supported/);
});

test("a view into a larger buffer (as Node's pooled Buffers are) decodes the same", () => {
  const bytes = writeBmp({ width: 5, height: 3, bits: 24, pixel: colour });
  const padded = new Uint8Array(bytes.length + 7);
  padded.set(bytes, 3);
  const view = padded.subarray(3, 3 + bytes.length);
  assert.deepEqual(decodeBmp(view), decodeBmp(bytes));
});
