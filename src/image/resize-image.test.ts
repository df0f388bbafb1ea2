import assert from "node:assert/strict";
import { test } from "node:test";
import { RecognitionError } from "../errors.ts";
import { resizeImage } from "./resize-image.ts";

test("resizes to the exact size asked, keeping the channel count and flat colours", async () => {
  for (const channels of [1, 3, 4] as const) {
    // Opaque alpha: a translucent one is premultiplied for resizing and may round by one.
    const data = Uint8Array.from({ length: 40 * 20 * channels }, (_, i) =>
      channels === 4 && i % 4 === 3 ? 255 : 123,
    );
    const resized = await resizeImage({ width: 40, height: 20, channels, data }, 25, 33);
    assert.deepEqual([resized.width, resized.height, resized.channels], [25, 33, channels]);
    assert.equal(resized.data.length, 25 * 33 * channels);
    assert.ok(resized.data.every((value, i) => value === (channels === 4 && i % 4 === 3 ? 255 : 123)));
  }
});

test("a left-to-right ramp stays a ramp after upscaling", async () => {
  const data = Uint8Array.from({ length: 16 * 4 }, (_, i) => (i % 16) * 16);
  const resized = await resizeImage({ width: 16, height: 4, channels: 1, data }, 64, 4);
  const row = [...resized.data.subarray(0, 64)];
  assert.ok((row[0] as number) < 20 && (row[63] as number) > 220);
  assert.ok((row[20] as number) < (row[40] as number));
});

test("non-positive or fractional sizes are InvalidParameter", async () => {
  const image = { width: 2, height: 2, channels: 1 as const, data: new Uint8Array(4) };
  for (const [width, height] of [
    [0, 5],
    [5, -1],
    [2.5, 2],
  ]) {
    await assert.rejects(resizeImage(image, width as number, height as number), (error: unknown) => {
      return error instanceof RecognitionError && error.code === "InvalidParameter";
    });
  }
});

test("every kernel keeps a flat image flat", async () => {
  const image = { width: 30, height: 30, channels: 3 as const, data: new Uint8Array(30 * 30 * 3).fill(200) };
  for (const kernel of ["nearest", "linear", "cubic", "lanczos3"] as const) {
    const resized = await resizeImage(image, 17, 45, { kernel });
    assert.ok(
      resized.data.every((value) => value === 200),
      kernel,
    );
  }
});
