import assert from "node:assert/strict";
import { test } from "node:test";
import { toGrayscale } from "./to-grayscale.ts";

test("RGB becomes BT.601 luma; black and white stay exact", () => {
  const data = new Uint8Array([0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
  const grey = toGrayscale({ width: 5, height: 1, channels: 3, data });
  assert.equal(grey.channels, 1);
  assert.deepEqual([...grey.data], [0, 255, 77, 149, 29]);
});

test("alpha is ignored and a grey image is returned unchanged", () => {
  const rgba = toGrayscale({ width: 1, height: 1, channels: 4, data: new Uint8Array([100, 100, 100, 0]) });
  assert.deepEqual([...rgba.data], [100]);
  const grey = { width: 1, height: 1, channels: 1 as const, data: new Uint8Array([7]) };
  assert.equal(toGrayscale(grey), grey);
});
