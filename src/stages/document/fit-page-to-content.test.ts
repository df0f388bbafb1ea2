import assert from "node:assert/strict";
import { test } from "node:test";
import { cornerError } from "../../../test/support/document-scene.ts";
import { type Colour, canvas, fill, rect } from "../../../test/support/flat-image.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad } from "../../types.ts";
import { edgeProfiles } from "./edge-profiles.ts";
import { cutAskewByFrame, fitPageToContent } from "./fit-page-to-content.ts";
import type { DocumentLocation } from "./locate-document.ts";
import { shrinkImage } from "./shrink-image.ts";

/** Text-like dark boxes in rows across [left, right) × [top, bottom): the labels and values read. */
function printRows(image: RawImage, left: number, top: number, right: number, bottom: number): Quad[] {
  const boxes: Quad[] = [];
  for (let y = top; y + 14 <= bottom; y += 40) {
    for (let x = left; x + 60 <= right; x += 110) {
      fill(image, x, y, x + 60, y + 14, [40, 40, 60]);
      boxes.push(rect(x, y, x + 60, y + 14));
    }
  }
  return boxes;
}

const PAPER: Colour = [236, 232, 220];
const REGISTER_ASPECT = 143 / 105;

test("narrows an open booklet to the page that holds the labels, not its facing page", () => {
  const image = canvas(1000, 520, [90, 30, 26]);
  // The facing page on the left, the card on the right, a dark gutter between them.
  fill(image, 30, 60, 492, 460, PAPER);
  fill(image, 500, 60, 955, 460, PAPER);
  const boxes = printRows(image, 540, 110, 920, 420);
  const outline = rect(30, 60, 955, 460);
  const location: DocumentLocation = { quad: outline, confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: REGISTER_ASPECT });
  const truth = rect(500, 60, 955, 460);
  assert.ok(cornerError(found, truth) < 0.02, `error ${cornerError(found, truth)}`);
});

test("puts a copied page's side along the spine where its shape says when no edge shows there", () => {
  // A copy of an open booklet: black all round, and the page's paper running on into the facing page's with no
  // gutter to see. The facing page's table has a ruled box, a strong straight edge that is not the page's.
  const image = canvas(900, 540, [20, 20, 20]);
  fill(image, 20, 60, 872, 480, [245, 245, 245]);
  fill(image, 40, 100, 260, 103, [30, 30, 30]);
  fill(image, 40, 440, 260, 443, [30, 30, 30]);
  fill(image, 40, 100, 43, 443, [30, 30, 30]);
  fill(image, 257, 100, 260, 443, [30, 30, 30]);
  const boxes = printRows(image, 340, 110, 840, 440);
  const location: DocumentLocation = { quad: rect(20, 60, 872, 480), confidence: 0.95, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: REGISTER_ASPECT });
  const truth = rect(300, 60, 872, 480);
  assert.ok(cornerError(found, truth) < 0.01, `error ${cornerError(found, truth)}`);
});

test("keeps a register page's outline at the paper, not at the outer edge of a dark cover round it", () => {
  // A booklet's page in its cover, lit unevenly: the cover's edge lies a little outside the page, dark but not black,
  // and the desk beyond it is as light as the page's shaded paper.
  const image = canvas(900, 700, [175, 175, 170]);
  fill(image, 86, 68, 814, 612, [120, 48, 44]);
  fill(image, 100, 82, 800, 598, [185, 182, 175]);
  const boxes = printRows(image, 150, 130, 760, 560);
  const page = rect(100, 82, 800, 598);
  const location: DocumentLocation = { quad: page, confidence: 0.95, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 700 / 516 });
  assert.ok(cornerError(found, page) < 0.005, `error ${cornerError(found, page)}`);
});

test("keeps a page whose outline already has the document's shape, printed frame and all", () => {
  const image = canvas(800, 560, [70, 60, 50]);
  fill(image, 60, 50, 740, 550, PAPER);
  // A printed border a little inside the sheet's edge: a strong line of the right shape, but not the sheet.
  fill(image, 80, 70, 720, 74, [30, 60, 40]);
  fill(image, 80, 526, 720, 530, [30, 60, 40]);
  fill(image, 80, 70, 84, 530, [30, 60, 40]);
  fill(image, 716, 70, 720, 530, [30, 60, 40]);
  const boxes = printRows(image, 120, 120, 680, 480);
  const outline = rect(60, 50, 740, 550);
  const location: DocumentLocation = { quad: outline, confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: REGISTER_ASPECT });
  assert.ok(cornerError(found, outline) < 0.005, `error ${cornerError(found, outline)}`);
});

test("finds a tinted sheet on a white scanner bed when the locator saw none, read turned a quarter", () => {
  // The certificate lies on its side: its text reads top to bottom (direction π/2).
  const image = canvas(900, 700, [250, 250, 250]);
  fill(image, 80, 110, 860, 660, [246, 226, 222]);
  const boxes = printRows(image, 160, 170, 780, 600).map(
    (box) => [box[3], box[0], box[1], box[2]] as unknown as Quad,
  );
  const location: DocumentLocation = { quad: rect(0, 0, 900, 700), confidence: 0.4, method: "whole-image" };
  const found = fitPageToContent(image, location, { direction: Math.PI / 2, boxes, aspect: 550 / 780 });
  // Upright corners: the document's top-left is the image's top-right.
  const truth: Quad = [
    { x: 860, y: 110 },
    { x: 860, y: 660 },
    { x: 80, y: 660 },
    { x: 80, y: 110 },
  ];
  assert.ok(cornerError(found, truth) < 0.02, `error ${cornerError(found, truth)}`);
});

test("leaves the outline alone when too little was read to tell where the document is", () => {
  const image = canvas(400, 300, PAPER);
  const outline = rect(20, 20, 380, 280);
  const location: DocumentLocation = { quad: outline, confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, {
    direction: 0,
    boxes: [rect(100, 100, 160, 114)],
    aspect: 2,
  });
  assert.deepEqual(found, outline);
});

test("follows a facing page's gutter that runs askew to the outline of both pages", () => {
  const image = canvas(1000, 520, [90, 30, 26]);
  fill(image, 30, 60, 955, 460, PAPER);
  // The gutter leans: x = 480 at the top, 525 at the bottom (the facing page lies at its own angle).
  const gutterAt = (y: number) => 480 + (45 * (y - 60)) / 400;
  for (let y = 60; y < 460; y++) {
    const x = Math.round(gutterAt(y));
    fill(image, x - 8, y, x, y + 1, [70, 60, 55]);
  }
  const boxes = printRows(image, 560, 110, 920, 420);
  const location: DocumentLocation = { quad: rect(30, 60, 955, 460), confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 435 / 400 });
  const truth: Quad = [
    { x: gutterAt(60), y: 60 },
    { x: 955, y: 60 },
    { x: 955, y: 460 },
    { x: gutterAt(460), y: 460 },
  ];
  assert.ok(cornerError(found, truth) < 0.01, `error ${cornerError(found, truth)}`);
});

test("reaches past an outline that stopped on a printed frame to the frame's outer side (a copy on a white lid)", () => {
  // White sheet on a white lid: the sheet's own edge does not show, only the printed frame's band.
  const image = canvas(800, 1000, [248, 248, 248]);
  const sheet = rect(100, 75, 700, 925);
  // The band is a guilloche, darkened by the copier: dense dark lines in rings round the page.
  for (let ring = 0; ring < 28; ring += 4) {
    fill(image, 106 + ring, 81 + ring, 694 - ring, 919 - ring, [90, 90, 90]);
    fill(image, 109 + ring, 84 + ring, 691 - ring, 916 - ring, [248, 248, 248]);
  }
  const boxes = printRows(image, 200, 200, 620, 820);
  // The locator outlined the paper inside the band.
  const location: DocumentLocation = { quad: rect(134, 109, 666, 891), confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 600 / 850, bordered: true });
  assert.ok(cornerError(found, sheet) < 0.02, `error ${cornerError(found, sheet)}`);
});

test("does not take a dark cover's outer edge for the page inside it", () => {
  const image = canvas(1000, 800, [200, 190, 170]);
  // A dark red cover, the page inside it.
  fill(image, 120, 110, 880, 690, [90, 30, 26]);
  const page = rect(150, 140, 850, 660);
  fill(image, 150, 140, 850, 660, PAPER);
  const boxes = printRows(image, 220, 200, 780, 600);
  const location: DocumentLocation = { quad: rect(120, 110, 880, 690), confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 700 / 520 });
  assert.ok(cornerError(found, page) < 0.01, `error ${cornerError(found, page)}`);
});

test("searches the whole picture when what was read runs out of the outline", () => {
  const image = canvas(1000, 800, [70, 60, 50]);
  const page = rect(150, 140, 850, 660);
  fill(image, 150, 140, 850, 660, PAPER);
  const boxes = printRows(image, 220, 200, 780, 600);
  // The locator outlined only the left part of the page (a shadow's edge, say).
  const location: DocumentLocation = { quad: rect(150, 140, 450, 660), confidence: 0.6, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 700 / 520 });
  assert.ok(cornerError(found, page) < 0.01, `error ${cornerError(found, page)}`);
});

test("does not take an outline's side along the picture's border for an edge (a cream sheet on a white bed)", () => {
  // The locator outlined the whole picture: the bed and the sheet hardly differ in brightness.
  const image = canvas(760, 1000, [240, 240, 240]);
  const sheet = rect(60, 50, 700, 955);
  fill(image, 60, 50, 700, 955, [249, 243, 229]);
  // A printed band just inside the sheet's edge.
  fill(image, 68, 58, 692, 62, [60, 110, 80]);
  fill(image, 68, 943, 692, 947, [60, 110, 80]);
  fill(image, 68, 58, 72, 947, [60, 110, 80]);
  fill(image, 688, 58, 692, 947, [60, 110, 80]);
  const boxes = printRows(image, 140, 150, 620, 860);
  const outline = rect(0, 0, 760, 1000);
  const location: DocumentLocation = { quad: outline, confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 640 / 905 });
  assert.ok(cornerError(found, sheet) < 0.02, `error ${cornerError(found, sheet)}`);
});

test("searches the whole picture when the locator is unsure of its outline", () => {
  const image = canvas(900, 700, [250, 250, 250]);
  const sheet = rect(80, 110, 860, 660);
  fill(image, 80, 110, 860, 660, [246, 226, 222]);
  const boxes = printRows(image, 160, 170, 780, 600);
  // A skewed outline of sheet and bed together: the bed is as light as the sheet.
  const outline: Quad = [
    { x: 40, y: 30 },
    { x: 880, y: 90 },
    { x: 870, y: 690 },
    { x: 30, y: 650 },
  ];
  const location: DocumentLocation = { quad: outline, confidence: 0.6, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 780 / 550 });
  assert.ok(cornerError(found, sheet) < 0.02, `error ${cornerError(found, sheet)}`);
});

test("tells an outline the picture's border cuts askew to the text from one along a straight scan", () => {
  const image = canvas(1000, 800, PAPER);
  // A scan: the sheet runs off the top, its side there along the border and square to the text.
  const scan = rect(100, 0, 900, 700);
  assert.equal(cutAskewByFrame(image, scan, 0), false);
  assert.equal(cutAskewByFrame(image, scan, Math.PI / 2), false);
  // A photo turned by 8°: the outline's top side is the border, 8° off the text's axis.
  const photo: Quad = [
    { x: 200, y: 0 },
    { x: 880, y: 0 },
    { x: 820, y: 700 },
    { x: 150, y: 620 },
  ];
  assert.equal(cutAskewByFrame(image, photo, (8 * Math.PI) / 180), true);
  // The same turn with no side on the border: the outline is the page's own.
  const inside: Quad = [
    { x: 200, y: 40 },
    { x: 880, y: 136 },
    { x: 820, y: 700 },
    { x: 150, y: 620 },
  ];
  assert.equal(cutAskewByFrame(image, inside, (8 * Math.PI) / 180), false);
});

test("edge profiles find a slanted edge along its slant", () => {
  const image = canvas(200, 100, [200, 200, 200]);
  // Dark to the right of x = 100 + 0.1 · (y − 50).
  for (let y = 0; y < 100; y++) fill(image, Math.round(100 + 0.1 * (y - 50)), y, 200, y + 1, [60, 60, 60]);
  const straight = edgeProfiles(image, [0, 100], [0, 200]).columns.falling;
  const slanted = edgeProfiles(image, [0, 100], [0, 200], [0, 0.05, 0.1, -0.1]);
  const at = slanted.columns.falling.indexOf(Math.max(...slanted.columns.falling));
  assert.ok(Math.abs(at - 100) <= 1, `edge at ${at}`);
  assert.equal(slanted.columns.fallingSlopes[at], 0.1);
  assert.ok(
    (slanted.columns.falling[at] as number) > 1.3 * Math.max(...straight),
    "the slant answers more than any straight column",
  );
});

test("edge profiles answer a straight step across the span, not a thin printed rule", () => {
  const image = canvas(200, 100, [200, 200, 200]);
  fill(image, 120, 0, 200, 100, [120, 120, 120]);
  fill(image, 60, 0, 61, 100, [20, 20, 20]);
  const columns = edgeProfiles(image, [0, 100], [0, 200]).columns.falling;
  const strongest = columns.indexOf(Math.max(...columns));
  assert.ok(Math.abs(strongest - 120) <= 1, `step found at ${strongest}`);
  const nearRule = Math.max(...columns.slice(50, 71));
  assert.ok(nearRule < 0.5 * (columns[strongest] as number), `rule ${nearRule}`);
});

test("shrinks an image by averaging blocks", () => {
  const image = canvas(4, 2, [0, 0, 0]);
  fill(image, 0, 0, 1, 2, [200, 100, 40]);
  const small = shrinkImage(image, 2);
  assert.deepEqual([small.width, small.height, small.channels], [2, 1, 3]);
  assert.deepEqual(Array.from(small.data), [100, 50, 20, 0, 0, 0]);
});

test("takes the sheet's edge against the desk over a printed band's fainter inner side beside it", () => {
  // A certificate photographed with its counterfoil below: the sheet runs on past the perforation, so the bottom
  // has no clear edge and the shape alone cannot tell the sheet's top from the printed band's inner side.
  const image = canvas(700, 1000, [70, 60, 50]);
  fill(image, 100, 60, 600, 1000, PAPER);
  const band: Colour = [170, 196, 170];
  for (const top of [74, 774]) {
    fill(image, 114, top, 586, top + 24, band);
    fill(image, 114, top, 138, top + 672, band);
    fill(image, 562, top, 586, top + 672, band);
    fill(image, 114, top + 648, 586, top + 672, band);
  }
  for (let x = 100; x < 600; x += 8) fill(image, x, 759, x + 4, 761, [200, 196, 186]);
  const boxes = printRows(image, 170, 140, 540, 700);
  const location: DocumentLocation = { quad: rect(0, 0, 700, 1000), confidence: 0.5, method: "whole-image" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: 210 / 297 });
  const truth = rect(100, 60, 600, 760);
  assert.ok(cornerError(found, truth) < 0.02, `error ${cornerError(found, truth)}`);
});

test("finds a small page's side close under its last line when the whole picture is searched", () => {
  // The page fills half the picture, and its last row of text ends a few pixels above its bottom edge: the gap
  // left between what was read and an edge scales with the page, not with the picture.
  const image = canvas(1200, 900, [90, 60, 40]);
  fill(image, 300, 200, 873, 621, PAPER);
  const boxes = printRows(image, 340, 279, 840, 614);
  const location: DocumentLocation = { quad: rect(0, 0, 1200, 900), confidence: 0.4, method: "whole-image" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: REGISTER_ASPECT });
  const truth = rect(300, 200, 873, 621);
  assert.ok(cornerError(found, truth) < 0.02, `error ${cornerError(found, truth)}`);
});

/**
 * A certificate's guilloche border on `paper`: a band `band` wide, `inset` inside the sheet's edge, between two
 * solid rules, its fine lines a mid-tone (as a copy or a small picture blurs them). Draw it before the text.
 */
function printBorder(image: RawImage, sheet: Quad, inset: number, band: number, paper: Colour): void {
  const [left, top] = [sheet[0].x + inset, sheet[0].y + inset];
  const [right, bottom] = [sheet[2].x - inset, sheet[2].y - inset];
  const ink: Colour = [60, 130, 90];
  fill(image, left, top, right, bottom, ink);
  fill(image, left + 2, top + 2, right - 2, bottom - 2, [100, 135, 115]);
  fill(image, left + band - 2, top + band - 2, right - band + 2, bottom - band + 2, ink);
  fill(image, left + band, top + band, right - band, bottom - band, paper);
}

const A4_ASPECT = 210 / 297;

test("takes a bordered certificate copied on a white lid to its border's outer side, not its inner one", () => {
  const image = canvas(700, 900, [252, 252, 252]);
  const sheet = rect(60, 40, 60 + 560, 40 + 792);
  fill(image, sheet[0].x, sheet[0].y, sheet[2].x, sheet[2].y, [250, 250, 250]);
  printBorder(image, sheet, 10, 26, [250, 250, 250]);
  const boxes = printRows(image, 130, 140, 560, 760);
  const location: DocumentLocation = { quad: rect(0, 0, 700, 900), confidence: 0.4, method: "whole-image" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: A4_ASPECT, bordered: true });
  // No sheet edge shows: the border's outer side is the nearest to the sheet there is.
  const outer = rect(sheet[0].x + 10, sheet[0].y + 10, sheet[2].x - 10, sheet[2].y - 10);
  assert.ok(cornerError(found, outer) < 0.006, `error ${cornerError(found, outer)}`);
  assert.ok(cornerError(found, sheet) < 0.02, `error ${cornerError(found, sheet)}`);
});

test("ends a bordered certificate at the perforation, not at the counterfoil's border below it", () => {
  const image = canvas(700, 1100, [80, 90, 70]);
  const sheet = rect(60, 40, 620, 832);
  const counterfoil = rect(60, 834, 620, 1060);
  fill(image, 60, 40, 620, 1060, PAPER);
  // The perforation: a dashed line across where the two parts meet.
  for (let x = 60; x < 620; x += 10) fill(image, x, 831, x + 8, 835, [110, 110, 100]);
  printBorder(image, sheet, 24, 26, PAPER);
  printBorder(image, counterfoil, 24, 26, PAPER);
  const boxes = printRows(image, 130, 140, 560, 760);
  const outline = rect(60, 40, 620, 1060);
  const location: DocumentLocation = { quad: outline, confidence: 0.9, method: "contour" };
  const found = fitPageToContent(image, location, { direction: 0, boxes, aspect: A4_ASPECT, bordered: true });
  assert.ok(cornerError(found, sheet) < 0.01, `error ${cornerError(found, sheet)}`);
});
