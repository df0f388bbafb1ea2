import type { Point, Quad } from "../types.ts";

/**
 * A rectangle at any angle: its corners ordered top-left, top-right, bottom-right, bottom-left as seen in the image
 * (the edge nearer to horizontal is the top), and its side lengths along those edges.
 */
export interface RotatedRect {
  corners: Quad;
  /** Length of the top edge. */
  width: number;
  /** Length of the left edge. */
  height: number;
}

/**
 * Builds a rotated rectangle from a centre, a unit axis and the half-extents along that axis and its normal,
 * choosing the corner order so the result reads upright in the image.
 */
export function rotatedRectFromAxes(
  center: Point,
  axis: Point,
  halfAlong: number,
  halfAcross: number,
): RotatedRect {
  // Pick u as whichever of the two rectangle axes is closer to +x, and v as its normal pointing down (+y).
  let u = axis;
  let halfU = halfAlong;
  let halfV = halfAcross;
  if (Math.abs(axis.x) < Math.abs(axis.y)) {
    u = { x: -axis.y, y: axis.x };
    halfU = halfAcross;
    halfV = halfAlong;
  }
  if (u.x < 0 || (u.x === 0 && u.y > 0)) u = { x: -u.x, y: -u.y };
  const v = { x: -u.y, y: u.x };
  const corner = (su: number, sv: number): Point => ({
    x: center.x + su * halfU * u.x + sv * halfV * v.x,
    y: center.y + su * halfU * u.y + sv * halfV * v.y,
  });
  return {
    corners: [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)],
    width: 2 * halfU,
    height: 2 * halfV,
  };
}

/** Grows (or with a negative distance shrinks) a rotated rectangle by `distance` on every side. */
export function expandRotatedRect(rect: RotatedRect, distance: number): RotatedRect {
  const [tl, tr, , bl] = rect.corners;
  const center = {
    x: (rect.corners[0].x + rect.corners[2].x) / 2,
    y: (rect.corners[0].y + rect.corners[2].y) / 2,
  };
  const axis = unitVector(tl, tr) ?? perpendicular(unitVector(tl, bl)) ?? { x: 1, y: 0 };
  return rotatedRectFromAxes(
    center,
    axis,
    Math.max(0, rect.width / 2 + distance),
    Math.max(0, rect.height / 2 + distance),
  );
}

function unitVector(from: Point, to: Point): Point | undefined {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  return length > 1e-9 ? { x: (to.x - from.x) / length, y: (to.y - from.y) / length } : undefined;
}

function perpendicular(vector: Point | undefined): Point | undefined {
  return vector && { x: vector.y, y: -vector.x };
}
