import type { Point, Quad } from "../../types.ts";
import type { PaperRegion } from "./paper-mask.ts";
import type { Plane } from "./working-planes.ts";

/** How well a quadrilateral explains the picture, each part 0–1. */
export interface QuadScore {
  /** Share of sampled points along the sides where the inside is clearly lighter than the outside. */
  edgeSupport: number;
  /** Share of the sides' samples that fall on the image frame (nothing to compare there). */
  onFrame: number;
  /** Intersection over union of the quadrilateral and the region it was fitted to. */
  overlap: number;
}

const SAMPLES_PER_SIDE = 32;
/**
 * Grey levels by which paper must outshine its surroundings for a side sample to count as a real edge: low, because
 * white paper on a white scanner lid differs by little more than this, and the working copy is averaged smooth.
 */
const MIN_STEP = 6;

/** Scores a working-resolution quadrilateral against the plane it was segmented from and its region. */
export function scoreQuad(plane: Plane, region: PaperRegion, quad: Quad): QuadScore {
  const centre = {
    x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
    y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
  };
  let supported = 0;
  let known = 0;
  let total = 0;
  for (let k = 0; k < 4; k++) {
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    let nx = -(b.y - a.y) / length;
    let ny = (b.x - a.x) / length;
    if (nx * (a.x - centre.x) + ny * (a.y - centre.y) < 0) [nx, ny] = [-nx, -ny];
    for (let s = 0; s < SAMPLES_PER_SIDE; s++) {
      const t = 0.1 + (0.8 * (s + 0.5)) / SAMPLES_PER_SIDE;
      const p = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
      total++;
      const step = edgeStep(plane, p, nx, ny);
      if (step === undefined) continue;
      known++;
      if (step >= MIN_STEP) supported++;
    }
  }
  return {
    edgeSupport: known > 0 ? supported / known : 0,
    onFrame: 1 - known / total,
    overlap: quadOverlap(region, quad),
  };
}

/** Mean inside minus mean outside across an edge point, or `undefined` where the outside leaves the image. */
function edgeStep(plane: Plane, p: Point, nx: number, ny: number): number | undefined {
  let inside = 0;
  let outside = 0;
  for (const d of [2, 3, 4]) {
    const o = pixel(plane, p.x + d * nx, p.y + d * ny);
    const i = pixel(plane, p.x - d * nx, p.y - d * ny);
    if (o === undefined || i === undefined) return undefined;
    inside += i;
    outside += o;
  }
  return (inside - outside) / 3;
}

function pixel(plane: Plane, x: number, y: number): number | undefined {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  if (ix < 0 || iy < 0 || ix >= plane.width || iy >= plane.height) return undefined;
  return plane.data[iy * plane.width + ix];
}

/**
 * Intersection over union of the region and the (convex) quadrilateral, counted over pixel centres. Each row's
 * pixels inside a convex quadrilateral are one run: its ends are found from the sides' crossings of the row and
 * settled with the exact test, and the region's pixels are counted along the run.
 */
function quadOverlap(region: PaperRegion, quad: Quad): number {
  let intersection = 0;
  let inQuad = 0;
  const { width, height, mask } = region;
  for (let y = 0; y < height; y++) {
    const run = insideRun(quad, y + 0.5, width);
    if (run === undefined) continue;
    const [first, last] = run;
    inQuad += last - first + 1;
    const base = y * width;
    for (let x = first; x <= last; x++) intersection += mask[base + x] === 1 ? 1 : 0;
  }
  const union = inQuad + region.area - intersection;
  return union > 0 ? intersection / union : 0;
}

/**
 * The first and last column of a row whose pixel centres {@link insideConvex} counts inside the quadrilateral, or
 * `undefined` when none is. The run is estimated from where the row crosses the sides, then each end is moved
 * pixel by pixel until the exact test agrees (float rounding can put a centre on a side either way).
 */
function insideRun(quad: Quad, centreY: number, width: number): [number, number] | undefined {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  const orientation = Math.sign(signedArea(quad));
  if (orientation === 0) return scanRun(quad, centreY, 0, width - 1);
  for (let k = 0; k < 4; k++) {
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    // cross(x) = (b.x − a.x)(y − a.y) − (b.y − a.y)(x − a.x) must have the orientation's sign (or be 0).
    const slope = -(b.y - a.y) * orientation;
    const offset = ((b.x - a.x) * (centreY - a.y) + (b.y - a.y) * a.x) * orientation;
    if (slope === 0) {
      if (offset < 0) return nearMiss(quad, centreY, width, low, high);
      continue;
    }
    const crossing = -offset / slope;
    if (slope > 0) low = Math.max(low, crossing);
    else high = Math.min(high, crossing);
  }
  // Pixel x's centre is x + 0.5.
  let first = Math.max(0, Math.ceil(low - 0.5));
  let last = Math.min(width - 1, Math.floor(high - 0.5));
  if (first > last) return nearMiss(quad, centreY, width, low, high);
  if (!insideConvex(quad, first + 0.5, centreY) || !insideConvex(quad, last + 0.5, centreY)) {
    // The estimate put an end just outside: settle it exactly.
    while (first <= last && !insideConvex(quad, first + 0.5, centreY)) first++;
    while (last >= first && !insideConvex(quad, last + 0.5, centreY)) last--;
    if (first > last) return undefined;
  }
  while (first > 0 && insideConvex(quad, first - 0.5, centreY)) first--;
  while (last < width - 1 && insideConvex(quad, last + 1.5, centreY)) last++;
  return [first, last];
}

/** An empty estimate, checked at the pixels nearest it (a row grazing a corner). */
function nearMiss(
  quad: Quad,
  centreY: number,
  width: number,
  low: number,
  high: number,
): [number, number] | undefined {
  const near = [low, high].filter(Number.isFinite).map((x) => Math.floor(x));
  const from = Math.max(0, Math.min(...near, width) - 1);
  const to = Math.min(width - 1, Math.max(...near, -1) + 1);
  return from <= to ? scanRun(quad, centreY, from, to) : undefined;
}

/** The run of inside pixels among columns `from`..`to` by testing each (only a few, or a degenerate quad). */
function scanRun(quad: Quad, centreY: number, from: number, to: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let x = from; x <= to; x++) {
    if (!insideConvex(quad, x + 0.5, centreY)) continue;
    if (first < 0) first = x;
    last = x;
  }
  return first < 0 ? undefined : [first, last];
}

function signedArea(quad: Quad): number {
  let area = 0;
  for (let k = 0; k < 4; k++) {
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    area += a.x * b.y - b.x * a.y;
  }
  return area / 2;
}

function insideConvex(quad: Quad, x: number, y: number): boolean {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    const cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}
