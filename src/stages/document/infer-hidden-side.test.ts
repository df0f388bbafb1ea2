import assert from "node:assert/strict";
import { test } from "node:test";
import type { Point, Quad } from "../../types.ts";
import { inferHiddenSide } from "./infer-hidden-side.ts";

const ASPECT = 143 / 105;
const keepAll = () => true;

function near(a: Point, b: Point): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) < 0.5;
}

/** A page 715 × 525 with its left side put 60 px too far out (at the facing page's edge). */
const tooWide: Quad = [
  { x: 40, y: 50 },
  { x: 815, y: 50 },
  { x: 815, y: 575 },
  { x: 40, y: 575 },
];

test("puts the least sure side where the document's shape says on a flat picture", () => {
  const moved = inferHiddenSide(tooWide, [200, 180, 190, 60], ASPECT, keepAll);
  assert.ok(near(moved[0], { x: 100, y: 50 }), JSON.stringify(moved));
  assert.ok(near(moved[3], { x: 100, y: 575 }), JSON.stringify(moved));
  assert.ok(near(moved[1], tooWide[1]) && near(moved[2], tooWide[2]));
});

test("moves a top or bottom side through the width", () => {
  // 715 wide and 585 tall: the bottom is 60 px too low and the least sure.
  const tall: Quad = [
    { x: 100, y: 50 },
    { x: 815, y: 50 },
    { x: 815, y: 635 },
    { x: 100, y: 635 },
  ];
  const moved = inferHiddenSide(tall, [200, 180, 40, 190], ASPECT, keepAll);
  assert.ok(near(moved[2], { x: 815, y: 575 }) && near(moved[3], { x: 100, y: 575 }), JSON.stringify(moved));
});

test("follows a flat picture turned by a few degrees", () => {
  const turn = (p: Point): Point => {
    const a = (4 * Math.PI) / 180;
    return { x: p.x * Math.cos(a) - p.y * Math.sin(a) + 100, y: p.x * Math.sin(a) + p.y * Math.cos(a) };
  };
  const moved = inferHiddenSide(tooWide.map(turn) as unknown as Quad, [200, 180, 190, 60], ASPECT, keepAll);
  assert.ok(near(moved[0], turn({ x: 100, y: 50 })) && near(moved[3], turn({ x: 100, y: 575 })));
});

test("leaves an outline of the document's shape alone", () => {
  const fitting: Quad = [
    { x: 100, y: 50 },
    { x: 815, y: 50 },
    { x: 815, y: 575 },
    { x: 100, y: 575 },
  ];
  assert.equal(inferHiddenSide(fitting, [200, 180, 190, 60], ASPECT, keepAll), fitting);
});

test("leaves a picture with perspective alone: lengths there do not give the shape", () => {
  const slanted: Quad = [
    { x: 40, y: 50 },
    { x: 815, y: 80 },
    { x: 815, y: 545 },
    { x: 40, y: 575 },
  ];
  assert.equal(inferHiddenSide(slanted, [200, 180, 190, 60], ASPECT, keepAll), slanted);
});

test("leaves the outline alone when no side is less sure than another", () => {
  const sure = Number.POSITIVE_INFINITY;
  assert.equal(inferHiddenSide(tooWide, [sure, sure, sure, sure], ASPECT, keepAll), tooWide);
  assert.equal(inferHiddenSide(tooWide, [200, 60, 190, 60], ASPECT, keepAll), tooWide);
});

test("does not cut off what was read", () => {
  assert.equal(
    inferHiddenSide(tooWide, [200, 180, 190, 60], ASPECT, () => false),
    tooWide,
  );
});
