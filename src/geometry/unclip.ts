import { polygonArea, polygonPerimeter } from "./polygon.ts";
import { expandRotatedRect, type RotatedRect } from "./rotated-rect.ts";

/**
 * DB's "unclip": the detector predicts a shrunken text kernel, so each box is grown back by
 * `area × ratio / perimeter` on every side (the offset the DB paper uses to shrink its training targets).
 * For a rectangle, growing with rounded joins and taking the min-area rectangle again (what PaddleOCR does with a
 * polygon clipper) is exactly this expansion, so no clipper is needed.
 *
 * @example
 * const grown = unclipRect(kernelRect, 1.5);
 */
export function unclipRect(rect: RotatedRect, ratio: number): RotatedRect {
  return expandRotatedRect(rect, unclipDistance(rect, ratio));
}

/** The DB offset distance of a box: area × ratio / perimeter (0 for a degenerate box). */
export function unclipDistance(rect: RotatedRect, ratio: number): number {
  const perimeter = polygonPerimeter(rect.corners);
  return perimeter > 0 ? (polygonArea(rect.corners) * ratio) / perimeter : 0;
}
