import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad } from "../../types.ts";
import { isRowNeighbour, joinLines } from "./join-lines.ts";
import { makeTextLine } from "./make-text-line.ts";

const box = (left: number, top: number, width: number, height = 20): Quad => [
  { x: left, y: top },
  { x: left + width, y: top },
  { x: left + width, y: top + height },
  { x: left, y: top + height },
];

test("isRowNeighbour accepts the next box on the row and refuses others", () => {
  const first = makeTextLine("户", { quad: box(0, 0, 20) });
  assert.ok(isRowNeighbour(first, makeTextLine("别", { quad: box(60, 2, 20) })));
  assert.ok(!isRowNeighbour(first, makeTextLine("别", { quad: box(60, 30, 20) })), "next row");
  assert.ok(!isRowNeighbour(first, makeTextLine("别", { quad: box(200, 0, 20) })), "too far");
  assert.ok(!isRowNeighbour(first, makeTextLine("别", { quad: box(-60, 0, 20) })), "behind");
});

test("joinLines keeps each character where it was, with a space for the gap", () => {
  const joined = joinLines(
    makeTextLine("户", { quad: box(0, 0, 20) }),
    makeTextLine("别家庭户", { quad: box(60, 0, 80) }),
  );
  assert.equal(joined.text, "户 别家庭户");
  assert.deepEqual(joined.quad, box(0, 0, 140));
  const spans = joined.chars.map((char) => [char.start * 140, char.end * 140].map(Math.round));
  assert.deepEqual(spans, [
    [0, 20],
    [20, 60],
    [60, 80],
    [80, 100],
    [100, 120],
    [120, 140],
  ]);
});
