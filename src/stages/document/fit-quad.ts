import { convexHull } from "../../geometry/convex-hull.ts";
import type { Point, Quad } from "../../types.ts";
import type { PaperRegion } from "./paper-mask.ts";
import { fitRobustLine, intersectLines, type Line, lineDistance, lineThrough } from "./robust-line.ts";

/** Bands (share of the region's diagonal) within which outline points count for a side, narrowing each pass. */
const SIDE_BANDS = [0.05, 0.03, 0.018, 0.012];

/**
 * Fits a quadrilateral to a paper region: the largest quadrilateral inside its convex hull as a first guess, then
 * each side refitted robustly to the region's outline points near it, and the corners taken where the sides cross.
 * Outline along the image frame is left out, so a page running off the picture keeps the frame as its side.
 * Returns `undefined` when the region is too small or degenerate to have four sides.
 */
export function fitQuadToRegion(region: PaperRegion): Quad | undefined {
  const { framePoints, edgePoints } = outline(region);
  const hull = convexHull(framePoints);
  if (hull.length < 4) return undefined;
  let quad = largestInscribedQuad(reduceHull(hull, 24));
  const diagonal = Math.hypot(region.width, region.height);
  for (const band of SIDE_BANDS) {
    const next = refitSides(quad, edgePoints, band * diagonal, diagonal);
    if (!next) break;
    quad = next;
  }
  return quad;
}

/** Points for the hull (each row's outer pixel corners) and the region's inner edge pixels (not the frame). */
function outline(region: PaperRegion): { framePoints: Point[]; edgePoints: Point[] } {
  const { width, height, mask } = region;
  const framePoints: Point[] = [];
  const edgePoints: Point[] = [];
  for (let y = 0; y < height; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (mask[i] === 0) continue;
      if (first < 0) first = x;
      last = x;
      const open =
        (x > 0 && mask[i - 1] === 0) ||
        (x < width - 1 && mask[i + 1] === 0) ||
        (y > 0 && mask[i - width] === 0) ||
        (y < height - 1 && mask[i + width] === 0);
      if (open) edgePoints.push({ x: x + 0.5, y: y + 0.5 });
    }
    if (first < 0) continue;
    framePoints.push({ x: first, y }, { x: first, y: y + 1 }, { x: last + 1, y }, { x: last + 1, y: y + 1 });
  }
  return { framePoints, edgePoints };
}

/** Drops, one at a time, the hull vertex whose removal loses the least area, until `limit` remain. */
function reduceHull(hull: Point[], limit: number): Point[] {
  const points = hull.slice();
  while (points.length > limit) {
    let weakest = 0;
    let smallest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < points.length; i++) {
      const loss = triangleArea(at(points, i - 1), at(points, i), at(points, i + 1));
      if (loss < smallest) {
        smallest = loss;
        weakest = i;
      }
    }
    points.splice(weakest, 1);
  }
  return points;
}

/** The largest-area quadrilateral with its corners on the given convex polygon's vertices (exhaustive, n ≤ ~30). */
function largestInscribedQuad(polygon: Point[]): Quad {
  const n = polygon.length;
  let best: [number, number, number, number] = [0, 1, 2, 3];
  let bestArea = -1;
  for (let i = 0; i < n; i++) {
    for (let k = i + 2; k < n && k - i <= n - 2; k++) {
      const a = at(polygon, i);
      const c = at(polygon, k);
      const j = farthestBetween(polygon, a, c, i + 1, k);
      const l = farthestBetween(polygon, c, a, k + 1, i + n);
      const area = triangleArea(a, at(polygon, j), c) + triangleArea(c, at(polygon, l), a);
      if (area > bestArea) {
        bestArea = area;
        best = [i, j, k, l];
      }
    }
  }
  return best.map((index) => at(polygon, index)) as unknown as Quad;
}

function farthestBetween(polygon: Point[], a: Point, c: Point, from: number, to: number): number {
  let best = from;
  let bestArea = -1;
  for (let j = from; j < to; j++) {
    const area = triangleArea(a, at(polygon, j), c);
    if (area > bestArea) {
      bestArea = area;
      best = j;
    }
  }
  return best;
}

/** One pass of side refitting; `undefined` when the sides no longer make a sensible quadrilateral. */
function refitSides(quad: Quad, points: Point[], band: number, diagonal: number): Quad | undefined {
  const lines: Line[] = [];
  const groups: Point[][] = [[], [], [], []];
  for (let k = 0; k < 4; k++) {
    const line = lineThrough(quad[k] as Point, quad[(k + 1) % 4] as Point);
    if (!line) return undefined;
    lines.push(line);
  }
  for (const p of points) {
    let nearest = -1;
    let nearestDistance = band;
    for (let k = 0; k < 4; k++) {
      const distance = Math.abs(lineDistance(lines[k] as Line, p));
      if (distance < nearestDistance && alongSide(quad, k, p)) {
        nearest = k;
        nearestDistance = distance;
      }
    }
    if (nearest >= 0) groups[nearest]?.push(p);
  }
  const fitted = lines.map((line, k) => {
    const group = groups[k] as Point[];
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    return group.length >= Math.max(6, 0.15 * length) ? fitRobustLine(group, line, 0.7) : line;
  });
  const corners: Point[] = [];
  for (let k = 0; k < 4; k++) {
    const corner = intersectLines(fitted[(k + 3) % 4] as Line, fitted[k] as Line);
    const previous = quad[k] as Point;
    if (!corner || Math.hypot(corner.x - previous.x, corner.y - previous.y) > 0.25 * diagonal)
      return undefined;
    corners.push(corner);
  }
  return corners as unknown as Quad;
}

/** Whether p projects onto the inner 90% of side k (corners are rounded by the morphology and shared by two sides). */
function alongSide(quad: Quad, k: number, p: Point): boolean {
  const a = quad[k] as Point;
  const b = quad[(k + 1) % 4] as Point;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy);
  return t > 0.05 && t < 0.95;
}

function triangleArea(a: Point, b: Point, c: Point): number {
  return Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
}

function at(points: Point[], index: number): Point {
  const n = points.length;
  return points[((index % n) + n) % n] as Point;
}
