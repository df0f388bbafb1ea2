import type { Random } from "../random.ts";
import type { CaptureTier } from "./capture-plan.ts";

/** A copier's tone response: a lookup from luminance (0–255) to grey, and its name for the labels. */
export interface CopyCurve {
  table: Uint8Array;
  name: string;
}

/**
 * Draws a copier's tone curve. The paper and pale print (guilloche, tints) wash out to white while a gamma above 1
 * pulls mid-tone ink (faded ribbons, blue and red inks) darker, so values stay readable even on the hard tier.
 */
export function drawCopyCurve(tier: CaptureTier, random: Random): CopyCurve {
  const hard = tier === "hard";
  const white = random.uniform(hard ? 200 : 210, hard ? 222 : 235);
  const black = random.uniform(hard ? 50 : 30, hard ? 80 : 60);
  const gamma = random.uniform(hard ? 1.4 : 1.2, hard ? 1.9 : 1.6);
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const t = Math.min(1, Math.max(0, (v - black) / (white - black)));
    table[v] = Math.round(255 * t ** gamma);
  }
  return { table, name: `photocopy:${Math.round(black)}-${Math.round(white)}@${gamma.toFixed(2)}` };
}

/**
 * Puts RGBA pixels through the copier in place: luminance through the curve, written to all three channels.
 * Applied to the sheet at its full resolution, as a copier sees it, before any shrinking or blur: tone first and
 * fine ink survives; blur first and thin dot-matrix strokes would fade into the paper.
 */
export function applyCopyCurve(rgba: Uint8Array | Uint8ClampedArray, curve: CopyCurve): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const y = 0.299 * (rgba[i] as number) + 0.587 * (rgba[i + 1] as number) + 0.114 * (rgba[i + 2] as number);
    const grey = curve.table[Math.round(y)] as number;
    rgba[i] = grey;
    rgba[i + 1] = grey;
    rgba[i + 2] = grey;
  }
}

/**
 * Toner dot gain: every pixel takes the darkest of itself and its four neighbours (a copier's toner spreads), so
 * sparse dot-matrix strokes join up instead of averaging away into the paper when the copy is shrunk.
 */
export function spreadToner(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): void {
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4] as number;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let v = grey[i] as number;
      if (x > 0) v = Math.min(v, grey[i - 1] as number);
      if (x < width - 1) v = Math.min(v, grey[i + 1] as number);
      if (y > 0) v = Math.min(v, grey[i - width] as number);
      if (y < height - 1) v = Math.min(v, grey[i + width] as number);
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
    }
  }
}
