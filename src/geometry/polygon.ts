import type { Point } from "../types.ts";

/** Unsigned area of a simple polygon (shoelace formula). */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Point;
    const q = points[(i + 1) % points.length] as Point;
    twice += p.x * q.y - q.x * p.y;
  }
  return Math.abs(twice) / 2;
}

/** Perimeter of a closed polygon. */
export function polygonPerimeter(points: readonly Point[]): number {
  let length = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Point;
    const q = points[(i + 1) % points.length] as Point;
    length += Math.hypot(q.x - p.x, q.y - p.y);
  }
  return length;
}
