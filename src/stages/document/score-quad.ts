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

/** Intersection over union of the region and the (convex) quadrilateral, counted over pixel centres. */
function quadOverlap(region: PaperRegion, quad: Quad): number {
  let intersection = 0;
  let inQuad = 0;
  const { width, height, mask } = region;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!insideConvex(quad, x + 0.5, y + 0.5)) continue;
      inQuad++;
      if (mask[y * width + x] === 1) intersection++;
    }
  }
  const union = inQuad + region.area - intersection;
  return union > 0 ? intersection / union : 0;
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
