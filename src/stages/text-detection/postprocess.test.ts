import assert from "node:assert/strict";
import { test } from "node:test";
import { quadBounds } from "../../geometry/quad.ts";
import { findComponents } from "./connected-components.ts";
import { boxesFromProbabilityMap, meanInsideQuad } from "./postprocess.ts";

const thresholds = {
  binaryThreshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

function map(width: number, height: number, rects: [number, number, number, number, number][]): Float32Array {
  const values = new Float32Array(width * height);
  for (const [left, top, right, bottom, value] of rects) {
    for (let y = top; y < bottom; y++) values.fill(value, y * width + left, y * width + right);
  }
  return values;
}

test("diagonal neighbours join one 8-connected component; separate blobs stay apart", () => {
  const values = map(8, 4, [
    [0, 0, 1, 1, 1],
    [1, 1, 2, 2, 1],
    [5, 0, 7, 3, 1],
  ]);
  const components = findComponents(values, 8, 4, 0.5).sort((a, b) => a.pixelCount - b.pixelCount);
  assert.deepEqual(
    components.map((c) => c.pixelCount),
    [2, 6],
  );
});

test("two text kernels give two boxes grown by the unclip offset, weak and tiny blobs dropped", () => {
  const width = 96;
  const height = 64;
  const values = map(width, height, [
    [10, 10, 50, 18, 0.9],
    [10, 30, 80, 40, 0.8],
    [60, 50, 90, 58, 0.45],
    [2, 58, 4, 60, 0.9],
  ]);
  const boxes = boxesFromProbabilityMap(values, width, height, thresholds);
  assert.equal(boxes.length, 2);
  const first = boxes.find((box) => quadBounds(box.quad).top < 20);
  assert.ok(first);
  // Kernel pixel centres span 10…49 × 10…17: 39 × 7, so the offset is 39·7·1.5 / (2·46).
  const offset = (39 * 7 * 1.5) / 92;
  const bounds = quadBounds(first.quad);
  assert.ok(Math.abs(bounds.left - (10.5 - offset)) < 1e-6);
  assert.ok(Math.abs(bounds.right - (49.5 + offset)) < 1e-6);
  assert.ok(Math.abs(first.score - 0.9) < 1e-6);
});

test("the box score is the mean inside the quad only", () => {
  const values = map(10, 10, [[2, 2, 6, 6, 1]]);
  const inside = meanInsideQuad(values, 10, 10, [
    { x: 2, y: 2 },
    { x: 5, y: 2 },
    { x: 5, y: 5 },
    { x: 2, y: 5 },
  ]);
  assert.equal(inside, 1);
  const wider = meanInsideQuad(values, 10, 10, [
    { x: 0, y: 2 },
    { x: 7, y: 2 },
    { x: 7, y: 5 },
    { x: 0, y: 5 },
  ]);
  assert.equal(wider, 0.5);
});

test("two touching lines (a value printed over its label) make one box, scored by their own pixels", () => {
  // A short label (住址) touching the start of a longer line printed half a line higher: one L-shaped region whose
  // rectangle is half background. Its rectangle alone would score 0.45 and drop both lines.
  const width = 200;
  const height = 60;
  const values = map(width, height, [
    [10, 30, 40, 44, 0.9],
    [30, 14, 190, 30, 0.9],
  ]);
  const boxes = boxesFromProbabilityMap(values, width, height, thresholds);
  assert.equal(boxes.length, 1);
  const [box] = boxes;
  assert.ok(box);
  const bounds = quadBounds(box.quad);
  assert.ok(bounds.left < 10 && bounds.right > 190, "the box takes in both lines");
  assert.ok(box.score >= thresholds.boxThreshold);
});

test("a faint irregular region is still dropped", () => {
  const width = 200;
  const height = 60;
  const values = map(width, height, [
    [10, 30, 40, 44, 0.5],
    [30, 14, 190, 30, 0.5],
  ]);
  assert.equal(boxesFromProbabilityMap(values, width, height, thresholds).length, 0);
});

test("touching lines the map is less sure of where they meet are parted into a box each", () => {
  // The same L-shape, but where label and value touch the map holds 0.4: above the binary threshold, below 0.5.
  const width = 200;
  const height = 60;
  const values = map(width, height, [
    [10, 30, 36, 44, 0.9],
    [36, 30, 40, 44, 0.4],
    [40, 14, 190, 30, 0.9],
    [36, 28, 40, 30, 0.4],
  ]);
  const boxes = boxesFromProbabilityMap(values, width, height, thresholds);
  assert.equal(boxes.length, 2);
  const [label, value] = boxes.map((box) => quadBounds(box.quad)).sort((a, b) => a.left - b.left);
  assert.ok(label && value);
  assert.ok(label.right < 60 && label.top > 14, "the label's box does not reach over the value's line");
  assert.ok(value.right > 190 && value.bottom < 44, "the value's box does not reach down the label's line");
});
