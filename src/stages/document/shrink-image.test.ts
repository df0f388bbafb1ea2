import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { shrinkImage } from "./shrink-image.ts";

/** Each output pixel's channel, the rounded mean of its block, computed the plain way. */
function blockMeans(image: RawImage, k: number): number[] {
  const width = Math.floor(image.width / k);
  const height = Math.floor(image.height / k);
  const out: number[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < image.channels; c++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++)
          for (let dx = 0; dx < k; dx++)
            sum += image.data[((y * k + dy) * image.width + x * k + dx) * image.channels + c] as number;
        out.push(Math.round(sum / (k * k)));
      }
  return out;
}

function noise(width: number, height: number, channels: RawImage["channels"]): RawImage {
  const data = new Uint8Array(width * height * channels);
  let seed = 7;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    data[i] = seed % 256;
  }
  return { width, height, channels, data };
}

test("each block is averaged, channel by channel, partial blocks at the edges dropped", () => {
  for (const channels of [1, 3, 4] as const) {
    for (const k of [2, 3, 5]) {
      const image = noise(23, 17, channels);
      const small = shrinkImage(image, k);
      assert.equal(small.width, Math.floor(23 / k));
      assert.equal(small.height, Math.floor(17 / k));
      assert.equal(small.channels, channels);
      assert.deepEqual([...small.data], blockMeans(image, k));
    }
  }
});

test("a factor of 1 returns the image itself", () => {
  const image = noise(4, 4, 3);
  assert.equal(shrinkImage(image, 1), image);
});
