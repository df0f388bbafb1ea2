import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { detectPhotocopy } from "./detect-photocopy.ts";

/** A 100×100 page: paper of the given tint, dark text strokes, and an optional red seal blob. */
function page(paper: [number, number, number], withSeal: boolean): RawImage {
  const width = 100;
  const height = 100;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let colour = paper;
      if (y % 10 < 2 && x > 10 && x < 90) colour = [35, 35, 40];
      if (withSeal && (x - 70) ** 2 + (y - 70) ** 2 < 144) colour = [210, 50, 60];
      data.set(colour, (y * width + x) * 3);
    }
  }
  return { width, height, channels: 3, data };
}

test("a colour original with a red seal is not a photocopy", () => {
  assert.equal(detectPhotocopy(page([240, 238, 230], true)), false);
});

test("a grey copy is a photocopy, even under a warm light cast", () => {
  assert.equal(detectPhotocopy(page([235, 235, 235], false)), true);
  assert.equal(detectPhotocopy(page([250, 225, 190], false)), true);
});

test("a single-channel image is a photocopy", () => {
  assert.equal(detectPhotocopy({ width: 2, height: 2, channels: 1, data: new Uint8Array(4) }), true);
});
