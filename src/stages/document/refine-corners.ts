import type { RawImage } from "../../image/raw-image.ts";
import type { Point, Quad } from "../../types.ts";
import { fitRobustLine, intersectLines, type Line, lineThrough } from "./robust-line.ts";

const SAMPLES_PER_SIDE = 40;
/** Smallest brightness drop (grey levels over 2 px) that counts as the paper's edge at full resolution. */
const MIN_DROP = 8;

/**
 * Sharpens a quadrilateral found on the small working copy against the full-resolution image: along each side,
 * finds where brightness drops most steeply from inside to outside within `radius` pixels, refits the side through
 * those points robustly and takes the corners where the sides cross. A side with too few clear edge points (on the
 * image frame, under a hand) keeps its position.
 */
export function refineCorners(image: RawImage, quad: Quad, radius: number): Quad {
  const centre = {
    x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
    y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
  };
  const lines: Line[] = [];
  for (let k = 0; k < 4; k++) {
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    const line = lineThrough(a, b);
    if (!line) return quad;
    lines.push(refineSide(image, a, b, outwardNormal(a, b, centre), radius) ?? line);
  }
  const corners: Point[] = [];
  for (let k = 0; k < 4; k++) {
    const corner = intersectLines(lines[(k + 3) % 4] as Line, lines[k] as Line);
    const previous = quad[k] as Point;
    if (!corner || Math.hypot(corner.x - previous.x, corner.y - previous.y) > 3 * radius) return quad;
    corners.push(corner);
  }
  return corners as unknown as Quad;
}

function outwardNormal(a: Point, b: Point, centre: Point): Point {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const n = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
  return n.x * (a.x - centre.x) + n.y * (a.y - centre.y) < 0 ? { x: -n.x, y: -n.y } : n;
}

function refineSide(image: RawImage, a: Point, b: Point, normal: Point, radius: number): Line | undefined {
  const start = lineThrough(a, b);
  if (!start) return undefined;
  const tangent = { x: -normal.y, y: normal.x };
  const found: Point[] = [];
  for (let s = 0; s < SAMPLES_PER_SIDE; s++) {
    const t = 0.1 + (0.8 * (s + 0.5)) / SAMPLES_PER_SIDE;
    const p = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
    const offset = steepestDrop(image, p, normal, tangent, radius);
    if (offset !== undefined) found.push({ x: p.x + offset * normal.x, y: p.y + offset * normal.y });
  }
  if (found.length < SAMPLES_PER_SIDE / 3) return undefined;
  return fitRobustLine(found, start, 0.5);
}

/** Offset along the outward normal where brightness falls fastest, to a fraction of a pixel; or none. */
function steepestDrop(
  image: RawImage,
  p: Point,
  normal: Point,
  tangent: Point,
  radius: number,
): number | undefined {
  const r = Math.ceil(radius);
  const profile: number[] = [];
  for (let s = -r - 1; s <= r + 1; s++) {
    let sum = 0;
    for (const u of [-2, 0, 2]) {
      const value = lumaAt(image, p.x + s * normal.x + u * tangent.x, p.y + s * normal.y + u * tangent.y);
      if (value === undefined) return undefined;
      sum += value;
    }
    profile.push(sum / 3);
  }
  let best = -1;
  let bestDrop = MIN_DROP;
  const drops: number[] = [];
  for (let i = 1; i < profile.length - 1; i++) {
    const drop = (profile[i - 1] as number) - (profile[i + 1] as number);
    drops.push(drop);
    if (drop > bestDrop) {
      bestDrop = drop;
      best = i - 1;
    }
  }
  if (best < 0) return undefined;
  const left = drops[best - 1] ?? bestDrop;
  const right = drops[best + 1] ?? bestDrop;
  const curvature = left - 2 * bestDrop + right;
  const shift = curvature < 0 ? (0.5 * (left - right)) / curvature : 0;
  return best - r + Math.max(-0.5, Math.min(0.5, shift));
}

/** Bilinear luma at a continuous point (pixel i covers [i, i + 1)); `undefined` outside the image. */
function lumaAt(image: RawImage, x: number, y: number): number | undefined {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= image.width || y0 + 1 >= image.height) return undefined;
  const wx = fx - x0;
  const wy = fy - y0;
  const top = (1 - wx) * luma(image, x0, y0) + wx * luma(image, x0 + 1, y0);
  const bottom = (1 - wx) * luma(image, x0, y0 + 1) + wx * luma(image, x0 + 1, y0 + 1);
  return (1 - wy) * top + wy * bottom;
}

function luma(image: RawImage, x: number, y: number): number {
  const i = (y * image.width + x) * image.channels;
  if (image.channels === 1) return image.data[i] as number;
  return (
    0.299 * (image.data[i] as number) +
    0.587 * (image.data[i + 1] as number) +
    0.114 * (image.data[i + 2] as number)
  );
}
