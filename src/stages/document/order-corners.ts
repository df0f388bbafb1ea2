import type { Point, Quad } from "../../types.ts";

/**
 * Orders four corners of a convex quadrilateral as the image shows them: clockwise on screen, starting with the
 * corner whose outgoing side points most nearly rightwards (the top side). A page turned 90° therefore starts at its
 * own bottom-left or top-right corner; turning the order to the text's reading direction is the orientation
 * stage's job.
 */
export function orderCorners(corners: readonly Point[]): Quad {
  const points = corners.slice(0, 4);
  if (signedArea(points) < 0) points.reverse();
  let start = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < 4; i++) {
    const a = points[i] as Point;
    const b = points[(i + 1) % 4] as Point;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    // Rightward-ness first; between two equally rightward sides (a page at 45°) prefer the higher one.
    const score = (b.x - a.x) / length - 1e-9 * (a.y + b.y);
    if (score > bestScore) {
      bestScore = score;
      start = i;
    }
  }
  return [0, 1, 2, 3].map((k) => points[(start + k) % 4]) as unknown as Quad;
}

/** Shoelace sum; positive when the points run clockwise on screen (y pointing down). */
function signedArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Point;
    const q = points[(i + 1) % points.length] as Point;
    sum += p.x * q.y - q.x * p.y;
  }
  return sum / 2;
}
