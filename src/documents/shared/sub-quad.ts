import type { Point, Quad } from "../../types.ts";

function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/**
 * The part of a text line's quad between two fractions of its length along the reading direction.
 *
 * A stop-gap until `geometry/quad.ts` offers the same: documents/ may import only types and geometry, and the label
 * matcher needs it now. Both long edges are cut at the same fractions, so a slanted or perspective line keeps its
 * shape.
 *
 * @example
 * subQuad(line.quad, char.start, char.end); // the box of one character
 */
export function subQuad(quad: Quad, start: number, end: number): Quad {
  const [topLeft, topRight, bottomRight, bottomLeft] = quad;
  const from = Math.min(Math.max(start, 0), 1);
  const to = Math.min(Math.max(end, from), 1);
  return [
    lerp(topLeft, topRight, from),
    lerp(topLeft, topRight, to),
    lerp(bottomLeft, bottomRight, to),
    lerp(bottomLeft, bottomRight, from),
  ];
}
