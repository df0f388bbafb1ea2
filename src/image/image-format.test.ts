import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { RecognitionError } from "../errors.ts";
import { detectImageFormat } from "./image-format.ts";

const fixture = (name: string) => readFile(new URL(`../../test/fixtures/images/${name}`, import.meta.url));
const text = (value: string) => new TextEncoder().encode(value);

function assertRefused(bytes: Uint8Array, message: RegExp): void {
  assert.throws(
    () => detectImageFormat(bytes),
    (error: unknown) =>
      error instanceof RecognitionError &&
      error.code === "unsupportedImageFormat" &&
      message.test(error.message),
  );
}

test("each of the seven formats is recognised by its content", async () => {
  const expected = {
    "source.png": "png",
    "source.jpg": "jpeg",
    "source.bmp": "bmp",
    "source.gif": "gif",
    "source.tif": "tiff",
    "source.webp": "webp",
  } as const;
  for (const [name, format] of Object.entries(expected)) {
    assert.equal(detectImageFormat(await fixture(name)), format, name);
  }
});

test("big-endian TIFF is recognised", () => {
  assert.equal(detectImageFormat(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])), "tiff");
});

test("refusals say what the bytes are", () => {
  assertRefused(new Uint8Array(0), /empty/);
  assertRefused(text("%PDF-1.7\n%âãÏÓ\n1 0 obj"), /PDF is not supported/);
  assertRefused(
    text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"/>'),
    /SVG/,
  );
  assertRefused(text("\uFEFF  <svg width='10' height='10'></svg>"), /SVG/);
  assertRefused(text("<!DOCTYPE html><html><body>hi</body></html>"), /HTML or XML/);
  assertRefused(text("name,id\n张三,110101199003074514\n"), /text/);
  assertRefused(text("BMW is a car, not a bitmap"), /text/);
});

test("HEIC and AVIF are refused by their ftyp brand", () => {
  const heic = new Uint8Array([0, 0, 0, 0x18, ...text("ftypheic"), 0, 0, 0, 0, ...text("mif1heic")]);
  const avif = new Uint8Array([0, 0, 0, 0x1c, ...text("ftypavif"), 0, 0, 0, 0, ...text("avifmif1")]);
  assertRefused(heic, /HEIC\/AVIF/);
  assertRefused(avif, /HEIC\/AVIF/);
});

test("binary garbage is refused as not one of the formats", () => {
  assertRefused(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xfe, 0xfd, 0x10, 0x11]), /not a PNG, JPEG/);
});

test("a BMP signature with a broken header is called corrupt", () => {
  const bytes = new Uint8Array(30);
  bytes.set(text("BM"));
  bytes[14] = 99;
  assertRefused(bytes, /BMP header is truncated or corrupt/);
});
