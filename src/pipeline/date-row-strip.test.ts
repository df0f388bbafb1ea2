import assert from "node:assert/strict";
import { test } from "node:test";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { TextLine } from "../types.ts";
import { cutDateStrip, cutRowStrip, stripLine } from "./date-row-strip.ts";
import { findUnits } from "./date-units.ts";
import { withPlacedPieces } from "./read-dates-by-units.ts";

function page(width: number, height: number): RawImage {
  return { width, height, channels: 1, data: new Uint8Array(width * height).fill(230) };
}

const row = { start: 100, end: 500, centerY: 100, pitch: 20 };

test("a row's strip is cut at its label's height from the label's end, at the units' glyph size", () => {
  const image = page(600, 200);
  // A unit's glyph on the row, and a ruling under it.
  for (let y = 92; y < 108; y++) for (let x = 200; x < 203; x++) image.data[y * 600 + x] = 40;
  for (let x = 100; x < 500; x++) image.data[112 * 600 + x] = 40;
  const strip = cutRowStrip(image, makePageFrame(0), row);
  assert.ok(strip);
  // 400 px at 20 px a pitch, at 32 px a pitch: 640 px wide, 1.5 pitches high.
  assert.equal(strip.crop.width, 640);
  assert.equal(strip.crop.height, 48);
  const dark = (x: number, y: number) => (strip.crop.data[y * 640 + x] as number) < 150;
  // The glyph is kept (at x 200 → 160 in the strip); the ruling (y 112 → 43) is painted out.
  assert.ok(dark(161, 24));
  assert.ok(!dark(400, 43));
  assert.equal(cutRowStrip(page(600, 200), makePageFrame(0), row), undefined);
});

test("the units read in a row's strip are placed along the row", () => {
  const image = page(600, 200);
  for (let y = 92; y < 108; y++) for (let x = 190; x < 210; x++) image.data[y * 600 + x] = 40;
  const strip = cutRowStrip(image, makePageFrame(0), row);
  assert.ok(strip);
  // The strip read as 2016年05月: 年 at a fifth of it, 月 at four fifths.
  const chars = ["年", "月"].map((text, k) => ({
    text,
    confidence: 0.9,
    start: k === 0 ? 0.2 : 0.8,
    end: k === 0 ? 0.25 : 0.85,
    alternatives: [{ text, probability: 0.9 }],
  }));
  const read: TextLine = { text: "年月", confidence: 0.9, quad: strip.quad, detectionScore: 1, chars };
  const marks = findUnits([stripLine(strip, read)], makePageFrame(0), row, ["年", "月", "日"]);
  const centres = marks.map((mark) => (mark === undefined ? undefined : (mark.left + mark.right) / 2));
  assert.deepEqual(centres, [190, 430, undefined]);
});

test("the first reading's pieces of digits alone fill the boxes it gave none, by where they stand", () => {
  const frame = makePageFrame(0);
  const quad = (left: number, right: number) =>
    [
      { x: left, y: 90 },
      { x: right, y: 90 },
      { x: right, y: 110 },
      { x: left, y: 110 },
    ] as const;
  const placed = [
    { unit: "年", left: 190, right: 210, centerY: 100 },
    { unit: "月", left: 270, right: 290, centerY: 100 },
    { unit: "日", left: 350, right: 370, centerY: 100 },
  ];
  const read = {
    key: "issueDate",
    text: "2018 05",
    pieceTexts: ["2018", "05"],
    chars: [],
    quads: [quad(140, 185), quad(220, 250)],
    confidence: 0.9,
  };
  const empty = { digits: "", sure: false };
  assert.deepEqual(withPlacedPieces([empty, empty, empty], read, frame, placed), [
    { digits: "2018", sure: false },
    { digits: "05", sure: false },
    empty,
  ]);
  // Boxes the first reading gave are kept.
  const year = { digits: "2016", sure: true };
  assert.deepEqual(withPlacedPieces([year, empty, empty], read, frame, placed)[0], year);
});

test("a date's strip runs from the label's end past its last unit, digits above and below the row kept", () => {
  const image = page(600, 200);
  // Digits printed 12 px below the row's centre, a ruling through them, a unit on the row.
  for (let y = 104; y < 118; y++) for (let x = 130; x < 133; x++) image.data[y * 600 + x] = 40;
  for (let y = 92; y < 108; y++) for (let x = 200; x < 203; x++) image.data[y * 600 + x] = 40;
  for (let x = 100; x < 500; x++) image.data[110 * 600 + x] = 40;
  const strip = cutDateStrip(image, makePageFrame(0), row, 220);
  assert.ok(strip);
  // From 4 px before the label's end to 8 px past the unit's end, at 24 px a pitch; 1.8 pitches high.
  assert.equal(strip.width, Math.round(((228 - 96) * 24) / 20));
  assert.equal(strip.height, 43);
  const dark = (x: number, y: number) => (strip.data[y * strip.width + x] as number) < 150;
  // The digit's stroke (x 130 → 41, y 104–117 → 26–42) is kept; the ruling (y 110 → 34) is painted out beside it.
  assert.ok(dark(42, 28) && dark(42, 40));
  assert.ok(!dark(100, 34));
  // The unit (x 200 → 125, y 92–107 → 12–30) is kept.
  assert.ok(dark(126, 20));
  assert.equal(cutDateStrip(page(600, 200), makePageFrame(0), row, 220), undefined);
  // Digits standing a pitch below the row: the strip reaches them, half a pitch further down.
  const lower = cutDateStrip(image, makePageFrame(0), row, 220, 1);
  assert.ok(lower);
  assert.equal(lower.height, Math.round(2 * 1.4 * 24));
});
