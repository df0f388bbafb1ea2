import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import { applyHomography, type Corners, type Homography, homographyFromQuads } from "./homography.ts";

const UNIT_SQUARE: Corners = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 1, y: 1 },
  { x: 0, y: 1 },
];

/**
 * The transform from document-plane units (0..1 across, 0..1 down the upright document) to the frame, so things
 * lying in the document's plane (cover, facing page, sleeve) get the same perspective as the document.
 */
export function planeToFrame(corners: Corners): Homography {
  return homographyFromQuads(UNIT_SQUARE, corners);
}

/** What is drawn around the sheet: an open booklet (household pages) or a loose sheet, maybe in a sleeve. */
export interface Surroundings {
  /** Booklet cover colour, or null for a loose sheet. */
  cover: string | null;
  /** Which side of the page the facing page of the open booklet lies on, or null. */
  facing: "left" | "top" | null;
  sleeve: boolean;
  /** The document is a page of a booklet (its spine can shadow a flatbed scan). */
  booklet: boolean;
  /**
   * The sheet's outline in document-plane units when the renderer drew more than the document (its own booklet
   * spread): then nothing is added around it and only its shadow is cast.
   */
  sheet: Point[] | null;
}

/** Draws the sheet's surroundings and its soft shadow on the surface, under where the document will be warped. */
export function paintSurroundings(
  ctx: SKRSContext2D,
  plane: Homography,
  around: Surroundings,
  shadow: number,
) {
  // The cover of an open booklet lies under both pages.
  const left = around.facing === "left" ? -1.035 : -0.025;
  const top = around.facing === "top" ? -1.04 : -0.03;
  const outline = around.cover ? rectangle(left, top, 1.025, 1.03) : (around.sheet ?? rectangle(0, 0, 1, 1));
  ctx.save();
  ctx.shadowColor = "rgba(0,0,0,0.45)";
  ctx.shadowBlur = shadow;
  ctx.shadowOffsetX = shadow * 0.3;
  ctx.shadowOffsetY = shadow * 0.4;
  ctx.fillStyle = around.cover ?? "#f2efe6";
  fillPlanePolygon(ctx, plane, outline);
  ctx.restore();
  if (around.facing) paintFacingPage(ctx, plane, around.facing);
  if (around.sleeve) paintSleeve(ctx, plane);
}

/** The other page of the open booklet: pale paper with the faint ruling of an empty card, and a gutter shadow. */
function paintFacingPage(ctx: SKRSContext2D, plane: Homography, side: "left" | "top") {
  const page = side === "left" ? rectangle(-1.01, 0, -0.012, 1) : rectangle(0, -1.01, 1, -0.012);
  ctx.save();
  ctx.fillStyle = "#eee9dc";
  fillPlanePolygon(ctx, plane, page);
  ctx.strokeStyle = "rgba(150,120,110,0.35)";
  ctx.lineWidth = 1;
  for (let k = 1; k < 10; k++) {
    const t = k / 10;
    const [from, to] =
      side === "left"
        ? [
            { x: -0.95, y: t },
            { x: -0.06, y: t },
          ]
        : [
            { x: 0.05, y: -1 + t },
            { x: 0.95, y: -1 + t },
          ];
    strokePlaneLine(ctx, plane, from, to);
  }
  ctx.strokeStyle = "rgba(40,30,20,0.35)";
  ctx.lineWidth = 2;
  if (side === "left") strokePlaneLine(ctx, plane, { x: -0.006, y: 0 }, { x: -0.006, y: 1 });
  else strokePlaneLine(ctx, plane, { x: 0, y: -0.006 }, { x: 1, y: -0.006 });
  ctx.restore();
}

/** The edge of a clear plastic sleeve: a thin bright line just outside the sheet. */
function paintSleeve(ctx: SKRSContext2D, plane: Homography) {
  ctx.save();
  ctx.strokeStyle = "rgba(255,255,255,0.5)";
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  tracePlanePolygon(ctx, plane, rectangle(-0.02, -0.015, 1.02, 1.02));
  ctx.stroke();
  ctx.restore();
}

/**
 * Chooses the surroundings of a document of `type` (the household register is a booklet). `sheet` is the rendered
 * canvas's outline in plane units when it shows more than the document: the renderer has drawn the context then.
 */
export function chooseSurroundings(
  type: string | undefined,
  random: Random,
  allowFacing: boolean,
  sheet: Point[] | null,
): Surroundings {
  const booklet = type === "household-head" || type === "household-resident";
  if (sheet) return { cover: null, facing: null, sleeve: false, booklet, sheet };
  if (booklet) {
    const cover = random.pick(["#5b1f1b", "#6d2a22", "#4a1a17", "#7a3326"]);
    const facing = allowFacing && random.chance(0.6) ? random.pick<"left" | "top">(["left", "top"]) : null;
    return { cover, facing, sleeve: false, booklet, sheet };
  }
  return { cover: null, facing: null, sleeve: random.chance(0.4), booklet, sheet };
}

function rectangle(x0: number, y0: number, x1: number, y1: number): Point[] {
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

function tracePlanePolygon(ctx: SKRSContext2D, plane: Homography, points: readonly Point[]) {
  points.forEach((point, index) => {
    const p = applyHomography(plane, point);
    if (index === 0) ctx.moveTo(p.x, p.y);
    else ctx.lineTo(p.x, p.y);
  });
  ctx.closePath();
}

function fillPlanePolygon(ctx: SKRSContext2D, plane: Homography, points: readonly Point[]) {
  ctx.beginPath();
  tracePlanePolygon(ctx, plane, points);
  ctx.fill();
}

function strokePlaneLine(ctx: SKRSContext2D, plane: Homography, from: Point, to: Point) {
  const a = applyHomography(plane, from);
  const b = applyHomography(plane, to);
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
}
