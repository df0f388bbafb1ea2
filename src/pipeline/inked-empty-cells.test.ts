import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../image/raw-image.ts";
import { holdsCharacterInk } from "./inked-empty-cells.ts";

const LINE = 32;

/** A beige patch, 8 label heights wide and 2.2 high, with `paint` drawing on it. */
function patch(
  paint: (set: (x: number, y: number, rgb: [number, number, number]) => void) => void,
): RawImage {
  const width = LINE * 8;
  const height = Math.round(LINE * 2.2);
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set([236, 228, 205], i * 3);
  paint((x, y, rgb) => {
    if (x >= 0 && y >= 0 && x < width && y < height)
      data.set(rgb, (Math.round(y) * width + Math.round(x)) * 3);
  });
  return { width, height, channels: 3, data };
}

const INK: [number, number, number] = [30, 35, 70];

/** Rulings: the cell's top and bottom lines and the vertical one at its start. */
function rulings(set: (x: number, y: number, rgb: [number, number, number]) => void): void {
  for (let x = 0; x < LINE * 8; x++) for (const y of [1, 2, 68, 69]) set(x, y, INK);
  for (let y = 0; y < 70; y++) for (const x of [10, 11]) set(x, y, INK);
}

/** The rulings and a character at x. */
function ruledCharacter(x: number): RawImage {
  return patch((set) => {
    rulings(set);
    character(set, x);
  });
}

/** A rough character: 工, three strokes in a 26 px square at x. */
function character(set: (x: number, y: number, rgb: [number, number, number]) => void, x0: number): void {
  for (let x = x0; x < x0 + 26; x++) for (const y of [22, 23, 24, 46, 47, 48]) set(x, y, INK);
  for (let y = 22; y < 49; y++) for (const x of [x0 + 12, x0 + 13, x0 + 14]) set(x, y, INK);
}

test("a blank cell between its rulings holds no character's ink", () => {
  assert.equal(holdsCharacterInk(patch(rulings), LINE), false);
});

test("a character in the cell is ink, even printed across the cell's ruling", () => {
  assert.equal(holdsCharacterInk(ruledCharacter(60), LINE), true);
  assert.equal(holdsCharacterInk(ruledCharacter(0), LINE), true);
});

test("what is left of a whitened seal, red, and a slanted ruling are no character", () => {
  const red = patch((set) => {
    rulings(set);
    for (let t = 0; t < 40; t++) for (let w = 0; w < 4; w++) set(100 + t + w, 15 + t, [200, 120, 110]);
  });
  assert.equal(holdsCharacterInk(red, LINE), false);
  const slanted = patch((set) => {
    for (let x = 0; x < LINE * 8; x++) for (let w = 0; w < 2; w++) set(x, 20 + x * 0.1 + w, INK);
  });
  assert.equal(holdsCharacterInk(slanted, LINE), false);
});

test("ink right at the end of a cell bounded by the next label is that label's", () => {
  const end = ruledCharacter(LINE * 8 - 30);
  assert.equal(holdsCharacterInk(end, LINE, LINE * 1.2), false);
  assert.equal(holdsCharacterInk(end, LINE), true);
});
