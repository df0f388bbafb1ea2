import { type Canvas, createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import {
  type BlurPlan,
  type CaptureKind,
  type CapturePlan,
  type CaptureTier,
  planCapture,
} from "./capture-plan.ts";
import { finishImage } from "./finish.ts";
import { paintHand } from "./hand.ts";
import {
  type Corners,
  compose,
  type Homography,
  homographyFromQuads,
  invert,
  mapCorners,
  scaling,
} from "./homography.ts";
import { paintGlare, paintLightCast, paintShadow, paintSpineShadow } from "./lighting.ts";
import { applyCopyCurve, type CopyCurve, drawCopyCurve, spreadToner } from "./photocopy.ts";
import { placeDocument, type SceneGeometry } from "./scene-geometry.ts";
import { paintSurface } from "./surfaces.ts";
import { chooseSurroundings, paintSurroundings, planeToFrame, type Surroundings } from "./surroundings.ts";
import { localScale, type RgbaImage, warpOnto } from "./warp.ts";

type QuadPoints = readonly [Point, Point, Point, Point];

/** What capture needs of a rendered document (structurally a subset of the document renderer's output). */
export interface CaptureSource {
  type?: string;
  canvas: Canvas;
  documentQuad: QuadPoints;
  fieldQuads: Record<string, readonly QuadPoints[]>;
}

/** One captured image and its exact geometric ground truth. */
export interface CaptureResult {
  image: Uint8Array;
  format: "png" | "jpg";
  width: number;
  height: number;
  /** The document's corners in the image: TL, TR, BR, BL of the upright document. */
  corners: Corners;
  /** Degrees clockwise the document is turned in the image (quarter turn plus skew), in [0, 360). */
  rotation: number;
  /** 1 for a grey-scale photocopy, else 0 (the API's `ftype`). */
  ftype: 0 | 1;
  kind: CaptureKind;
  /** Names of everything done to the document, with parameters, e.g. `blur:1.20`. */
  degradations: string[];
  /** The renderer's field quads mapped into the image, same keys and order. */
  fieldQuads: Record<string, Corners[]>;
}

/** Value text height as a fraction of the document's height (measured on the renderer's forms), for a blank form. */
const BLANK_TEXT_RATIO: Record<string, number> = { "birth-certificate": 0.015 };
const DEFAULT_TEXT_RATIO = 0.03;

/** The smallest value text height `maxSide` may scale a capture down to, px. */
const MIN_TEXT_HEIGHT = 14;

/**
 * Photographs, scans or photocopies a rendered document for a difficulty tier. All geometry goes through one
 * homography from the document canvas to the image, so `corners` and `fieldQuads` are exact.
 *
 * @example
 * const capture = await captureDocument(renderDocument("birth-certificate", random), random, "moderate");
 * await writeFile(`x.${capture.format}`, capture.image);
 */
export async function captureDocument(
  source: CaptureSource,
  random: Random,
  tier: CaptureTier,
  options: CaptureOptions = {},
): Promise<CaptureResult> {
  return captureWithPlan(source, planCapture(tier, random), random, options);
}

/** Options that do not change what is drawn, only how big. */
export interface CaptureOptions {
  /**
   * Longest side of the image, px: larger captures are scaled down whole (text and blur with them), but never so
   * far that value text falls below 14 px; then the image stays larger.
   */
  maxSide?: number;
}

/** Captures with a plan given in full (tests use it to reach each kind of capture directly). */
export async function captureWithPlan(
  source: CaptureSource,
  wanted: CapturePlan,
  random: Random,
  options: CaptureOptions = {},
): Promise<CaptureResult> {
  const quad = source.documentQuad;
  const docWidth = (distance(quad[0], quad[1]) + distance(quad[3], quad[2])) / 2;
  const docHeight = (distance(quad[0], quad[3]) + distance(quad[1], quad[2])) / 2;
  const scale =
    wanted.textHeight /
    (medianTextHeight(source.fieldQuads) ??
      docHeight * (BLANK_TEXT_RATIO[source.type ?? ""] ?? DEFAULT_TEXT_RATIO));
  const placed = placeDocument(wanted, docWidth * scale, docHeight * scale, random);
  const { plan, scene } = limitSize(wanted, placed, options.maxSide);
  const toImage = homographyFromQuads(quad, scene.corners);
  const frame = createCanvas(scene.width, scene.height);
  const ctx = frame.getContext("2d");
  const plane = planeToFrame(scene.corners);
  const around = chooseSurroundings(
    source.type,
    random,
    plan.kind === "photo",
    sheetOutline(source, plane, toImage),
  );
  paintSurface(ctx, plan.surface, scene.width, scene.height, random);
  paintSurroundings(
    ctx,
    plane,
    around,
    plan.kind === "photo" ? plan.textHeight * random.uniform(0.4, 1.2) : 2,
  );
  const target = ctx.getImageData(0, 0, scene.width, scene.height);
  const copier = plan.kind === "copy" ? drawCopyCurve(plan.tier, random) : null;
  if (copier) applyCopyCurve(target.data, copier);
  const { image: sheet, toImage: sheetToImage } = await prepareSheet(source.canvas, toImage, copier);
  warpOnto(target, sheet, sheetToImage);
  ctx.putImageData(target, 0, 0);
  const fieldQuads = mapFieldQuads(source.fieldQuads, toImage);
  const degradations = describeGeometry(plan, around);
  if (copier) degradations.push(copier.name);
  if (around.booklet && plan.kind !== "photo" && random.chance(0.6)) {
    const side = random.int(0, 3);
    const depth = random.uniform(0.25, plan.kind === "copy" ? 0.8 : 0.5);
    paintSpineShadow(ctx, plane, side, depth, random.uniform(0.03, 0.07));
    degradations.push(`spine-shadow:${side}:${depth.toFixed(2)}`);
  }
  paintEffects(ctx, plan, scene, plane, fieldQuads, random, degradations);
  const pixels = ctx.getImageData(0, 0, scene.width, scene.height).data;
  const finished = await finishImage(pixels, scene.width, scene.height, plan, random);
  return {
    image: finished.image,
    format: finished.format,
    width: scene.width,
    height: scene.height,
    corners: scene.corners,
    rotation: round((((plan.quarter + plan.skew) % 360) + 360) % 360, 2),
    ftype: plan.kind === "copy" ? 1 : 0,
    kind: plan.kind,
    degradations: [...degradations, ...finished.degradations],
    fieldQuads,
  };
}

/** The canvas's outline in document-plane units when it extends beyond the document (a drawn booklet spread). */
function sheetOutline(source: CaptureSource, plane: Homography, toImage: Homography): Point[] | null {
  const { width, height } = source.canvas;
  const canvasCorners: QuadPoints = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const beyond = canvasCorners.some(
    (corner, index) => distance(corner, source.documentQuad[index] as Point) > 2,
  );
  return beyond ? mapCorners(compose(invert(plane), toImage), canvasCorners) : null;
}

/** Scales the whole scene down to `maxSide`, with the text height and blur it implies, so the look is kept. */
function limitSize(plan: CapturePlan, scene: SceneGeometry, maxSide: number | undefined) {
  const longest = Math.max(scene.width, scene.height);
  if (maxSide === undefined || longest <= maxSide) return { plan, scene };
  // Never below the smallest text the tiers promise (14 px): a small fixture must still hold legible text.
  const k = Math.max(maxSide / longest, Math.min(1, MIN_TEXT_HEIGHT / plan.textHeight));
  if (k >= 1) return { plan, scene };
  const blur: BlurPlan | null =
    plan.blur?.kind === "gaussian"
      ? { ...plan.blur, sigma: Math.max(0.3, plan.blur.sigma * k) }
      : plan.blur?.kind === "motion"
        ? { ...plan.blur, length: Math.max(2, Math.round(plan.blur.length * k)) }
        : null;
  return {
    plan: { ...plan, textHeight: plan.textHeight * k, blur },
    scene: {
      width: Math.round(scene.width * k),
      height: Math.round(scene.height * k),
      corners: scene.corners.map((p) => ({ x: p.x * k, y: p.y * k })) as Corners,
    },
  };
}

/**
 * The sheet's pixels, shrunk with an area filter first when the capture is much smaller than the render: bilinear
 * warping alone would alias thin strokes into broken ones. Returns the transform adjusted to the shrunk pixels.
 */
async function prepareSheet(
  canvas: Canvas,
  toImage: Homography,
  copier: CopyCurve | null,
): Promise<{ image: RgbaImage; toImage: Homography }> {
  const { width, height } = canvas;
  const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  if (copier) {
    applyCopyCurve(data, copier);
    spreadToner(data, width, height);
  }
  const corners = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ] as const;
  const largest = Math.max(...corners.map(([x, y]) => localScale(toImage, x, y)));
  const factor = Math.min(1, largest * 1.25);
  if (factor > 0.8) return { image: { width, height, data }, toImage };
  const smallWidth = Math.max(1, Math.round(width * factor));
  const smallHeight = Math.max(1, Math.round(height * factor));
  const small = await sharp(data, { raw: { width, height, channels: 4 } })
    .resize(smallWidth, smallHeight, { kernel: "mitchell", fit: "fill" })
    .raw()
    .toBuffer();
  const adjusted = compose(toImage, scaling(width / smallWidth, height / smallHeight));
  return { image: { width: smallWidth, height: smallHeight, data: small }, toImage: adjusted };
}

function paintEffects(
  ctx: ReturnType<Canvas["getContext"]>,
  plan: CapturePlan,
  scene: { width: number; height: number; corners: Corners },
  plane: Homography,
  fieldQuads: Record<string, Corners[]>,
  random: Random,
  degradations: string[],
) {
  const hard = plan.tier === "hard";
  if (plan.hand) {
    const ink = Object.values(fieldQuads).flatMap((quads) => quads.flat());
    const hand = paintHand(ctx, scene, scene.corners, ink, random);
    degradations.push(`hand:edge${hand.edge}:${Math.round(hand.overlap)}px`);
  }
  // Room light tints everything; the glare, a reflection of the lamp itself, goes on top untinted.
  if (plan.kind === "photo") paintLightCast(ctx, scene.width, scene.height, random);
  if (plan.shadow) {
    const depth = random.uniform(hard ? 0.3 : 0.18, hard ? 0.5 : 0.35);
    paintShadow(ctx, scene.width, scene.height, depth, random);
    degradations.push(`shadow:${depth.toFixed(2)}`);
  }
  if (plan.glare) {
    const peak = random.uniform(hard ? 0.5 : 0.35, hard ? 0.7 : 0.55);
    paintGlare(ctx, plane, scene.width, scene.height, peak, random);
    degradations.push(`glare:${peak.toFixed(2)}`);
  }
}

function describeGeometry(plan: CapturePlan, around: Surroundings): string[] {
  const out = [`${plan.kind}`, `surface:${plan.surface}`, `text:${plan.textHeight.toFixed(1)}px`];
  if (plan.quarter !== 0) out.push(`rotate:${plan.quarter}`);
  if (plan.skew !== 0) out.push(`skew:${plan.skew.toFixed(2)}`);
  if (plan.pitch !== 0 || plan.yaw !== 0)
    out.push(`perspective:${plan.pitch.toFixed(1)},${plan.yaw.toFixed(1)}`);
  if (around.cover) out.push(around.facing ? `booklet:${around.facing}` : "booklet");
  if (around.sleeve) out.push("sleeve");
  return out;
}

function mapFieldQuads(
  fieldQuads: Record<string, readonly QuadPoints[]>,
  h: Homography,
): Record<string, Corners[]> {
  const out: Record<string, Corners[]> = {};
  for (const [key, quads] of Object.entries(fieldQuads)) out[key] = quads.map((q) => mapCorners(h, q));
  return out;
}

/** Median of the value quads' heights (left and right edges), the size that decides legibility. */
function medianTextHeight(fieldQuads: Record<string, readonly QuadPoints[]>): number | null {
  const heights = Object.values(fieldQuads)
    .flat()
    .map((q) => (distance(q[0], q[3]) + distance(q[1], q[2])) / 2)
    .filter((h) => h > 0)
    .sort((a, b) => a - b);
  if (heights.length === 0) return null;
  return heights[Math.floor(heights.length / 2)] ?? null;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
