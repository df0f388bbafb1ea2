import assert from "node:assert/strict";
import { test } from "node:test";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import {
  boxInk,
  cropBoxDigits,
  cropBoxInk,
  inkiestBand,
  readCropsAtOnce,
  rowBands,
  withoutRulings,
} from "./box-digit-crops.ts";
import type { TextEngine } from "./text-engine.ts";

const PAPER = 230;
const INK = 50;

function page(width: number, height: number): RawImage {
  return { width, height, channels: 1, data: new Uint8Array(width * height).fill(PAPER) };
}

function fill(image: RawImage, left: number, top: number, right: number, bottom: number, grey = INK): void {
  for (let y = top; y < bottom; y++)
    for (let x = left; x < right; x++) image.data[y * image.width + x] = grey;
}

function inkAt(image: RawImage | { grey: Uint8Array; width: number }, x: number, y: number): boolean {
  const data = "data" in image ? image.data : image.grey;
  return (data[y * image.width + x] as number) < 150;
}

test("a box's edges and an underline are painted out, a digit's stroke crossing them kept", () => {
  const crop = page(100, 90);
  // A box 10–80 × 30–62, its sides 2 px; a faint underline through the digits at y 44.
  fill(crop, 10, 30, 81, 32);
  fill(crop, 10, 61, 81, 63);
  fill(crop, 10, 30, 12, 63);
  fill(crop, 79, 30, 81, 63);
  fill(crop, 0, 44, 100, 45, 140);
  // A digit's stem (shorter than a pitch, 32 px) crossing the box's top edge and the underline.
  fill(crop, 40, 20, 43, 48);
  const cleaned = withoutRulings(crop);
  assert.ok(cleaned);
  const out = { grey: cleaned.grey, width: 100 };
  assert.ok(!inkAt(out, 20, 30) && !inkAt(out, 20, 61) && !inkAt(out, 10, 45) && !inkAt(out, 80, 45));
  assert.ok(!inkAt(out, 60, 44));
  for (const y of [20, 30, 31, 40, 44, 47]) assert.ok(inkAt(out, 41, y), `stem kept at y ${y}`);
  assert.equal(withoutRulings(page(40, 40)), undefined);
});

test("with strokes mended, a digit's tall stem is kept, and a box's edge where a digit's stroke runs along it", () => {
  const crop = page(120, 90);
  // A box 10–80 × 30–62, its sides 2 px.
  fill(crop, 10, 30, 81, 32);
  fill(crop, 10, 61, 81, 63);
  fill(crop, 10, 30, 12, 63);
  fill(crop, 79, 30, 81, 63);
  // A 1 taller than a pitch (34 px), crossing the box's top edge, its foot above the box's bottom.
  fill(crop, 40, 20, 43, 54);
  // A 0 printed over the box's right edge: its left stroke runs along it (y 36–56), its right stroke at x 92.
  fill(crop, 78, 36, 82, 56);
  fill(crop, 78, 36, 95, 39);
  fill(crop, 78, 53, 95, 56);
  fill(crop, 91, 36, 95, 56);
  const plain = withoutRulings(crop);
  const mended = withoutRulings(crop, { mendStrokes: true });
  assert.ok(plain && mended);
  const before = { grey: plain.grey, width: 120 };
  const after = { grey: mended.grey, width: 120 };
  // Painted as a ruling without mending; kept with it.
  assert.ok(!inkAt(before, 41, 45));
  for (const y of [22, 35, 45, 52]) assert.ok(inkAt(after, 41, y), `stem kept at y ${y}`);
  for (const y of [40, 46, 50]) assert.ok(inkAt(after, 80, y), `0's left stroke kept at y ${y}`);
  // The box's edges away from the digits are painted out all the same.
  assert.ok(!inkAt(after, 11, 45) && !inkAt(after, 80, 59) && !inkAt(after, 25, 30) && !inkAt(after, 25, 61));
});

test("digits printed above their unit's row are cut out without the unit's glyph", () => {
  // Pitch 20 px, the row centred at y 100; the digits 16 px high at y 72–88, the unit 年 on the row at x 200–220.
  const image = page(400, 200);
  fill(image, 150, 72, 153, 88);
  fill(image, 160, 72, 170, 75);
  fill(image, 175, 72, 178, 88);
  fill(image, 202, 92, 218, 94);
  fill(image, 209, 90, 211, 110);
  const row = { start: 140, end: 600, centerY: 100, pitch: 20 };
  const crop = cropBoxDigits(image, makePageFrame(0), row, undefined, {
    unit: "年",
    left: 200,
    right: 220,
    centerY: 100,
  });
  assert.ok(crop);
  assert.ok(crop.offset < -0.5, `offset ${crop.offset}`);
  // Only the digits' ink (x 150–178, so 45 px at 32 px a pitch) is left: no column of the unit's.
  const inked: number[] = [];
  for (let x = 0; x < crop.width; x++)
    if (crop.data.some((v, i) => i % crop.width === x && v < 150)) inked.push(x);
  const span = (inked.at(-1) ?? 0) - (inked[0] ?? 0) + 1;
  assert.ok(span >= 43 && span <= 47, `ink spans ${span} columns`);
});

test("a box's digits are cut out where they stand, above the row, up to the end of the box's unit", () => {
  // The row: pitch 20 px, centred at y 100; the unit 年 at x 200–220, the digits printed 15 px high at y 78–93.
  const image = page(400, 200);
  fill(image, 150, 78, 153, 93);
  fill(image, 160, 78, 170, 80);
  fill(image, 175, 78, 178, 93);
  // The unit, on the row.
  fill(image, 202, 92, 218, 94);
  fill(image, 209, 90, 211, 110);
  const row = { start: 140, end: 600, centerY: 100, pitch: 20 };
  const crop = cropBoxDigits(image, makePageFrame(0), row, undefined, {
    unit: "年",
    left: 200,
    right: 220,
    centerY: 100,
  });
  assert.ok(crop);
  // At 32 px a pitch: the band of the digits (15 px high, so 24 px) with its margins, and no more.
  assert.ok(crop.height <= 48, `height ${crop.height}`);
  // The digits' top row is inside the crop and the crop's darkest pixels are ink.
  assert.ok(crop.data.some((value) => value < 100));
  const blank = cropBoxDigits(page(400, 200), makePageFrame(0), row, undefined, {
    unit: "年",
    left: 200,
    right: 220,
    centerY: 100,
  });
  assert.equal(blank, undefined);
});

test("a box after a unit is cut without the unit's glyph, and without the next box's digits printed off the row", () => {
  // Pitch 20 px, row centred at y 100. The unit before (年) at x 200–220 reaches 3 px past its place; this box's
  // digits at x 235–255 printed 15 px below the row, its unit (月) at 270–290; the next box's digits, also below the
  // row, begin under 月 at x 285.
  const image = page(500, 200);
  fill(image, 202, 92, 223, 94);
  fill(image, 209, 90, 211, 110);
  fill(image, 236, 108, 239, 123);
  fill(image, 246, 108, 255, 111);
  fill(image, 272, 92, 288, 94);
  fill(image, 279, 90, 281, 110);
  fill(image, 290, 108, 293, 123);
  fill(image, 300, 108, 309, 111);
  const row = { start: 140, end: 600, centerY: 100, pitch: 20 };
  const before = { unit: "年", left: 200, right: 220, centerY: 100 };
  const crop = cropBoxDigits(image, makePageFrame(0), row, before, {
    unit: "月",
    left: 270,
    right: 290,
    centerY: 100,
  });
  assert.ok(crop);
  // At 32 px a pitch: the digits (20 px wide, so 32 px) and their margins, not the unit before nor the next digits.
  assert.ok(crop.width <= 32 + 2 * 8 + 2, `width ${crop.width}`);
  const inked: number[] = [];
  for (let x = 0; x < crop.width; x++)
    if (crop.data.some((v, i) => i % crop.width === x && v < 150)) inked.push(x);
  const span = (inked.at(-1) ?? 0) - (inked[0] ?? 0) + 1;
  assert.ok(span >= 28 && span <= 34, `ink spans ${span} columns`);
});

test("a box whose inkiest band is a seal's ring above its digits is cut at its row's other band too", () => {
  // Pitch 20 px, row centred at y 100; units at x 200, 300, 400; each box's digits on the row (two stems), and a
  // thick bar (a seal's ring) above the third box's digits.
  const image = page(500, 200);
  const units = [200, 300, 400].map((left, k) => {
    fill(image, left + 2, 92, left + 18, 94);
    fill(image, left + 9, 90, left + 11, 110);
    fill(image, left - 45, 93, left - 42, 108);
    fill(image, left - 32, 93, left - 29, 108);
    return { unit: ["年", "月", "日"][k] as string, left, right: left + 20, centerY: 100 };
  });
  fill(image, 330, 74, 395, 84, 90);
  const row = { start: 100, end: 600, centerY: 100, pitch: 20 };
  const boxes = units.map((unit, k) => boxInk(image, makePageFrame(0), row, units[k - 1], unit));
  const [first, , third] = boxes;
  assert.ok(first && third);
  const own = inkiestBand(third);
  const digits = inkiestBand(first);
  assert.ok(own !== undefined && digits !== undefined && digits - own > 8, `bands ${own} and ${digits}`);
  assert.equal(rowBands(boxes).length, 2);
  // Cut at its own band the crop stands above the row (the ring); at the first box's band, near the row (the
  // digits, a slack's reach from it).
  const ownOffset = cropBoxInk(third)?.offset ?? 0;
  assert.ok(ownOffset < -0.6, `offset ${ownOffset}`);
  const atDigits = cropBoxInk(third, digits);
  assert.ok(atDigits && atDigits.offset - ownOffset > 0.3, `offset ${atDigits?.offset}`);
  // The crop's contrast is stretched: its ink black, its paper white.
  assert.equal(Math.min(...atDigits.data), 0);
  assert.equal(Math.max(...atDigits.data), 255);
  // Cutting again leaves the box's pixels as they were.
  assert.deepEqual(cropBoxInk(third, digits)?.data, atDigits.data);
});

test("crops are read in one call, one line each in order", async () => {
  const calls: { image: RawImage; quads: readonly Quad[] }[] = [];
  const engine: TextEngine = {
    detect: async () => [],
    recognize: async (image, quads) => {
      calls.push({ image, quads });
      return quads.map((quad, i) => ({ text: String(i), confidence: 1, quad, detectionScore: 1, chars: [] }));
    },
    dispose: async () => {},
  };
  const a = page(30, 40);
  const b = page(50, 44);
  fill(b, 10, 10, 20, 20);
  const lines: TextLine[] = await readCropsAtOnce(engine, [a, b]);
  assert.equal(calls.length, 1);
  assert.deepEqual(
    lines.map((line) => line.text),
    ["0", "1"],
  );
  const [, second] = calls[0]?.quads ?? [];
  assert.ok(second);
  // The second crop lies where its quad says: its ink at (10, 10) inside it.
  const mosaic = calls[0]?.image as RawImage;
  assert.ok(inkAt(mosaic, second[0].x + 12, second[0].y + 12));
  assert.ok(!inkAt(mosaic, second[0].x + 30, second[0].y + 30));
});
