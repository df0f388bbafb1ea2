import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad } from "../../types.ts";
import { subQuad } from "./sub-quad.ts";

const slanted: Quad = [
  { x: 0, y: 0 },
  { x: 100, y: 10 },
  { x: 100, y: 30 },
  { x: 0, y: 20 },
];

test("subQuad cuts both long edges at the same fractions", () => {
  assert.deepEqual(subQuad(slanted, 0.5, 1), [
    { x: 50, y: 5 },
    { x: 100, y: 10 },
    { x: 100, y: 30 },
    { x: 50, y: 25 },
  ]);
});

test("subQuad clamps fractions to the line", () => {
  assert.deepEqual(subQuad(slanted, -1, 2), slanted);
});
