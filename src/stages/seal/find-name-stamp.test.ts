import assert from "node:assert/strict";
import { test } from "node:test";
import { findNameStamp, withoutRulings } from "./find-name-stamp.ts";
import type { InkMask } from "./stamp-ink.ts";

const UNIT = 40;

function blank(width = 280, height = 160): InkMask {
  return { width, height, data: new Uint8Array(width * height) };
}

/** Inks every pixel whose centre, turned back by `angle` about (cx, cy), satisfies `inside(u, v)`. */
function paint(
  mask: InkMask,
  cx: number,
  cy: number,
  angle: number,
  inside: (u: number, v: number) => boolean,
) {
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      if (inside(dx * cos - dy * sin, dx * sin + dy * cos)) mask.data[y * mask.width + x] = 1;
    }
  }
}

/** A square stamp of side `side` turned by `angle`: a frame and four blocks of "characters". */
function stamp(mask: InkMask, cx: number, cy: number, side: number, angle: number, frame = true) {
  const half = side / 2;
  const border = side * 0.07;
  paint(mask, cx, cy, angle, (u, v) => {
    const inSquare = Math.abs(u) <= half && Math.abs(v) <= half;
    const onFrame = inSquare && (Math.abs(u) > half - border || Math.abs(v) > half - border);
    const inGlyph =
      Math.abs(u) > side * 0.06 &&
      Math.abs(u) < side * 0.38 &&
      Math.abs(v) > side * 0.06 &&
      Math.abs(v) < side * 0.38;
    const stroke = inGlyph && (Math.floor((u + half) / 4) % 2 === 0 || Math.floor((v + half) / 4) % 2 === 0);
    return (frame && onFrame) || stroke;
  });
}

test("a turned red stamp is found with its turn and size", () => {
  const mask = blank();
  stamp(mask, 120, 78, 76, (5 * Math.PI) / 180);
  const found = findNameStamp(mask, UNIT, "red");
  assert.ok(found);
  assert.ok(Math.abs(found.angle - (5 * Math.PI) / 180) <= (1.5 * Math.PI) / 180, `angle ${found.angle}`);
  assert.ok(
    Math.abs(found.width - 76) <= 4 && Math.abs(found.height - 76) <= 4,
    `${found.width}×${found.height}`,
  );
  assert.ok(Math.abs(found.center.x - 120) <= 2 && Math.abs(found.center.y - 78) <= 2);
  assert.ok(found.framed);
});

test("a round seal's arc cut by the cell's edge is not a stamp; an empty cell has none", () => {
  const mask = blank();
  paint(mask, 300, 40, 0, (u, v) => Math.abs(Math.hypot(u, v) - 150) < 4);
  assert.equal(findNameStamp(mask, UNIT, "red"), undefined);
  assert.equal(findNameStamp(blank(), UNIT, "red"), undefined);
});

test("a blob too small or too large for the text height is not a stamp", () => {
  const small = blank();
  stamp(small, 120, 80, 24, 0);
  assert.equal(findNameStamp(small, UNIT, "red"), undefined);
  const large = blank(400, 300);
  paint(
    large,
    200,
    150,
    0,
    (u, v) => Math.max(Math.abs(u), Math.abs(v)) < 110 && Math.max(Math.abs(u), Math.abs(v)) > 100,
  );
  assert.equal(findNameStamp(large, UNIT, "red"), undefined);
});

test("dark ink must be framed: a photocopied stamp is found, a signature is not", () => {
  const copy = blank();
  stamp(copy, 120, 80, 76, 0);
  assert.ok(findNameStamp(copy, UNIT, "dark")?.framed);
  const signature = blank();
  stamp(signature, 120, 80, 76, 0, false);
  assert.equal(findNameStamp(signature, UNIT, "dark"), undefined);
  // Red ink needs no frame.
  assert.ok(findNameStamp(signature, UNIT, "red"));
});

test("the form's rulings touching a photocopied stamp are removed first", () => {
  const mask = blank();
  stamp(mask, 120, 80, 76, 0);
  // A horizontal ruling along the stamp's top edge, slightly slanted, and a vertical one across the cell.
  paint(mask, 140, 42, 0.01, (u, v) => Math.abs(v) < 1.5 && Math.abs(u) < 200);
  paint(mask, 30, 80, 0, (u, v) => Math.abs(u) < 1.5 && Math.abs(v) < 200);
  const found = findNameStamp(mask, UNIT, "dark");
  assert.ok(found);
  assert.ok(Math.abs(found.center.x - 120) <= 3, `x ${found.center.x}`);
});

test("ruling removal keeps short strokes and bridges small breaks", () => {
  const mask = blank(100, 10);
  for (let x = 0; x < 100; x++) if (x % 30 !== 0) mask.data[5 * 100 + x] = 1;
  for (let x = 10; x < 20; x++) mask.data[2 * 100 + x] = 1;
  const out = withoutRulings(mask, 50, 2);
  assert.equal(
    out.data.slice(500, 600).reduce((sum, value) => sum + value, 0),
    0,
  );
  assert.equal(
    out.data.slice(200, 300).reduce((sum, value) => sum + value, 0),
    10,
  );
});
