import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { makeSourcePixels } from "../../test/fixtures/images/make-fixtures.ts";
import { RecognitionError } from "../errors.ts";
import { decodeImage } from "./decode-image.ts";
import { encodePng } from "./encode-image.ts";
import { MAX_IMAGE_BYTES } from "./image-limits.ts";
import { probeImage } from "./probe-image.ts";
import type { RawImage } from "./raw-image.ts";

const fixture = (name: string) => readFile(new URL(`../../test/fixtures/images/${name}`, import.meta.url));
const text = (value: string) => new TextEncoder().encode(value);

function meanAbsoluteDifference(a: RawImage, b: RawImage): number {
  assert.deepEqual([a.width, a.height, a.channels], [b.width, b.height, b.channels]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs((a.data[i] as number) - (b.data[i] as number));
  return sum / a.data.length;
}

/** Rotates RGB pixels 90° clockwise, what EXIF orientation 6 asks a viewer to do. */
function rotateClockwise(image: RawImage): RawImage {
  const { width, height } = image;
  const data = new Uint8Array(image.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set(
        image.data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3),
        (x * height + (height - 1 - y)) * 3,
      );
    }
  }
  return { width: height, height: width, channels: 3, data };
}

/** A PNG made of a signature and a valid IHDR claiming the given size, and nothing else. */
function pngHeader(width: number, height: number): Uint8Array {
  const chunk = new Uint8Array(4 + 4 + 13 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 13);
  chunk.set(text("IHDR"), 4);
  view.setUint32(8, width);
  view.setUint32(12, height);
  chunk.set([8, 2, 0, 0, 0], 16);
  view.setUint32(21, crc32(chunk.subarray(4, 21)));
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk]);
}

/** The source JPEG with its frame header (SOF0) rewritten to claim another size: a decompression-bomb lookalike. */
async function jpegClaiming(width: number, height: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(await fixture("source.jpg"));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (view.getUint16(at) !== 0xffc0) at += 2 + view.getUint16(at + 2);
  view.setUint16(at + 5, height);
  view.setUint16(at + 7, width);
  return bytes;
}

async function assertRefused(bytes: Uint8Array, code: string, message: RegExp): Promise<RecognitionError> {
  const error = await decodeImage(bytes).then(
    () => assert.fail("expected a refusal"),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof RecognitionError, String(error));
  assert.equal(error.code, code);
  assert.match(error.message, message);
  return error;
}

test("lossless formats decode to the identical RGB pixels", async () => {
  const source = await decodeImage(await fixture("source.png"));
  assert.deepEqual([source.width, source.height, source.channels], [64, 48, 3]);
  assert.deepEqual(source.data, makeSourcePixels());
  for (const name of ["source.bmp", "source.gif", "source.tif", "source.webp"]) {
    const image = await decodeImage(await fixture(name));
    assert.equal(meanAbsoluteDifference(image, source), 0, name);
  }
});

test("JPEG and lossy WebP decode close to the source", async () => {
  const source = await decodeImage(await fixture("source.png"));
  const jpeg = meanAbsoluteDifference(await decodeImage(await fixture("source.jpg")), source);
  const webp = meanAbsoluteDifference(await decodeImage(await fixture("source-lossy.webp")), source);
  assert.ok(jpeg > 0 && jpeg < 4, `JPEG differs by ${jpeg}`);
  assert.ok(webp > 0 && webp < 8, `WebP differs by ${webp}`);
});

test("EXIF orientation 6 is applied: the image comes out as a viewer shows it", async () => {
  const bytes = await fixture("exif-orientation-6.jpg");
  assert.deepEqual(await probeImage(bytes), { format: "jpeg", width: 48, height: 64 });
  const image = await decodeImage(bytes);
  const expected = rotateClockwise(await decodeImage(await fixture("source.jpg")));
  assert.ok(meanAbsoluteDifference(image, expected) < 1);
});

test("EXIF orientations 3 and 8 turn the image 180° and 90° anticlockwise", async () => {
  const source = await decodeImage(await fixture("source.png"));
  const raw = { width: 64, height: 48, channels: 3 } as const;
  const turned = async (orientation: number) =>
    decodeImage(await sharp(source.data, { raw }).png().withMetadata({ orientation }).toBuffer());
  const once = rotateClockwise(source);
  assert.equal(meanAbsoluteDifference(await turned(3), rotateClockwise(once)), 0);
  assert.equal(meanAbsoluteDifference(await turned(8), rotateClockwise(rotateClockwise(once))), 0);
});

test("a JPEG with damaged entropy data still decodes, as viewers show it; only truncation is fatal", async () => {
  const damaged = new Uint8Array(await fixture("source.jpg"));
  const at = Math.floor(damaged.length * 0.7);
  damaged.set([0xff, 0xd0], at);
  const image = await decodeImage(damaged);
  assert.deepEqual([image.width, image.height], [64, 48]);
});

test("a multi-frame GIF and a multi-page TIFF decode their first frame and page", async () => {
  const source = await decodeImage(await fixture("source.png"));
  for (const name of ["two-frames.gif", "two-pages.tif"]) {
    assert.equal(meanAbsoluteDifference(await decodeImage(await fixture(name)), source), 0, name);
  }
});

test("grey and transparent images come out as RGB, transparency as white", async () => {
  const grey = await decodeImage(
    await encodePng({ width: 16, height: 16, channels: 1, data: new Uint8Array(256).fill(90) }),
  );
  assert.equal(grey.channels, 3);
  assert.deepEqual([...grey.data.subarray(0, 3)], [90, 90, 90]);
  const rgba = new Uint8Array(16 * 16 * 4).fill(0);
  rgba.set([200, 10, 10, 255]);
  const flat = await decodeImage(await encodePng({ width: 16, height: 16, channels: 4, data: rgba }));
  assert.deepEqual([...flat.data.subarray(0, 6)], [200, 10, 10, 255, 255, 255]);
});

test("other formats, text and empty input are unsupportedImageFormat", async () => {
  await assertRefused(
    text("%PDF-1.4\n1 0 obj << >> endobj"),
    "unsupportedImageFormat",
    /PDF is not supported/,
  );
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>';
  await assertRefused(text(svg), "unsupportedImageFormat", /SVG is not supported/);
  await assertRefused(text("hello, this is not a picture"), "unsupportedImageFormat", /text/);
  await assertRefused(new Uint8Array(0), "unsupportedImageFormat", /empty/);
});

test("truncated and corrupt files are unsupportedImageFormat with the decoder's failure as cause", async () => {
  const png = await fixture("source.png");
  const jpeg = await fixture("source.jpg");
  const truncatedPng = await assertRefused(
    png.subarray(0, png.length / 2),
    "unsupportedImageFormat",
    /PNG is truncated/,
  );
  assert.ok(truncatedPng.cause instanceof Error);
  await assertRefused(jpeg.subarray(0, jpeg.length / 2), "unsupportedImageFormat", /JPEG is truncated/);
  const damaged = new Uint8Array(png);
  damaged[damaged.length - 30] = (damaged[damaged.length - 30] as number) ^ 0xff;
  await assertRefused(damaged, "unsupportedImageFormat", /PNG is truncated or corrupt/);
});

test("sizes out of range are refused from the header, before any decode", async () => {
  // These headers carry no pixel data at all: only a header-first check can answer with a size error.
  await assertRefused(pngHeader(9000, 100), "illegalImageSize", /9000×100 px/);
  await assertRefused(pngHeader(60000, 60000), "illegalImageSize", /60000×60000 px/);
  const wide = await encodePng({ width: 9000, height: 100, channels: 1, data: new Uint8Array(9000 * 100) });
  await assertRefused(wide, "illegalImageSize", /9000×100 px/);
  await assertRefused(await jpegClaiming(60000, 48), "illegalImageSize", /60000×48 px/);
  const tall = await encodePng({ width: 100, height: 5000, channels: 1, data: new Uint8Array(100 * 5000) });
  await assertRefused(tall, "illegalImageSize", /100×5000 px.*50 times/);
  const tiny = await encodePng({ width: 10, height: 10, channels: 3, data: new Uint8Array(300) });
  await assertRefused(tiny, "illegalImageSize", /10×10 px/);
});

test("more than 10 MB is exceededImageContent, whatever the bytes", async () => {
  const big = new Uint8Array(11 * 1024 * 1024);
  big.set(await fixture("source.png"));
  await assertRefused(big, "exceededImageContent", /11534336 bytes/);
  assert.ok(big.length > MAX_IMAGE_BYTES);
});
