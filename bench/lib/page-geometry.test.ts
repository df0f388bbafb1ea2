import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cornerError, nearestQuarterTurn, sliceRectCorners } from "./page-geometry.ts";

const SQUARE = [
  { x: 0, y: 0 },
  { x: 300, y: 0 },
  { x: 300, y: 400 },
  { x: 0, y: 400 },
];

describe("cornerError", () => {
  it("is 0 for the true corners", () => {
    assert.equal(cornerError(SQUARE, SQUARE), 0);
  });

  it("is the worst corner's distance over the diagonal", () => {
    const found = [
      { x: 3, y: 4 },
      { x: 300, y: 0 },
      { x: 300, y: 425 },
      { x: 0, y: 400 },
    ];
    assert.equal(cornerError(SQUARE, found), 25 / 500);
  });

  it("counts a quarter-turned corner order as wrong", () => {
    const turned = [...SQUARE.slice(3), ...SQUARE.slice(0, 3)];
    assert.ok(cornerError(SQUARE, turned) > 0.5);
  });

  it("is infinite when there is nothing to compare", () => {
    assert.equal(cornerError(SQUARE, []), Number.POSITIVE_INFINITY);
  });
});

describe("sliceRectCorners", () => {
  it("lists x0,y0 … x3,y3 in order", () => {
    const rect = { x0: 1, y0: 2, x1: 3, y1: 4, x2: 5, y2: 6, x3: 7, y3: 8 };
    assert.deepEqual(sliceRectCorners(rect), [
      { x: 1, y: 2 },
      { x: 3, y: 4 },
      { x: 5, y: 6 },
      { x: 7, y: 8 },
    ]);
  });
});

describe("nearestQuarterTurn", () => {
  it("rounds to 0, 90, 180 or 270", () => {
    assert.equal(nearestQuarterTurn(0), 0);
    assert.equal(nearestQuarterTurn(44), 0);
    assert.equal(nearestQuarterTurn(46), 90);
    assert.equal(nearestQuarterTurn(359), 0);
    assert.equal(nearestQuarterTurn(-90), 270);
    assert.equal(nearestQuarterTurn(-3), 0);
    assert.equal(nearestQuarterTurn(540), 180);
  });
});
