import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad } from "../types.ts";
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

test("an RGB image warps as its three channels warped one by one (one sample and supersampled)", () => {
  const width = 37;
  const height = 29;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 97 + ((i * i) % 251)) % 256;
  const image: RawImage = { width, height, channels: 3, data: rgb };
  const channel = (c: number): RawImage => ({
    width,
    height,
    channels: 1,
    data: Uint8Array.from({ length: width * height }, (_, p) => rgb[p * 3 + c] as number),
  });
  const quads: Quad[] = [
    // Slanted and in perspective, about the output's size: one sample per pixel.
    [
      { x: 3.3, y: 2.1 },
      { x: 30.7, y: 5.2 },
      { x: 28.1, y: 20.9 },
      { x: 1.2, y: 17.4 },
    ],
    // Running off the image (edges replicated) and much larger than the output: supersampled.
    [
      { x: -4, y: -3 },
      { x: 41, y: 1 },
      { x: 39, y: 33 },
      { x: -2, y: 30 },
    ],
  ];
  for (const [quad, w, h] of [
    [quads[0] as Quad, 27, 16],
    [quads[1] as Quad, 9, 6],
  ] as const) {
    const out = warpImage(image, quad, w, h);
    for (let c = 0; c < 3; c++) {
      const single = warpImage(channel(c), quad, w, h);
      const fromRgb = Array.from({ length: w * h }, (_, p) => out.data[p * 3 + c]);
      assert.deepEqual(fromRgb, [...single.data], `channel ${c} of a ${w}×${h} warp`);
    }
  }
});
