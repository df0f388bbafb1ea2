import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad } from "../types.ts";
import { applyHomography, computeHomography } from "./homography.ts";

const square: Quad = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];
const skewed: Quad = [
  { x: 3, y: 5 },
  { x: 40, y: 2 },
  { x: 44, y: 30 },
  { x: 1, y: 25 },
];

test("a homography maps each corner onto its partner", () => {
  const h = computeHomography(square, skewed);
  assert.ok(h);
  square.forEach((p, i) => {
    const q = applyHomography(h, p.x, p.y);
    assert.ok(Math.abs(q.x - (skewed[i]?.x ?? 0)) < 1e-9 && Math.abs(q.y - (skewed[i]?.y ?? 0)) < 1e-9);
  });
});

test("forward then backward homography returns an inner point to where it was", () => {
  const forward = computeHomography(square, skewed);
  const backward = computeHomography(skewed, square);
  assert.ok(forward && backward);
  const there = applyHomography(forward, 3.3, 7.1);
  const back = applyHomography(backward, there.x, there.y);
  assert.ok(Math.abs(back.x - 3.3) < 1e-9 && Math.abs(back.y - 7.1) < 1e-9);
});

test("degenerate corners give no homography", () => {
  const line: Quad = [
    { x: 0, y: 0 },
    { x: 1, y: 1 },
    { x: 2, y: 2 },
    { x: 3, y: 3 },
  ];
  assert.equal(computeHomography(square, line), undefined);
});
