import assert from "node:assert/strict";
import { test } from "node:test";
import { cropImage } from "./crop-image.ts";
import type { RawImage } from "./raw-image.ts";

const image: RawImage = {
  width: 4,
  height: 3,
  channels: 1,
  data: Uint8Array.from([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]),
};

test("a rectangle inside the image is copied row by row", () => {
  const crop = cropImage(image, 1, 1, 2, 2);
  assert.deepEqual([crop.width, crop.height], [2, 2]);
  assert.deepEqual(Array.from(crop.data), [11, 12, 21, 22]);
});

test("a rectangle over the edge is clamped to the image", () => {
  const crop = cropImage(image, -5, 2, 100, 100);
  assert.deepEqual([crop.width, crop.height], [4, 1]);
  assert.deepEqual(Array.from(crop.data), [20, 21, 22, 23]);
  assert.deepEqual([cropImage(image, 9, 9, 0, 0).width, cropImage(image, 9, 9, 0, 0).height], [1, 1]);
});
