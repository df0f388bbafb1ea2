import assert from "node:assert/strict";
import { test } from "node:test";
import { RecognitionError } from "../errors.ts";
import { decodeImage } from "./decode-image.ts";
import { encodeJpeg, encodePng } from "./encode-image.ts";

const image = {
  width: 32,
  height: 16,
  channels: 3 as const,
  data: Uint8Array.from({ length: 32 * 16 * 3 }, (_, i) => (i * 13) % 256),
};

test("PNG round-trips exactly", async () => {
  const decoded = await decodeImage(await encodePng(image));
  assert.deepEqual(decoded, { ...decoded, width: 32, height: 16, channels: 3 });
  assert.deepEqual([...decoded.data], [...image.data]);
});

test("JPEG starts with its signature and a lower quality gives fewer bytes", async () => {
  const high = await encodeJpeg(image, 95);
  const low = await encodeJpeg(image, 20);
  assert.deepEqual([...high.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.ok(low.length < high.length);
});

test("a quality outside 1–100 is InvalidParameter", async () => {
  await assert.rejects(encodeJpeg(image, 0), (error: unknown) => {
    return error instanceof RecognitionError && error.code === "InvalidParameter";
  });
});
