import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { detectionSize, toDetectionTensor } from "./preprocess.ts";

const limits = { minLongSide: 960, maxLongSide: 1280 };

test("small images are scaled up and huge ones down, both sides multiples of 32", () => {
  assert.deepEqual(detectionSize(480, 320, limits), { width: 960, height: 640 });
  assert.deepEqual(detectionSize(4000, 3000, limits), { width: 1280, height: 960 });
  assert.deepEqual(detectionSize(1000, 701, limits), { width: 992, height: 704 });
  assert.deepEqual(detectionSize(20, 900, limits), { width: 32, height: 960 });
});

test("the detection tensor is [1,3,H,W], standardised, in B, G, R plane order", () => {
  const width = 64;
  const height = 32;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set([255, 128, 0], i * 3);
  const image: RawImage = { width, height, channels: 3, data };
  const tensor = toDetectionTensor(image);
  assert.deepEqual(tensor.dims, [1, 3, height, width]);
  const plane = width * height;
  const mean = (p: number) =>
    tensor.data.subarray(p * plane, (p + 1) * plane).reduce((s, v) => s + v, 0) / plane;
  assert.ok(Math.abs(mean(0) - (0 - 0.485) / 0.229) < 1e-5, "blue plane first");
  assert.ok(Math.abs(mean(1) - (128 / 255 - 0.456) / 0.224) < 1e-5);
  assert.ok(Math.abs(mean(2) - (1 - 0.406) / 0.225) < 1e-5, "red plane last");
});

test("a grey image fills all three planes", () => {
  const image: RawImage = { width: 32, height: 32, channels: 1, data: new Uint8Array(32 * 32).fill(255) };
  const tensor = toDetectionTensor(image);
  assert.ok(Math.abs((tensor.data[0] ?? 0) - (1 - 0.485) / 0.229) < 1e-5);
  assert.ok(Math.abs((tensor.data[2 * 32 * 32] ?? 0) - (1 - 0.406) / 0.225) < 1e-5);
});
