import type { Point, SliceRect } from "../../src/types.ts";

/** The share of the document diagonal a sliceRect corner may be off and still count as found. */
export const CORNER_TOLERANCE = 0.02;

/** The four corners of a sliceRect, top-left first, in the same order as a label's `corners`. */
export function sliceRectCorners(rect: SliceRect): [Point, Point, Point, Point] {
  return [
    { x: rect.x0, y: rect.y0 },
    { x: rect.x1, y: rect.y1 },
    { x: rect.x2, y: rect.y2 },
    { x: rect.x3, y: rect.y3 },
  ];
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * How far the found corners are from the true ones: the largest of the four corner distances divided by the true
 * document's diagonal (the longer of its two), so the figure means the same on a phone photo and a small scan.
 * Corners are matched by position in the list: a sliceRect turned by a quarter has every corner wrong.
 */
export function cornerError(truth: readonly Point[], found: readonly Point[]): number {
  const [a, b, c, d] = truth;
  if (!a || !b || !c || !d || found.length !== 4) return Number.POSITIVE_INFINITY;
  const diagonal = Math.max(distance(a, c), distance(b, d));
  if (diagonal === 0) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (const [index, corner] of truth.entries()) {
    const other = found[index];
    worst = Math.max(worst, other ? distance(corner, other) : Number.POSITIVE_INFINITY);
  }
  return worst / diagonal;
}

/** The nearest quarter turn (0, 90, 180 or 270) to an angle in degrees, any sign or size. */
export function nearestQuarterTurn(degrees: number): number {
  const quarter = Math.round(degrees / 90) * 90;
  return ((quarter % 360) + 360) % 360;
}
