import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "./raw-image.ts";
import { warpImage } from "./warp-image.ts";

/** A grey image whose value is 2x + 3y, so bilinear sampling reproduces it exactly. */
function ramp(width: number, height: number): RawImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = 2 * x + 3 * y;
  return { width, height, channels: 1, data };
}

test("an axis-aligned quad of the same size copies the pixels", () => {
  const image = ramp(40, 30);
  const out = warpImage(
    image,
    [
      { x: 10, y: 5 },
      { x: 20, y: 5 },
      { x: 20, y: 9 },
      { x: 10, y: 9 },
    ],
    10,
    4,
  );
  assert.equal(out.channels, 1);
  for (let y = 0; y < 4; y++)
    for (let x = 0; x < 10; x++) assert.equal(out.data[y * 10 + x], 2 * (x + 10) + 3 * (y + 5));
});

test("a quad listed from its right edge comes out turned", () => {
  const image = ramp(40, 30);
  // Reading top to bottom along x = 20: the output's first row is the image's right-most column.
  const out = warpImage(
    image,
    [
      { x: 20, y: 0 },
      { x: 20, y: 10 },
      { x: 16, y: 10 },
      { x: 16, y: 0 },
    ],
    10,
    4,
  );
  assert.equal(out.data[0], 2 * 19 + 3 * 0);
  assert.equal(out.data[9], 2 * 19 + 3 * 9);
  assert.equal(out.data[30], 2 * 16 + 3 * 0);
});

test("shrinking averages instead of skipping pixels", () => {
  const width = 16;
  const data = new Uint8Array(width * 4);
  for (let i = 0; i < data.length; i++) data[i] = i % 2 === 0 ? 0 : 200;
  const out = warpImage(
    { width, height: 4, channels: 1, data },
    [
      { x: 0, y: 0 },
      { x: 16, y: 0 },
      { x: 16, y: 4 },
      { x: 0, y: 4 },
    ],
    4,
    1,
  );
  for (const value of out.data) assert.ok(Math.abs(value - 100) <= 10, `${value} is not the mean 100`);
});

test("sizes must be positive integers", () => {
  const image = ramp(4, 4);
  assert.throws(
    () => warpImage(image, [image, image, image, image].map(() => ({ x: 0, y: 0 })) as never, 0, 4),
    {
      code: "InvalidParameter",
    },
  );
});
