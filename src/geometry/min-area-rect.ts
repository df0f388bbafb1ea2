import type { Point } from "../types.ts";
import { convexHull } from "./convex-hull.ts";
import { type RotatedRect, rotatedRectFromAxes } from "./rotated-rect.ts";

/**
 * The smallest-area rectangle, at any angle, that contains every point (rotating calipers over the convex hull: the
 * optimum has one side on a hull edge). One point gives a zero-size rectangle; collinear points a zero-height one.
 *
 * @example
 * const { corners, width, height } = minAreaRect(componentPoints);
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  const first = hull[0];
  if (!first) return rotatedRectFromAxes({ x: 0, y: 0 }, { x: 1, y: 0 }, 0, 0);
  if (hull.length === 1) return rotatedRectFromAxes(first, { x: 1, y: 0 }, 0, 0);
  let best: { area: number; rect: RotatedRect } | undefined;
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i] as Point;
    const q = hull[(i + 1) % hull.length] as Point;
    const length = Math.hypot(q.x - p.x, q.y - p.y);
    if (length < 1e-12) continue;
    const axis = { x: (q.x - p.x) / length, y: (q.y - p.y) / length };
    const candidate = boundAlongAxis(hull, axis);
    if (!best || candidate.area < best.area) best = candidate;
  }
  return best ? best.rect : rotatedRectFromAxes(first, { x: 1, y: 0 }, 0, 0);
}

/** The bounding rectangle of `hull` in the frame (axis, normal), with its area. */
function boundAlongAxis(hull: readonly Point[], axis: Point): { area: number; rect: RotatedRect } {
  let minU = Number.POSITIVE_INFINITY;
  let maxU = Number.NEGATIVE_INFINITY;
  let minV = Number.POSITIVE_INFINITY;
  let maxV = Number.NEGATIVE_INFINITY;
  for (const p of hull) {
    const u = p.x * axis.x + p.y * axis.y;
    const v = -p.x * axis.y + p.y * axis.x;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  const cu = (minU + maxU) / 2;
  const cv = (minV + maxV) / 2;
  const center = { x: cu * axis.x - cv * axis.y, y: cu * axis.y + cv * axis.x };
  const rect = rotatedRectFromAxes(center, axis, (maxU - minU) / 2, (maxV - minV) / 2);
  return { area: (maxU - minU) * (maxV - minV), rect };
}
