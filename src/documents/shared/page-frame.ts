import { weightedCircularMedian } from "../../geometry/circular-median.ts";
import type { Point, Quad, TextLine } from "../../types.ts";

/** An axis-aligned box in page coordinates, with its centre and height. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  centerX: number;
  centerY: number;
  height: number;
}

/**
 * The page's own coordinates: image pixels turned so the text reads left to right along x. Rows and columns of the
 * printed grid are then compared with plain x and y, whatever the document's turn and skew in the photo.
 */
export interface PageFrame {
  /** Direction of reading in the image, radians (0 = left to right, π/2 = top to bottom). */
  angle: number;
  toPage(point: Point): Point;
  /** The inverse of {@link toPage}. */
  toImage(point: Point): Point;
  box(quad: Quad): PageBox;
}

/**
 * The frame whose x axis follows the median reading direction of the lines (each line's top edge, weighted by its
 * length), so a few skewed or mis-detected boxes do not tilt it.
 */
export function pageFrameOf(lines: readonly TextLine[]): PageFrame {
  const angles: { angle: number; weight: number }[] = [];
  for (const line of lines) {
    const [tl, tr] = line.quad;
    const dx = tr.x - tl.x;
    const dy = tr.y - tl.y;
    const length = Math.hypot(dx, dy);
    if (length > 0) angles.push({ angle: Math.atan2(dy, dx), weight: length });
  }
  return makePageFrame(weightedCircularMedian(angles));
}

/** The frame for a known reading direction. */
export function makePageFrame(angle: number): PageFrame {
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const toPage = (p: Point): Point => ({ x: p.x * cos - p.y * sin, y: p.x * sin + p.y * cos });
  const toImage = (p: Point): Point => ({ x: p.x * cos + p.y * sin, y: -p.x * sin + p.y * cos });
  return {
    angle,
    toPage,
    toImage,
    box(quad) {
      const points = quad.map(toPage);
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      const [tl, tr, br, bl] = points as [Point, Point, Point, Point];
      const left = Math.min(...xs);
      const top = Math.min(...ys);
      const right = Math.max(...xs);
      const bottom = Math.max(...ys);
      const height = (Math.hypot(bl.x - tl.x, bl.y - tl.y) + Math.hypot(br.x - tr.x, br.y - tr.y)) / 2;
      return { left, top, right, bottom, centerX: (left + right) / 2, centerY: (top + bottom) / 2, height };
    },
  };
}
