import type { Point } from "../types.ts";

/**
 * The convex hull of a point set, counter-clockwise in image coordinates (y down), without collinear points
 * (Andrew's monotone chain). Fewer than three distinct points come back as they are, deduplicated.
 */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = points.slice().sort((p, q) => p.x - q.x || p.y - q.y);
  if (sorted.length < 3) return dedupe(sorted);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0
    ) {
      lower.pop();
    }
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Point;
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0
    ) {
      upper.pop();
    }
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** z of (a→b) × (a→c): positive when c lies to the left of a→b in a y-up frame. */
function cross(a: Point, b: Point, c: Point): number {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

function dedupe(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1]?.x || p.y !== points[i - 1]?.y);
}
