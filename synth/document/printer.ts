/**
 * Prints values onto a form the way an office printer does: one per-document misregistration plus per-value jitter,
 * black or blue ink, a dotted dot-matrix texture and ribbon fade sometimes, a hand-written addition now and then.
 * Returns where the ink went, so the labels know each value's quad.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import { createCanvas } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import { canDraw, type FontFace, font } from "./fonts.ts";

/** A box corner list TL, TR, BR, BL. */
export type Quad4 = [Point, Point, Point, Point];

/** The printing choices of one document. */
export interface PrintStyle {
  face: FontFace;
  ink: string;
  dotMatrix: boolean;
  /** The per-document offset of the printer against the preprinted form, px. */
  shiftX: number;
  shiftY: number;
  /** Per-value jitter, px. */
  jitter: number;
  /** 0..1: how faded the ribbon is (dot-matrix) or the toner. */
  fade: number;
  /** Probability that a value is a hand-written addition. */
  handRate: number;
  /** Dot-matrix only: 0 = even ribbon; up to ~0.8 = one edge of the band nearly dry. */
  ribbonWear: number;
  ribbonWornTop: boolean;
}

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

/** Draws a random print style for a document whose value text is about `size` px high. */
export function randomPrintStyle(random: Random, size: number, faces: FontFace[]): PrintStyle {
  const dotMatrix = random.chance(0.35);
  // A quarter of documents are badly registered: values sit on or across the ruled lines.
  const misregistration = random.chance(0.25) ? 2.2 : 1;
  return {
    // Dot-matrix heads print a heavy bitmap Song or Hei (each stroke is a dotted band), never Kai.
    face: dotMatrix ? random.pick(["song-bold", "hei"] as FontFace[]) : random.pick(faces),
    ink: random.chance(0.75)
      ? random.pick(["#1a1a1a", "#222226", "#0d0d12"])
      : random.pick(["#1d2f7a", "#23318f"]),
    dotMatrix,
    // Capped: beyond about one character the value would sit on its label, which printers rarely do.
    shiftX: clamp(random.normal(0, size * 0.5 * misregistration), size * 1.1),
    shiftY: clamp(random.normal(0, size * 0.3 * misregistration), size * 0.7),
    jitter: size * random.uniform(0.02, 0.12),
    fade: dotMatrix ? random.uniform(0, 0.3) : random.uniform(0, 0.15),
    handRate: random.chance(0.15) ? 0.12 : 0,
    ribbonWear: dotMatrix && random.chance(0.5) ? random.uniform(0.25, 0.6) : 0,
    ribbonWornTop: random.chance(0.5),
  };
}

type Pattern = ReturnType<SKRSContext2D["createPattern"]>;
const dotPatterns = new Map<string, Pattern>();

// A 3×3 tile with one round dot: text filled with it shows the pin grid of a 24-pin head.
function dotPattern(context: SKRSContext2D, ink: string): Pattern {
  const known = dotPatterns.get(ink);
  if (known) return known;
  const tile = createCanvas(3, 3);
  const t = tile.getContext("2d");
  t.fillStyle = ink;
  t.beginPath();
  t.arc(1.5, 1.5, 1.2, 0, Math.PI * 2);
  t.fill();
  const pattern = context.createPattern(tile, "repeat");
  dotPatterns.set(ink, pattern);
  return pattern;
}

/**
 * The text as a worn ribbon prints it: one edge of the ribbon band carries less ink, so the glyphs fade from top to
 * bottom (or back). Drawn apart and masked, because masking on the sheet would erase the form under the text.
 */
function wornRibbonText(
  context: SKRSContext2D,
  text: string,
  ascent: number,
  descent: number,
  style: PrintStyle,
) {
  const width = Math.ceil(context.measureText(text).width + 4);
  const height = Math.ceil(ascent + descent + 4);
  const canvas = createCanvas(width, height);
  const c = canvas.getContext("2d");
  c.font = context.font;
  c.fillStyle = dotPattern(c, style.ink);
  c.fillText(text, 2, ascent + 2);
  c.globalCompositeOperation = "destination-in";
  const mask = c.createLinearGradient(0, 0, 0, height);
  const worn = `rgba(0,0,0,${(1 - style.ribbonWear).toFixed(2)})`;
  mask.addColorStop(0, style.ribbonWornTop ? worn : "rgba(0,0,0,1)");
  mask.addColorStop(1, style.ribbonWornTop ? "rgba(0,0,0,1)" : worn);
  c.fillStyle = mask;
  c.fillRect(0, 0, width, height);
  return canvas;
}

/** Options of one value. */
export interface PrintOptions {
  /** Font size in px. */
  size: number;
  /** Squeeze the text horizontally to fit this width (printers shrink long addresses). */
  maxWidth?: number;
  /** Never hand-written (IDs, numbers that must be machine printed). */
  machineOnly?: boolean;
  align?: "left" | "center";
}

/**
 * Prints `text` with its baseline's left end (or centre) near (x, y), moved by the style's misregistration.
 * Returns the ink quad ([] for empty text).
 */
export function printValue(
  context: SKRSContext2D,
  style: PrintStyle,
  random: Random,
  text: string,
  x: number,
  y: number,
  options: PrintOptions,
): Quad4[] {
  if (text === "") return [];
  const hand = !options.machineOnly && random.chance(style.handRate) && canDraw("hand", text);
  const face = hand ? "hand" : canDraw(style.face, text) ? style.face : "song";
  const size = options.size * (hand ? random.uniform(1.0, 1.2) : 1);
  context.save();
  context.font = font(face, size);
  const metrics = context.measureText(text);
  let width = metrics.width;
  const scale = options.maxWidth && width > options.maxWidth ? options.maxWidth / width : 1;
  width *= scale;
  const left =
    (options.align === "center" ? x - width / 2 : x) + style.shiftX + random.normal(0, style.jitter);
  const baseline = y + style.shiftY + random.normal(0, style.jitter);
  const angle = hand ? random.normal(0, 0.03) : random.normal(0, 0.003);
  context.translate(left, baseline);
  context.rotate(angle);
  context.scale(scale, 1);
  context.globalAlpha = hand ? random.uniform(0.8, 0.95) : 1 - style.fade * random.uniform(0.6, 1);
  context.fillStyle = hand
    ? random.pick(["#1b2a6b", "#151515"])
    : style.dotMatrix
      ? dotPattern(context, style.ink)
      : style.ink;
  const ascent = metrics.actualBoundingBoxAscent;
  const descent = metrics.actualBoundingBoxDescent;
  if (!hand && style.dotMatrix && style.ribbonWear > 0) {
    context.drawImage(wornRibbonText(context, text, ascent, descent, style), -2, -ascent - 2);
  } else {
    context.fillText(text, 0, 0);
  }
  context.restore();
  const corner = (dx: number, dy: number): Point => ({
    x: left + dx * Math.cos(angle) - dy * Math.sin(angle),
    y: baseline + dx * Math.sin(angle) + dy * Math.cos(angle),
  });
  return [[corner(0, -ascent), corner(width, -ascent), corner(width, descent), corner(0, descent)]];
}
