import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import type { Corners } from "./homography.ts";

/** Where the thumb was drawn, for the degradation label. */
export interface HandPlacement {
  edge: number;
  /** How far the thumb tip reaches over the document's edge, px. */
  overlap: number;
}

/**
 * Draws a hand holding the document: a thumb lying over one edge (the fingers are under the sheet) and the ball of
 * the hand beyond it. The thumb never reaches a value's ink: it stops short of the nearest `inkPoints` on its path.
 */
export function paintHand(
  ctx: SKRSContext2D,
  frame: { width: number; height: number },
  corners: Corners,
  inkPoints: readonly Point[],
  random: Random,
): HandPlacement {
  const edge = random.int(0, 3);
  const a = corners[edge] as Point;
  const b = corners[(edge + 1) % 4] as Point;
  const centre = centroid(corners);
  const along = { x: b.x - a.x, y: b.y - a.y };
  const length = Math.hypot(along.x, along.y);
  const tangent = { x: along.x / length, y: along.y / length };
  let inward = { x: -tangent.y, y: tangent.x };
  const t = random.uniform(0.2, 0.8);
  const base = { x: a.x + along.x * t, y: a.y + along.y * t };
  if ((centre.x - base.x) * inward.x + (centre.y - base.y) * inward.y < 0)
    inward = { x: -inward.x, y: -inward.y };
  const shortSide = Math.min(distance(corners[0], corners[1]), distance(corners[1], corners[2]));
  const radius = shortSide * random.uniform(0.05, 0.075);
  const clearance = inkClearance(inkPoints, base, tangent, inward, radius * 1.3);
  const overlap = Math.max(0, Math.min(shortSide * random.uniform(0.03, 0.08), clearance - radius * 0.3));
  // The hand comes in from outside the picture: the thumb runs back to the frame's border.
  const reach = Math.max(shortSide * 0.3, distanceToBorder(base, inward, frame) + radius * 2);
  drawThumb(ctx, base, inward, radius, overlap, reach, random);
  return { edge, overlap };
}

/** How far inward from `base` the nearest ink lies within `halfWidth` of the thumb's axis. */
function inkClearance(
  points: readonly Point[],
  base: Point,
  tangent: Point,
  inward: Point,
  halfWidth: number,
) {
  let nearest = Number.POSITIVE_INFINITY;
  for (const p of points) {
    const dx = p.x - base.x;
    const dy = p.y - base.y;
    const across = Math.abs(dx * tangent.x + dy * tangent.y);
    const depth = dx * inward.x + dy * inward.y;
    if (across <= halfWidth && depth > -halfWidth) nearest = Math.min(nearest, depth);
  }
  return nearest;
}

function drawThumb(
  ctx: SKRSContext2D,
  base: Point,
  inward: Point,
  radius: number,
  overlap: number,
  reach: number,
  random: Random,
) {
  const hue = random.uniform(14, 30);
  const lightness = random.uniform(52, 76);
  ctx.save();
  ctx.translate(base.x, base.y);
  ctx.rotate(Math.atan2(inward.y, inward.x) + random.uniform(-0.35, 0.35));
  ctx.shadowColor = "rgba(0,0,0,0.35)";
  ctx.shadowBlur = radius * 0.6;
  ctx.shadowOffsetX = radius * 0.15;
  ctx.shadowOffsetY = radius * 0.2;
  // The thumb shows for a few of its widths; behind it the back of the hand widens out of the picture.
  const thumbRoot = overlap - radius * random.uniform(3.6, 4.6);
  const palmEnd = Math.min(thumbRoot - radius * 4, -reach - radius * 2);
  const side = random.pick([-1, 1]);
  const palm = ctx.createLinearGradient(0, side * -radius, 0, side * radius * 4.5);
  palm.addColorStop(0, `hsl(${hue.toFixed(1)}, 42%, ${(lightness - 4).toFixed(1)}%)`);
  palm.addColorStop(1, `hsl(${hue.toFixed(1)}, 40%, ${(lightness - 16).toFixed(1)}%)`);
  ctx.fillStyle = palm;
  ctx.beginPath();
  ctx.ellipse(
    (thumbRoot + palmEnd) / 2,
    side * radius * 1.8,
    (thumbRoot - palmEnd) / 2 + radius,
    radius * 3.4,
    side * 0.12,
    0,
    Math.PI * 2,
  );
  ctx.fill();
  const gradient = ctx.createLinearGradient(0, -radius, 0, radius);
  gradient.addColorStop(0, `hsl(${hue.toFixed(1)}, 40%, ${(lightness - 14).toFixed(1)}%)`);
  gradient.addColorStop(0.45, `hsl(${hue.toFixed(1)}, 45%, ${lightness.toFixed(1)}%)`);
  gradient.addColorStop(1, `hsl(${hue.toFixed(1)}, 40%, ${(lightness - 18).toFixed(1)}%)`);
  ctx.fillStyle = gradient;
  // The thumb widens towards its root and bends slightly, so it does not read as a pasted-on capsule.
  const root = radius * 1.35;
  const bend = radius * random.uniform(-0.4, 0.4);
  ctx.beginPath();
  ctx.moveTo(thumbRoot - radius * 2, -root + bend);
  ctx.quadraticCurveTo(thumbRoot * 0.5, -radius * 1.1 + bend, overlap - radius, -radius);
  ctx.arc(overlap - radius, 0, radius, -Math.PI / 2, Math.PI / 2);
  ctx.quadraticCurveTo(thumbRoot * 0.5, radius * 1.1 + bend, thumbRoot - radius * 2, root + bend);
  ctx.closePath();
  ctx.fill();
  ctx.shadowColor = "rgba(0,0,0,0)";
  ctx.strokeStyle = `hsla(${hue.toFixed(1)}, 35%, ${(lightness - 25).toFixed(1)}%, 0.45)`;
  ctx.lineWidth = Math.max(1, radius * 0.06);
  ctx.beginPath();
  ctx.arc(overlap - radius * 3.4, 0, radius * 0.8, -Math.PI / 3, Math.PI / 3);
  ctx.stroke();
  ctx.fillStyle = `hsla(${(hue - 8).toFixed(1)}, 35%, ${Math.min(90, lightness + 12).toFixed(1)}%, 0.85)`;
  ctx.beginPath();
  ctx.ellipse(overlap - radius * 1.05, 0, radius * 0.75, radius * 0.62, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

/** How far from `from`, walking against `inward`, the frame's border is. */
function distanceToBorder(from: Point, inward: Point, frame: { width: number; height: number }): number {
  const dx = -inward.x;
  const dy = -inward.y;
  const limits = [
    dx > 1e-6 ? (frame.width - from.x) / dx : Number.POSITIVE_INFINITY,
    dx < -1e-6 ? -from.x / dx : Number.POSITIVE_INFINITY,
    dy > 1e-6 ? (frame.height - from.y) / dy : Number.POSITIVE_INFINITY,
    dy < -1e-6 ? -from.y / dy : Number.POSITIVE_INFINITY,
  ];
  return Math.min(...limits);
}

function centroid(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

function distance(a: Point | undefined, b: Point | undefined): number {
  if (!a || !b) return 0;
  return Math.hypot(a.x - b.x, a.y - b.y);
}
