import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad } from "../../types.ts";
import { isAmbiguouslyTall, lineCropWidth, orientForReading, toRecognitionBatch } from "./preprocess.ts";

function box(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}

test("a line is cropped to height 48 keeping its aspect ratio", () => {
  assert.equal(lineCropWidth(box(200, 24)), 400);
  assert.equal(lineCropWidth(box(0.5, 24)), 0);
});

test("a tall box is read turned: its quad starts at the top-right corner", () => {
  const tall = box(20, 100);
  assert.deepEqual(orientForReading(tall), [tall[1], tall[2], tall[3], tall[0]]);
  assert.equal(lineCropWidth(orientForReading(tall)), 240);
  const wide = box(100, 20);
  assert.equal(orientForReading(wide), wide);
});

test("the batch is [N,3,48,W], W whole frames, pixels in [-1,1], padding 0", () => {
  const crop = (width: number, value: number): RawImage => ({
    width,
    height: 48,
    channels: 3,
    data: new Uint8Array(width * 48 * 3).fill(value),
  });
  const tensor = toRecognitionBatch([crop(30, 255), crop(21, 0)]);
  assert.deepEqual(tensor.dims, [2, 3, 48, 32]);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of tensor.data) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  assert.equal(min, -1);
  assert.equal(max, 1);
  assert.equal(tensor.data[0], 1);
  assert.equal(tensor.data[31], 0, "right of the 30-px crop is padding");
  assert.equal(tensor.data[3 * 48 * 32], -1, "second crop starts dark");
  assert.equal(tensor.data[3 * 48 * 32 + 21], 0);
});

test("only short tall boxes are read both ways", () => {
  assert.equal(isAmbiguouslyTall(box(16, 25)), true);
  assert.equal(isAmbiguouslyTall(box(20, 100)), false);
  assert.equal(isAmbiguouslyTall(box(25, 25)), false);
});
