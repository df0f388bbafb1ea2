import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad } from "../types.ts";
import { cellMosaic, normaliseContrast, TILE_GAP } from "./cell-mosaic.ts";

/** A grey tile: paper of `paper(x)` with grain of ±`grain`, and ink `darkness` below the paper in `ink`. */
function tile(
  paper: (x: number) => number,
  grain: number,
  ink?: { left: number; right: number; darkness: number },
): RawImage {
  const width = 240;
  const height = 64;
  const data = new Uint8Array(width * height);
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let value = paper(x) + Math.round((random() - 0.5) * 2 * grain);
      // Strokes: every third column and a bar across the middle of the ink's span.
      const inInk = ink && x >= ink.left && x < ink.right && y >= 20 && y < 44 && (x % 3 === 0 || y === 32);
      if (inInk) value -= ink.darkness;
      data[y * width + x] = Math.max(0, Math.min(255, value));
    }
  }
  return { width, height, channels: 1, data };
}

function darkest(image: RawImage, left: number, right: number, top = 0, bottom = image.height): number {
  let min = 255;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) min = Math.min(min, image.data[y * image.width + x] as number);
  }
  return min;
}

test("print washed out by glare comes back dark, as dark as print beside it in plain light", () => {
  // Left half in plain light (paper 200, ink 120 below it), right half under glare (paper 250, ink only 45 below).
  const glare = (x: number) => (x < 120 ? 200 : 250);
  const left = normaliseContrast(tile(glare, 0, { left: 30, right: 90, darkness: 120 }));
  const right = normaliseContrast(tile(glare, 0, { left: 150, right: 210, darkness: 45 }));
  assert.ok(darkest(left, 30, 90) < 90, `plain light: ${darkest(left, 30, 90)}`);
  assert.ok(darkest(right, 150, 210) < 110, `glare: ${darkest(right, 150, 210)}`);
});

test("a cell with no ink keeps its background pale", () => {
  const blank = normaliseContrast(tile(() => 220, 6));
  assert.ok(darkest(blank, 0, 240) > 150, `darkest ${darkest(blank, 0, 240)}`);
});

test("cells are cut at their sizes and stacked apart on a white mosaic the detector's stride fits", () => {
  const width = 400;
  const height = 200;
  const data = new Uint8Array(width * height).fill(230);
  // A dark block at x 100–120, y 50–60: the middle of the first cell.
  for (let y = 50; y < 60; y++) for (let x = 100; x < 120; x++) data[y * width + x] = 30;
  const image: RawImage = { width, height, channels: 1, data };
  const quad = (left: number, top: number, right: number, bottom: number): Quad => [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
  const { image: mosaic, tiles } = cellMosaic(image, [
    { quad: quad(80, 40, 140, 70), width: 120, height: 60 },
    { quad: quad(200, 120, 300, 150), width: 200, height: 60 },
  ]);
  assert.equal(mosaic.width % 32, 0);
  assert.equal(mosaic.height % 32, 0);
  assert.ok(mosaic.width >= 200 + 2 * TILE_GAP);
  const [first, second] = tiles;
  assert.ok(first && second);
  assert.equal(second.top, first.top, "narrow tiles share a row");
  assert.ok(first.left >= second.left + second.width + TILE_GAP, "the wider goes first, the two kept apart");
  // The block, scaled ×2, sits at x 40–80, y 20–40 of the first tile, and nowhere in the second.
  const at = (x: number, y: number) => mosaic.data[y * mosaic.width + x] as number;
  assert.ok(at(first.left + 60, first.top + 30) < 100);
  assert.ok(at(first.left + 20, first.top + 30) > 200);
  const secondRight = second.left + second.width;
  assert.ok(darkest(mosaic, second.left, secondRight, second.top, second.top + second.height) > 150);
  assert.equal(at(2, 2), 255, "the margin is white");
});

test("cells too wide to share a row go on rows of their own", () => {
  const image: RawImage = { width: 100, height: 100, channels: 1, data: new Uint8Array(100 * 100).fill(200) };
  const quad: Quad = [
    { x: 0, y: 0 },
    { x: 50, y: 0 },
    { x: 50, y: 10 },
    { x: 0, y: 10 },
  ];
  const { image: mosaic, tiles } = cellMosaic(image, [
    { quad, width: 900, height: 40 },
    { quad, width: 600, height: 40 },
    { quad, width: 300, height: 40 },
  ]);
  const [a, b, c] = tiles;
  assert.ok(a && b && c);
  assert.ok(b.top >= a.top + a.height + TILE_GAP);
  assert.equal(c.top, b.top, "the third fits beside the second");
  assert.ok(c.left >= b.left + b.width + TILE_GAP);
  assert.ok(mosaic.width <= 1024);
});
