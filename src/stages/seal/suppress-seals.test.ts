import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { suppressSeals } from "./suppress-seals.ts";

function solid(pixels: [number, number, number][]): RawImage {
  return { width: pixels.length, height: 1, channels: 3, data: Uint8Array.from(pixels.flat()) };
}

test("seal red becomes light grey while black and blue ink stay dark", () => {
  const sealRed: [number, number, number] = [215, 60, 70];
  const black: [number, number, number] = [30, 30, 35];
  const blue: [number, number, number] = [40, 50, 150];
  const blackUnderSeal: [number, number, number] = [70, 20, 25];
  const paper: [number, number, number] = [245, 242, 235];
  const { image, changedShare } = suppressSeals(solid([sealRed, black, blue, blackUnderSeal, paper]));
  const px = (i: number) => Array.from(image.data.slice(i * 3, i * 3 + 3));
  assert.ok((px(0)[0] as number) > 200, "seal pixel lifted");
  assert.equal(px(0)[0], px(0)[1]);
  assert.deepEqual(px(1), black);
  assert.deepEqual(px(2), blue);
  assert.ok((px(3)[0] as number) < 100, "text under the seal stays dark");
  assert.deepEqual(px(4), paper);
  assert.equal(changedShare, 1 / 5);
});

test("grey images pass through unchanged", () => {
  const grey: RawImage = { width: 2, height: 1, channels: 1, data: Uint8Array.from([10, 200]) };
  assert.equal(suppressSeals(grey).image, grey);
});
