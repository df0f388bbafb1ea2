import { weightedCircularMedian } from "../../geometry/circular-median.ts";
import type { Point, Quad } from "../../types.ts";

/**
 * The axis text lines run along, in radians modulo π: the weighted circular median of the long sides of the boxes
 * that are clearly longer than high (short boxes of one or two characters say nothing about it). Returns undefined
 * when no box is elongated enough to tell.
 */
export function readingAxis(quads: readonly Quad[], minAspect = 2): number | undefined {
  const axes: { angle: number; weight: number }[] = [];
  for (const quad of quads) {
    const [p0, p1, , p3] = quad;
    const first = edge(p0, p1);
    const second = edge(p0, p3);
    const [long, short] = first.length >= second.length ? [first, second] : [second, first];
    if (short.length <= 0 || long.length / short.length < minAspect) continue;
    // Doubling the angle makes θ and θ+π the same direction, so averaging treats the axis as undirected.
    axes.push({ angle: 2 * long.angle, weight: long.length });
  }
  if (axes.length === 0) return undefined;
  return normaliseAxis(weightedCircularMedian(axes) / 2);
}

/**
 * The quad's corners re-ordered so that its first edge (top-left → top-right) points as nearly as possible along
 * `direction` (radians, image coordinates, y down): the reading order of a line on a page turned that way.
 * The corners' winding is kept; only the starting corner changes.
 */
export function orderForDirection(quad: Quad, direction: number): Quad {
  let best = 0;
  let bestScore = -Infinity;
  for (let shift = 0; shift < 4; shift++) {
    const from = quad[shift] as Point;
    const to = quad[(shift + 1) % 4] as Point;
    const { angle, length } = edge(from, to);
    const score = Math.cos(angle - direction) + (length > 0 ? 0 : -2);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = shift;
    }
  }
  return [0, 1, 2, 3].map((i) => quad[(best + i) % 4]) as unknown as Quad;
}

/** Turns an angle into degrees clockwise in [0, 360), as Alibaba's `angle`. */
export function toClockwiseDegrees(direction: number): number {
  const degrees = Math.round((direction * 180) / Math.PI);
  return ((degrees % 360) + 360) % 360;
}

function edge(from: Point, to: Point): { angle: number; length: number } {
  return {
    angle: Math.atan2(to.y - from.y, to.x - from.x),
    length: Math.hypot(to.x - from.x, to.y - from.y),
  };
}

function normaliseAxis(angle: number): number {
  let axis = angle % Math.PI;
  if (axis < 0) axis += Math.PI;
  return axis;
}
