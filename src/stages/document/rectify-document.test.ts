import assert from "node:assert/strict";
import { test } from "node:test";
import { drawScene } from "../../../test/support/document-scene.ts";
import { applyHomography } from "../../geometry/homography.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad } from "../../types.ts";
import { rectifyDocument } from "./rectify-document.ts";

const CORNERS: Quad = [
  { x: 130, y: 90 },
  { x: 690, y: 140 },
  { x: 650, y: 520 },
  { x: 90, y: 470 },
];

/** Mean colour of a small square of an RGBA image. */
function meanAt(image: RawImage, x: number, y: number): number[] {
  const sum = [0, 0, 0];
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const i = ((y + dy) * image.width + x + dx) * image.channels;
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (image.data[i + c] as number) / 25;
    }
  }
  return sum;
}

test("warps a page in perspective to an upright rectangle of its own size", () => {
  const photo = drawScene({ width: 800, height: 600, corners: CORNERS, background: "dark", seed: 1 });
  const { image, homography } = rectifyDocument(photo, CORNERS);
  // Mean side lengths: top 562, bottom 562, left 383, right 382.
  assert.ok(
    Math.abs(image.width - 562) <= 2 && Math.abs(image.height - 382) <= 2,
    `${image.width}×${image.height}`,
  );
  const corner = applyHomography(homography, image.width, image.height);
  assert.ok(Math.hypot(corner.x - 650, corner.y - 520) < 0.5);
  // The page is drawn on a 600×420 sheet: paper in its margins, the red seal centred at (470, 320).
  const sx = image.width / 600;
  const sy = image.height / 420;
  const margin = meanAt(image, Math.round(15 * sx), Math.round(15 * sy));
  assert.ok(
    margin.every((c) => c > 215),
    `margin ${margin}`,
  );
  const seal = meanAt(image, Math.round(470 * sx), Math.round(300 * sy));
  assert.ok((seal[0] as number) > 150 && (seal[1] as number) < 110, `seal ${seal}`);
  const corners = [meanAt(image, 4, 4), meanAt(image, image.width - 5, image.height - 5)];
  for (const colour of corners)
    assert.ok(
      colour.every((c) => c > 200),
      `corner ${colour}`,
    );
});

test("caps the output size", () => {
  const photo = drawScene({ width: 800, height: 600, corners: CORNERS, background: "dark", seed: 1 });
  const { image } = rectifyDocument(photo, CORNERS, { maximumSide: 200 });
  assert.equal(Math.max(image.width, image.height), 200);
});
