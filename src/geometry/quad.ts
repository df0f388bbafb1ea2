import type { Point, Quad } from "../types.ts";

/** An axis-aligned rectangle in pixels. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of a quad between two fractions of its length along the reading direction (0 = the left edge
 * tl–bl, 1 = the right edge tr–br), e.g. one character's box from `RecognizedChar.start`/`end`.
 *
 * @example
 * const charQuad = subQuad(line.quad, char.start, char.end);
 */
export function subQuad(quad: Quad, start: number, end: number): Quad {
  const [tl, tr, br, bl] = quad;
  return [lerp(tl, tr, start), lerp(tl, tr, end), lerp(bl, br, end), lerp(bl, br, start)];
}

/** Mean lengths of a quad's top/bottom edges (width) and left/right edges (height). */
export function quadSize(quad: Quad): { width: number; height: number } {
  const [tl, tr, br, bl] = quad;
  return {
    width: (distance(tl, tr) + distance(bl, br)) / 2,
    height: (distance(tl, bl) + distance(tr, br)) / 2,
  };
}

/** The axis-aligned bounds of a quad. */
export function quadBounds(quad: Quad): Bounds {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/**
 * The quad of an axis-aligned rectangle, corners clockwise from the top left.
 *
 * @example
 * boundsQuad({ left: 0, top: 0, right: image.width, bottom: image.height });
 */
export function boundsQuad(bounds: Bounds): Quad {
  const { left, top, right, bottom } = bounds;
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
}

/** Intersection over union of two axis-aligned rectangles (0 when either is empty). */
export function boundsIoU(a: Bounds, b: Bounds): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  const union = boundsArea(a) + boundsArea(b) - intersection;
  return union > 0 ? intersection / union : 0;
}

/** Scales every corner of a quad (e.g. from detector pixels back to image pixels). */
export function scaleQuad(quad: Quad, scaleX: number, scaleY: number): Quad {
  const [a, b, c, d] = quad.map((p) => ({ x: p.x * scaleX, y: p.y * scaleY }));
  return [a as Point, b as Point, c as Point, d as Point];
}

function boundsArea(b: Bounds): number {
  return Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
}

function lerp(p: Point, q: Point, t: number): Point {
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
}

function distance(p: Point, q: Point): number {
  return Math.hypot(q.x - p.x, q.y - p.y);
}
