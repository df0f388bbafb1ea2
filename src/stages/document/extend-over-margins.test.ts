import assert from "node:assert/strict";
import { test } from "node:test";
import { cornerError } from "../../../test/support/document-scene.ts";
import { type Colour, canvas, fill, rect } from "../../../test/support/flat-image.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad } from "../../types.ts";
import { extendOverMargins, paperTone } from "./extend-over-margins.ts";
import { fitPageToContent } from "./fit-page-to-content.ts";
import type { DocumentLocation } from "./locate-document.ts";

const CREAM: Colour = [246, 240, 228];
const BAND: Colour = [70, 130, 90];

/** A sheet over (40, 50)–(460, 610) with a printed frame `inset` pixels inside its edge: two 3 px rules. */
function framedSheet(background: Colour, sheet: Colour, inset: number): RawImage {
  const image = canvas(500, 640, background);
  const [left, top, right, bottom] = [40, 50, 460, 610];
  fill(image, left, top, right, bottom, sheet);
  for (const at of [inset, inset + 9]) {
    fill(image, left + at, top + at, right - at, bottom - at, BAND);
    fill(image, left + at + 3, top + at + 3, right - at - 3, bottom - at - 3, sheet);
  }
  return image;
}

test("moves sides found at a printed frame out over the blank margin to the sheet's edge", () => {
  // Cream paper on a light grey scanner bed: as bright as the paper, only less colourful.
  const image = framedSheet([238, 238, 238], CREAM, 14);
  const atFrame = rect(54, 64, 446, 596);
  const tone = paperTone(image, { left: 150, top: 200, right: 350, bottom: 450 });
  const found = extendOverMargins(image, atFrame, tone, 30);
  const sheet = rect(40, 50, 460, 610);
  assert.ok(cornerError(found, sheet) < 0.003, `error ${cornerError(found, sheet)}`);
});

test("leaves the frame where the sheet's edge cannot be seen (white paper on a white copier lid)", () => {
  const image = framedSheet([250, 250, 250], [250, 250, 250], 14);
  const atFrame = rect(54, 64, 446, 596);
  const tone = paperTone(image, { left: 150, top: 200, right: 350, bottom: 450 });
  assert.deepEqual(extendOverMargins(image, atFrame, tone, 30), atFrame);
});

test("leaves a margin wider than the reach, and a side already at the paper's edge, alone", () => {
  const image = framedSheet([60, 50, 45], CREAM, 14);
  const tone = paperTone(image, { left: 150, top: 200, right: 350, bottom: 450 });
  assert.deepEqual(extendOverMargins(image, rect(54, 64, 446, 596), tone, 8), rect(54, 64, 446, 596));
  assert.deepEqual(extendOverMargins(image, rect(40, 50, 460, 610), tone, 30), rect(40, 50, 460, 610));
});

test("fits a certificate to its sheet, not to the printed frame inside it", () => {
  const image = framedSheet([238, 238, 238], CREAM, 16);
  // What was read: text-like boxes inside the frame.
  const boxes: Quad[] = [];
  for (let y = 120; y + 14 <= 540; y += 40) {
    for (let x = 110; x + 60 <= 390; x += 100) {
      fill(image, x, y, x + 60, y + 14, [40, 40, 60]);
      boxes.push(rect(x, y, x + 60, y + 14));
    }
  }
  const location: DocumentLocation = { quad: rect(0, 0, 500, 640), confidence: 0.5, method: "whole-image" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 420 / 560 });
  const sheet = rect(40, 50, 460, 610);
  assert.ok(cornerError(found, sheet) < 0.005, `error ${cornerError(found, sheet)}`);
});
