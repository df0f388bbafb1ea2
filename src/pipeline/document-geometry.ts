import type { DocumentReading } from "../documents/read-fields.ts";
import { cropImage } from "../image/crop-image.ts";
import type { RawImage } from "../image/raw-image.ts";
import { fitPageToContent } from "../stages/document/fit-page-to-content.ts";
import { locateDocument } from "../stages/document/locate-document.ts";
import { orderForDirection, toClockwiseDegrees } from "../stages/orientation/reading-direction.ts";
import { detectPhotocopy } from "../stages/photocopy/detect-photocopy.ts";
import type { DocumentType, Point, Quad, SliceRect } from "../types.ts";

/** The document-level part of a result: where the page is, how it is turned, its size, whether it is a copy. */
export interface DocumentGeometry {
  sliceRect: SliceRect;
  angle: number;
  width: number;
  height: number;
  ftype: number;
}

/**
 * Finds the document's outline (the paper the locator sees, narrowed to the page holding what was read: not a
 * booklet's facing page, a certificate's 副页 or the scanner bed), turns it into the upright document's corners in
 * original pixels, and derives the rest: `angle` from the reading direction, the rectified size from the outline's
 * sides, and `ftype` from the colours inside the outline.
 */
export function documentGeometry(
  workImage: RawImage,
  reading: DocumentReading,
  type: DocumentType,
  scale: number,
): DocumentGeometry {
  const { frame } = reading;
  const outline = pageOutline(workImage, frame.angle, contentBoxes(reading), type);
  const upright = orderForDirection(outline, frame.angle).map((p) => ({
    x: Math.round(p.x * scale),
    y: Math.round(p.y * scale),
  })) as unknown as Quad;
  const [tl, tr, br, bl] = upright;
  return {
    sliceRect: { x0: tl.x, y0: tl.y, x1: tr.x, y1: tr.y, x2: br.x, y2: br.y, x3: bl.x, y3: bl.y },
    angle: toClockwiseDegrees(frame.angle),
    width: Math.round((distance(tl, tr) + distance(bl, br)) / 2),
    height: Math.round((distance(tl, bl) + distance(tr, br)) / 2),
    ftype: detectPhotocopy(insideOf(workImage, outline)) ? 1 : 0,
  };
}

/**
 * The document's corners in `workImage` pixels, upright (top-left of the document first): the paper the locator
 * sees, fitted to the page holding `boxes` (what was read on it), `direction` the way its text reads.
 */
export function pageOutline(
  workImage: RawImage,
  direction: number,
  boxes: readonly Quad[],
  type: DocumentType,
): Quad {
  return fitPageToContent(workImage, locateDocument(workImage), {
    direction,
    boxes,
    aspect: PAGE_ASPECT[type],
    // The certificate's face has a printed guilloche border (the familiar green frame) a little inside the sheet.
    bordered: type === "birth-certificate",
  });
}

/**
 * Width over height of each document as printed: the register's pages are 143 × 105 mm, the birth certificate's
 * 正页 A4 (210 × 297 mm).
 */
const PAGE_ASPECT: Record<DocumentType, number> = {
  "household-head": 143 / 105,
  "household-resident": 143 / 105,
  "birth-certificate": 210 / 297,
};

/** The boxes of the labels found and of the values read next to them: what certainly lies on the document. */
function contentBoxes(reading: DocumentReading): Quad[] {
  const boxes: Quad[] = [];
  for (const field of reading.fields.values()) {
    if (!field.label) continue;
    boxes.push(field.label.quad, ...field.quads);
  }
  return boxes;
}

/** The middle of the outline's bounding box (its inner 80%), so the desk around the page does not colour it. */
function insideOf(image: RawImage, outline: Quad): RawImage {
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const width = Math.max(...xs) - left;
  const height = Math.max(...ys) - top;
  return cropImage(image, left + width * 0.1, top + height * 0.1, width * 0.8, height * 0.8);
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
