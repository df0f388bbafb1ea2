import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { CaptureSource } from "./capture-document.ts";

/** Where the stand-in's marker dots sit, as fractions of the document (inset so they stay on paper). */
export const DOT_POSITIONS: Record<string, Point> = {
  dotTopLeft: { x: 0.08, y: 0.1 },
  dotTopRight: { x: 0.92, y: 0.1 },
  dotBottomRight: { x: 0.92, y: 0.9 },
  dotBottomLeft: { x: 0.08, y: 0.9 },
};

const FONT_FAMILY = "StandInSans";
let fontReady = false;

function ensureFont() {
  if (fontReady) return;
  const require = createRequire(import.meta.url);
  const path = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
  GlobalFonts.registerFromPath(path, FONT_FAMILY);
  fontReady = true;
}

/**
 * A small stand-in for the document renderer, for tests and previews only: a ruled card on a transparent margin,
 * a few values, and four black marker dots reported as field quads so tests can find them in captures.
 */
export function standInDocument(type = "household-resident"): CaptureSource {
  ensureFont();
  const margin = 24;
  const width = 1000;
  const height = 720;
  const canvas = createCanvas(width + margin * 2, height + margin * 2);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#f6f1e4";
  ctx.fillRect(margin, margin, width, height);
  ctx.strokeStyle = "#b04a3c";
  ctx.lineWidth = 2;
  for (let row = 1; row < 8; row++) {
    ctx.beginPath();
    ctx.moveTo(margin + 40, margin + row * 90);
    ctx.lineTo(margin + width - 40, margin + row * 90);
    ctx.stroke();
  }
  const fieldQuads: Record<string, [Point, Point, Point, Point][]> = {};
  ctx.font = `28px ${FONT_FAMILY}`;
  const values = ["张伟", "汉族", "1990年05月17日", "北京市海淀区中关村大街27号"];
  values.forEach((value, index) => {
    const x = margin + 300;
    const top = margin + 90 * (index + 2) - 40;
    ctx.fillStyle = "#202020";
    ctx.fillText(value, x, top + 28);
    const w = ctx.measureText(value).width;
    fieldQuads[`value${index}`] = [
      [
        { x, y: top },
        { x: x + w, y: top },
        { x: x + w, y: top + 34 },
        { x, y: top + 34 },
      ],
    ];
  });
  for (const [key, at] of Object.entries(DOT_POSITIONS)) {
    const cx = margin + at.x * width;
    const cy = margin + at.y * height;
    ctx.fillStyle = "#000000";
    ctx.beginPath();
    ctx.arc(cx, cy, 14, 0, Math.PI * 2);
    ctx.fill();
    fieldQuads[key] = [
      [
        { x: cx - 14, y: cy - 14 },
        { x: cx + 14, y: cy - 14 },
        { x: cx + 14, y: cy + 14 },
        { x: cx - 14, y: cy + 14 },
      ],
    ];
  }
  const documentQuad: CaptureSource["documentQuad"] = [
    { x: margin, y: margin },
    { x: margin + width, y: margin },
    { x: margin + width, y: margin + height },
    { x: margin, y: margin + height },
  ];
  return { type, canvas, documentQuad, fieldQuads };
}
