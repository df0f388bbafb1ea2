import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { verticalRulingColumns, withoutRulingLines } from "./remove-rulings.ts";

const PAPER = 235;
const INK = 30;

/** A grey 48-high crop of paper. */
function paper(width: number, height = 48): RawImage {
  return { width, height, channels: 1, data: new Uint8Array(width * height).fill(PAPER) };
}

function fill(image: RawImage, left: number, top: number, right: number, bottom: number): void {
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) image.data[y * image.width + x] = INK;
}

function at(image: RawImage, x: number, y: number): number {
  return image.data[y * image.width + x] as number;
}

test("a horizontal ruling across the line is removed, the strokes crossing it are kept", () => {
  const crop = paper(300);
  fill(crop, 0, 30, 300, 32); // the ruling, the whole width
  fill(crop, 100, 8, 103, 44); // a vertical stroke crossing it
  const out = withoutRulingLines(crop);
  assert.equal(at(out, 10, 30), PAPER);
  assert.equal(at(out, 250, 31), PAPER);
  assert.equal(at(out, 101, 31), INK, "the stroke is not cut where it crosses the ruling");
  assert.equal(at(out, 101, 20), INK);
  assert.equal(at(crop, 10, 30), INK, "the input is not changed");
});

test("a vertical ruling from top to bottom is removed, a character touching it is kept", () => {
  const crop = paper(200);
  fill(crop, 40, 0, 43, 48); // the ruling
  fill(crop, 43, 20, 70, 23); // a stroke ending on it
  fill(crop, 100, 8, 103, 40); // a character's vertical stroke, inside the line's margins
  const out = withoutRulingLines(crop);
  assert.equal(at(out, 41, 5), PAPER);
  assert.equal(at(out, 41, 21), PAPER, "the stroke only touches the ruling from one side");
  assert.equal(at(out, 50, 21), INK);
  assert.equal(at(out, 101, 20), INK, "a stroke shorter than the crop is not a ruling");
});

test("a horizontal stroke crossing a vertical ruling keeps its pixels on it", () => {
  const crop = paper(200);
  fill(crop, 40, 0, 43, 48);
  fill(crop, 20, 20, 70, 23); // 一 printed across the ruling
  const out = withoutRulingLines(crop);
  assert.equal(at(out, 41, 5), PAPER);
  assert.equal(at(out, 41, 21), INK);
  assert.equal(at(out, 25, 21), INK);
});

test("一 and other strokes no longer than a character are not rulings", () => {
  const crop = paper(400);
  fill(crop, 10, 22, 50, 26); // 一
  fill(crop, 60, 10, 100, 13); // 二
  fill(crop, 60, 34, 100, 37);
  fill(crop, 120, 6, 125, 42); // 丨, tall but inside the margins
  fill(crop, 200, 20, 290, 24); // a dash "——", two characters wide (< 2 crop heights)
  const out = withoutRulingLines(crop);
  assert.equal(out, crop, "nothing is found, the crop comes back as it was");
});

/** A ruling 2 px thick from column `top` on the first row to `bottom` on the last, leaning in between. */
function leaning(image: RawImage, top: number, bottom: number): void {
  for (let y = 0; y < image.height; y++) {
    const x = Math.round(top + ((bottom - top) * y) / (image.height - 1));
    fill(image, x, y, x + 2, y + 1);
  }
}

test("a vertical ruling leaning a few degrees is found and removed, a stroke crossing it is kept", () => {
  const crop = paper(200);
  leaning(crop, 150, 154); // about 5° off upright: no single column holds it from top to bottom
  fill(crop, 130, 24, 170, 27); // a stroke across it
  assert.deepEqual(verticalRulingColumns(crop), [], "only upright rulings unless asked");
  const columns = verticalRulingColumns(crop, { leaning: true });
  assert.ok(columns.length > 0 && columns[0] === 150 && (columns.at(-1) as number) <= 156, `${columns}`);
  const out = withoutRulingLines(crop, { leaning: true });
  assert.equal(at(out, 150, 2), PAPER);
  assert.equal(at(out, 154, 46), PAPER);
  assert.equal(at(out, 152, 25), INK, "the stroke crossing the ruling keeps its pixels on it");
  assert.equal(at(out, 140, 25), INK);
});

test("a ruling leaning further than a frame line photographed at an angle, or a diagonal stroke, is not a ruling", () => {
  const crop = paper(200);
  leaning(crop, 40, 70); // 30 px over 48: a stroke of 丿 or a slash, not a ruling
  fill(crop, 100, 6, 103, 42); // 丨 inside the margins
  assert.deepEqual(verticalRulingColumns(crop, { leaning: true }), []);
  assert.equal(withoutRulingLines(crop, { leaning: true }), crop);
});

test("a thick dark block reaching top and bottom is not a ruling", () => {
  const crop = paper(200);
  fill(crop, 50, 0, 70, 48); // 20 px wide: far bolder than a ruling
  assert.equal(withoutRulingLines(crop), crop);
});

test("a blank or low-contrast crop is left alone", () => {
  const blank = paper(100);
  assert.equal(withoutRulingLines(blank), blank);
  const faint = paper(300);
  for (let x = 0; x < 300; x++) faint.data[30 * 300 + x] = PAPER - 20;
  assert.equal(withoutRulingLines(faint), faint);
});

test("a colour crop is painted with the paper's colour", () => {
  const width = 300;
  const data = new Uint8Array(width * 48 * 3);
  for (let p = 0; p < width * 48; p++) data.set([240, 230, 210], p * 3);
  for (let x = 0; x < width; x++) data.set([20, 20, 20], (10 * width + x) * 3);
  const out = withoutRulingLines({ width, height: 48, channels: 3, data });
  assert.deepEqual([...out.data.subarray((10 * width + 5) * 3, (10 * width + 5) * 3 + 3)], [240, 230, 210]);
});
