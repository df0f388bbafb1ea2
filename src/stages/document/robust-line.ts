import type { Point } from "../../types.ts";

/** A straight line as a unit normal (nx, ny) and offset c: the points with nx·x + ny·y = c. */
export interface Line {
  nx: number;
  ny: number;
  c: number;
}

/** Signed distance of a point from a line (positive on the side the normal points to). */
export function lineDistance(line: Line, p: Point): number {
  return line.nx * p.x + line.ny * p.y - line.c;
}

/** The line through two points, or `undefined` when they coincide. */
export function lineThrough(a: Point, b: Point): Line | undefined {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length < 1e-9) return undefined;
  const nx = -(b.y - a.y) / length;
  const ny = (b.x - a.x) / length;
  return { nx, ny, c: nx * a.x + ny * a.y };
}

/** Where two lines cross, or `undefined` when they are (nearly) parallel. */
export function intersectLines(a: Line, b: Line): Point | undefined {
  const det = a.nx * b.ny - a.ny * b.nx;
  if (Math.abs(det) < 1e-6) return undefined;
  return { x: (a.c * b.ny - a.ny * b.c) / det, y: (a.nx * b.c - a.c * b.nx) / det };
}

/**
 * Fits a line to points by iteratively reweighted total least squares with Tukey's biweight, so a hand, a shadow
 * or a torn stretch along one side of a page does not pull the line off the straight part.
 *
 * @param start a first guess (the fit only moves from it when enough points agree)
 * @param minimumScale smallest residual scale in pixels: keeps exact synthetic edges from collapsing the weights
 */
export function fitRobustLine(points: readonly Point[], start: Line, minimumScale: number): Line {
  let line = start;
  const weights = new Float64Array(points.length).fill(1);
  const residuals = new Float64Array(points.length);
  const sorted = new Float64Array(points.length);
  for (let iteration = 0; iteration < 6; iteration++) {
    for (let i = 0; i < points.length; i++) residuals[i] = Math.abs(lineDistance(line, points[i] as Point));
    const scale = Math.max(minimumScale, 1.4826 * median(residuals, sorted));
    const cutoff = 4.685 * scale;
    for (let i = 0; i < points.length; i++) {
      const u = (residuals[i] as number) / cutoff;
      weights[i] = u < 1 ? (1 - u * u) ** 2 : 0;
    }
    const next = weightedLine(points, weights);
    if (!next) break;
    line = next.nx * line.nx + next.ny * line.ny < 0 ? { nx: -next.nx, ny: -next.ny, c: -next.c } : next;
  }
  return line;
}

/** Total least squares: the line through the weighted centroid along the principal direction. */
function weightedLine(points: readonly Point[], weights: Float64Array): Line | undefined {
  let sum = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Point;
    const w = weights[i] as number;
    sum += w;
    mx += w * p.x;
    my += w * p.y;
  }
  if (sum < 2) return undefined;
  mx /= sum;
  my /= sum;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Point;
    const w = weights[i] as number;
    sxx += w * (p.x - mx) ** 2;
    syy += w * (p.y - my) ** 2;
    sxy += w * (p.x - mx) * (p.y - my);
  }
  // Direction of largest spread; the normal is perpendicular to it.
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const nx = -Math.sin(angle);
  const ny = Math.cos(angle);
  return { nx, ny, c: nx * mx + ny * my };
}

/** The upper median of `values`, sorted in the scratch array `sorted` (of the same length). */
function median(values: Float64Array, sorted: Float64Array): number {
  if (values.length === 0) return 0;
  sorted.set(values);
  sorted.sort();
  return sorted[Math.floor(sorted.length / 2)] as number;
}
