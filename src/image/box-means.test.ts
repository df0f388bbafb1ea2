import assert from "node:assert/strict";
import { test } from "node:test";
import { boxMeans } from "./box-means.ts";

test("each pixel gets the mean of its window, cut at the edges", () => {
  // 3×2: 0 3 6 / 9 12 15
  const data = Uint8Array.from([0, 3, 6, 9, 12, 15]);
  const means = boxMeans(data, 3, 2, 1);
  // Top-left window: 0 3 9 12 → 6; middle top: all six → 7.5; bottom-right: 3 6 12 15 → 9.
  assert.deepEqual(Array.from(means), [6, 7.5, 9, 6, 7.5, 9]);
  assert.deepEqual(Array.from(boxMeans(data, 3, 2, 0)), Array.from(data));
});
