import assert from "node:assert/strict";
import { test } from "node:test";
import { weightedCircularMedian } from "./circular-median.ts";

test("angles either side of ±π give a median near π, not near 0", () => {
  const median = weightedCircularMedian([
    { angle: Math.PI - 0.05, weight: 1 },
    { angle: -Math.PI + 0.03, weight: 1 },
    { angle: Math.PI - 0.01, weight: 1 },
  ]);
  assert.ok(Math.abs(Math.abs(median) - Math.PI) < 0.06, `median ${median}`);
});

test("weights decide, and an outlier does not pull the median", () => {
  const median = weightedCircularMedian([
    { angle: 0.1, weight: 5 },
    { angle: 0.12, weight: 5 },
    { angle: 2, weight: 1 },
  ]);
  assert.ok(Math.abs(median - 0.1) < 0.03, `median ${median}`);
  assert.equal(weightedCircularMedian([]), 0);
});
