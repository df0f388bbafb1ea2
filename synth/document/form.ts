/** The preprinted part of the forms: tinted paper with a faint guilloche, ruled lines, labels. */
import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import { type FontFace, font } from "./fonts.ts";

const backgrounds = new Map<string, Canvas>();

/**
 * A cached paper of `width`×`height` in `paper` colour with a guilloche of `lines` colour (sine bands, the
 * security pattern of both documents). Cached by its arguments: drawing thousands of curves per document is slow.
 */
export function paperBackground(
  width: number,
  height: number,
  paper: string,
  lines: string,
  variantSeed: number,
): Canvas {
  const key = `${width}x${height}:${paper}:${lines}:${variantSeed}`;
  const known = backgrounds.get(key);
  if (known) return known;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = paper;
  context.fillRect(0, 0, width, height);
  context.strokeStyle = lines;
  context.lineWidth = 0.8;
  context.globalAlpha = 0.35;
  const period = 40 + variantSeed * 9;
  for (let band = -4; band < height / 14 + 4; band++) {
    for (const phase of [0, Math.PI]) {
      context.beginPath();
      for (let x = 0; x <= width; x += 6) {
        const y = band * 14 + 9 * Math.sin((x / period) * Math.PI * 2 + phase + band * 0.35);
        if (x === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      context.stroke();
    }
  }
  backgrounds.set(key, canvas);
  return canvas;
}

/** How the labels and rules of one sheet look. */
export interface FormStyle {
  ink: string;
  face: FontFace;
  /** Label font size, px. */
  size: number;
  lineWidth: number;
}

/**
 * The preprinted form of a household-register page: dark blue or black rules and labels in Song (sometimes Hei).
 * Draws from `random` in a fixed order, so documents stay reproducible.
 */
export function pickHouseholdFormStyle(random: Random, size: number, lineWidth: number): FormStyle {
  return {
    ink: random.pick(["#1d2b5c", "#222", "#233a6e"]),
    face: random.pick(["song", "song", "hei"]),
    size,
    lineWidth,
  };
}

/** The corners of a whole w×h sheet, top-left first, clockwise. */
export function sheetCorners(width: number, height: number): [Point, Point, Point, Point] {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}

/** Draws a label with its left end at (x, baseline y); returns its width. */
export function drawLabel(
  context: SKRSContext2D,
  style: FormStyle,
  text: string,
  x: number,
  y: number,
  size = style.size,
): number {
  context.font = font(style.face, size);
  context.fillStyle = style.ink;
  context.fillText(text, x, y);
  return context.measureText(text).width;
}

/** Draws a label centred on x. */
export function drawCentredLabel(
  context: SKRSContext2D,
  style: FormStyle,
  text: string,
  x: number,
  y: number,
  size = style.size,
): void {
  context.save();
  context.textAlign = "center";
  drawLabel(context, style, text, x, y, size);
  context.restore();
}

/** A straight rule. */
export function rule(
  context: SKRSContext2D,
  style: FormStyle,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  context.strokeStyle = style.ink;
  context.lineWidth = style.lineWidth;
  context.beginPath();
  context.moveTo(x0, y0);
  context.lineTo(x1, y1);
  context.stroke();
}

/** Letter-spaces a two-character label with a full-width space when `on`, as forms print 姓　名 to align with longer ones. */
export function spaced(label: string, on: boolean): string {
  return [...label].length === 2 && on ? [...label].join("　") : label;
}
