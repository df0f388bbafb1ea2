import assert from "node:assert/strict";
import { test } from "node:test";
import { RecognitionError } from "../errors.ts";
import { checkImageBytes, checkImageSize, MAX_IMAGE_BYTES } from "./image-limits.ts";

function assertCode(action: () => void, code: string, message?: RegExp): void {
  assert.throws(action, (error: unknown) => {
    return error instanceof RecognitionError && error.code === code && (message?.test(error.message) ?? true);
  });
}

test("sides of 16 and 8191 px pass, 15 and 8192 fail with the size in the message", () => {
  checkImageSize(16, 16);
  checkImageSize(8191, 200);
  assertCode(() => checkImageSize(15, 100), "illegalImageSize", /15×100 px/);
  assertCode(() => checkImageSize(100, 8192), "illegalImageSize", /100×8192 px/);
});

test("an aspect ratio of 50 fails, just under it passes", () => {
  checkImageSize(4999, 100);
  assertCode(() => checkImageSize(5000, 100), "illegalImageSize", /5000×100 px.*50 times/);
  assertCode(() => checkImageSize(100, 5000), "illegalImageSize", /100×5000 px/);
});

test("10 MB passes, one byte more fails", () => {
  checkImageBytes(MAX_IMAGE_BYTES);
  assertCode(() => checkImageBytes(MAX_IMAGE_BYTES + 1), "exceededImageContent", /10485761 bytes/);
});
