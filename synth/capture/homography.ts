import type { Point } from "../../src/types.ts";

/**
 * A 3×3 projective transform stored row-major, mapping (x, y, 1) to (x', y', w'). Kept local to the generator so the
 * synthetic ground truth does not depend on the library's own geometry code (which it is meant to test).
 */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/** Four points in order top-left, top-right, bottom-right, bottom-left. */
export type Corners = [Point, Point, Point, Point];

/** The identity transform. */
export const IDENTITY: Homography = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** `a` after `b`: the transform that applies `b` first, then `a`. */
export function compose(a: Homography, b: Homography): Homography {
  const out: number[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += (a[row * 3 + k] as number) * (b[k * 3 + col] as number);
      out.push(sum);
    }
  }
  return out as unknown as Homography;
}

/** Maps one point. */
export function applyHomography(h: Homography, point: Point): Point {
  const [a, b, c, d, e, f, g, i, j] = h;
  const w = g * point.x + i * point.y + j;
  return { x: (a * point.x + b * point.y + c) / w, y: (d * point.x + e * point.y + f) / w };
}

/** Maps each point of a quad, keeping the order. */
export function mapCorners(h: Homography, quad: readonly [Point, Point, Point, Point]): Corners {
  return [
    applyHomography(h, quad[0]),
    applyHomography(h, quad[1]),
    applyHomography(h, quad[2]),
    applyHomography(h, quad[3]),
  ];
}

/** The inverse transform (adjugate over determinant). */
export function invert(h: Homography): Homography {
  const [a, b, c, d, e, f, g, i, j] = h;
  const co = [
    e * j - f * i,
    c * i - b * j,
    b * f - c * e,
    f * g - d * j,
    a * j - c * g,
    c * d - a * f,
    d * i - e * g,
    b * g - a * i,
    a * e - b * d,
  ];
  const det = a * (co[0] as number) + b * (co[3] as number) + c * (co[6] as number);
  if (Math.abs(det) < 1e-12) throw new Error("homography is singular");
  return co.map((v) => v / det) as unknown as Homography;
}

/** Translation by (dx, dy). */
export function translation(dx: number, dy: number): Homography {
  return [1, 0, dx, 0, 1, dy, 0, 0, 1];
}

/** Scaling about the origin. */
export function scaling(sx: number, sy = sx): Homography {
  return [sx, 0, 0, 0, sy, 0, 0, 0, 1];
}

/** Rotation about the origin by `degrees`, clockwise on screen (y points down). */
export function rotation(degrees: number): Homography {
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return [cos, -sin, 0, sin, cos, 0, 0, 0, 1];
}

/**
 * The transform taking the four `from` points onto the four `to` points (direct linear solve with h33 = 1).
 *
 * @example
 * const h = homographyFromQuads(documentQuad, cornersInPhoto);
 */
export function homographyFromQuads(from: readonly Point[], to: readonly Point[]): Homography {
  if (from.length !== 4 || to.length !== 4) throw new Error("homographyFromQuads needs 4 points each");
  const rows: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const { x, y } = from[k] as Point;
    const { x: u, y: v } = to[k] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const solution = solveAugmented(rows);
  return [...solution, 1] as unknown as Homography;
}

/** Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix. */
function solveAugmented(rows: number[][]): number[] {
  const n = rows.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) pivot = r;
    }
    const top = rows[pivot] as number[];
    if (Math.abs(top[col] as number) < 1e-12) throw new Error("degenerate quad");
    rows[pivot] = rows[col] as number[];
    rows[col] = top;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = rows[r] as number[];
      const factor = (row[col] as number) / (top[col] as number);
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - factor * (top[c] as number);
    }
  }
  return rows.map((row, i) => (row[n] as number) / (row[i] as number));
}
