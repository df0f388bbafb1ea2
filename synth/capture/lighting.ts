import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import { applyHomography, type Homography } from "./homography.ts";

/**
 * A bright elliptical highlight, as a lamp or window reflects off a plastic sleeve or glossy cover. Centred on the
 * document; `peak` (0–1) is the opacity of white at its core, kept below ~0.7 so text under it stays readable.
 */
export function paintGlare(
  ctx: SKRSContext2D,
  plane: Homography,
  width: number,
  height: number,
  peak: number,
  random: Random,
) {
  const centre = applyHomography(plane, { x: random.uniform(0.2, 0.8), y: random.uniform(0.2, 0.8) });
  const core = Math.min(width, height) * random.uniform(0.05, 0.13);
  ctx.save();
  ctx.translate(centre.x, centre.y);
  ctx.rotate(random.uniform(0, Math.PI));
  ctx.scale(random.uniform(1.5, 3), 1);
  // A broad dim halo around a small, nearly flat bright core: what a lamp looks like on glossy plastic.
  paintRadial(ctx, core * 3, [
    [0, peak * 0.35],
    [1, 0],
  ]);
  paintRadial(ctx, core, [
    [0, peak],
    [0.6, peak * 0.92],
    [1, 0],
  ]);
  ctx.restore();
}

function paintRadial(ctx: SKRSContext2D, radius: number, stops: readonly (readonly [number, number])[]) {
  const gradient = ctx.createRadialGradient(0, 0, 0, 0, 0, radius);
  for (const [at, alpha] of stops) gradient.addColorStop(at, `rgba(255,255,250,${alpha.toFixed(3)})`);
  ctx.fillStyle = gradient;
  ctx.fillRect(-radius, -radius, radius * 2, radius * 2);
}

/** A soft shadow (a phone or a head between lamp and document) falling across part of the frame. */
export function paintShadow(
  ctx: SKRSContext2D,
  width: number,
  height: number,
  depth: number,
  random: Random,
) {
  ctx.save();
  const angle = random.uniform(0, Math.PI * 2);
  const cx = width / 2 + (Math.cos(angle) * width) / 2;
  const cy = height / 2 + (Math.sin(angle) * height) / 2;
  const reach = Math.hypot(width, height) * random.uniform(0.35, 0.7);
  const gradient = ctx.createLinearGradient(
    cx,
    cy,
    cx - Math.cos(angle) * reach,
    cy - Math.sin(angle) * reach,
  );
  gradient.addColorStop(0, `rgba(20,15,10,${depth.toFixed(3)})`);
  gradient.addColorStop(0.55, `rgba(20,15,10,${(depth * 0.85).toFixed(3)})`);
  gradient.addColorStop(1, "rgba(20,15,10,0)");
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}

/** Lens fall-off towards the corners and the colour of the room light. */
export function paintLightCast(ctx: SKRSContext2D, width: number, height: number, random: Random) {
  ctx.save();
  const radius = Math.hypot(width, height) / 2;
  const vignette = ctx.createRadialGradient(
    width / 2,
    height / 2,
    radius * 0.45,
    width / 2,
    height / 2,
    radius,
  );
  vignette.addColorStop(0, "rgba(0,0,0,0)");
  vignette.addColorStop(1, `rgba(0,0,0,${random.uniform(0.08, 0.3).toFixed(3)})`);
  ctx.fillStyle = vignette;
  ctx.fillRect(0, 0, width, height);
  ctx.globalCompositeOperation = "multiply";
  ctx.fillStyle = random.pick([
    "rgb(255,244,222)",
    "rgb(255,236,205)",
    "rgb(238,244,255)",
    "rgb(250,250,250)",
  ]);
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}

/**
 * The dark band a booklet's spine leaves on a flatbed: the pages bow up near the binding, away from the glass.
 * `side` is the document edge at the binding (0 top, 1 right, 2 bottom, 3 left); `depth` the opacity at the edge.
 */
export function paintSpineShadow(
  ctx: SKRSContext2D,
  plane: Homography,
  side: number,
  depth: number,
  width: number,
) {
  const inner = [
    [
      { x: 0.5, y: 0 },
      { x: 0.5, y: width },
    ],
    [
      { x: 1, y: 0.5 },
      { x: 1 - width, y: 0.5 },
    ],
    [
      { x: 0.5, y: 1 },
      { x: 0.5, y: 1 - width },
    ],
    [
      { x: 0, y: 0.5 },
      { x: width, y: 0.5 },
    ],
  ][side];
  if (!inner) return;
  const from = applyHomography(plane, inner[0] as { x: number; y: number });
  const to = applyHomography(plane, inner[1] as { x: number; y: number });
  const gradient = ctx.createLinearGradient(from.x, from.y, to.x, to.y);
  gradient.addColorStop(0, `rgba(30,25,20,${depth.toFixed(3)})`);
  gradient.addColorStop(1, "rgba(30,25,20,0)");
  ctx.save();
  ctx.fillStyle = gradient;
  ctx.beginPath();
  for (const [index, corner] of [
    { x: -0.05, y: -0.05 },
    { x: 1.05, y: -0.05 },
    { x: 1.05, y: 1.05 },
    { x: -0.05, y: 1.05 },
  ].entries()) {
    const p = applyHomography(plane, corner);
    if (index === 0) ctx.moveTo(p.x, p.y);
    else ctx.lineTo(p.x, p.y);
  }
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}
