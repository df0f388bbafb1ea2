import type { RawImage } from "../../image/raw-image.ts";
import type { Point, Quad } from "../../types.ts";
import { intersectLines, type Line, lineThrough } from "./robust-line.ts";

/** The tone of the document's paper among what was read on it. */
export interface PaperTone {
  /** Median brightness, grey levels. */
  luma: number;
  /** Median colourfulness (largest minus smallest channel), grey levels. */
  chroma: number;
}

/** Samples taken along each side (its middle 70%, away from the corners a hand or a fold may cover). */
const SAMPLES = 60;
/** Share of a side's samples that must look like blank paper for an offset to be part of a margin. */
const BLANK_SHARE = 0.85;
/** Share of a side's samples below which an offset is clearly no longer blank paper. */
const CHANGED_SHARE = 0.4;
/** How many offsets past the margin must stay clearly not paper: the paper has ended, not crossed a rule. */
const CHANGED_RUN = 3;
/** Farthest (pixels) from a side the margin may start: it starts right at the side or not at all. */
const MARGIN_START = 4;
/** Narrowest margin (pixels) worth moving a side across. */
const MIN_MARGIN = 2;

/**
 * Moves the sides of a page outline, found on a straightened working image, out across a blank margin to where the
 * paper ends. A document with a printed frame (a certificate's guilloche border) is often outlined at the frame,
 * its strongest straight edge, while the sheet runs on a little further: beyond such a side lies paper of the
 * document's own tone, blank all along, up to a change that lasts (the scanner bed, the desk). A side is moved
 * only when that margin starts right at it, ends within `reach` pixels and what lies beyond differs from the paper
 * along most of the side; a side at the paper's edge already, or with the same tone beyond it (white paper on a
 * white copier lid), stays where it is.
 *
 * `quad` is top-left, top-right, bottom-right, bottom-left in `page` pixels; the result is in the same order.
 */
export function extendOverMargins(page: RawImage, quad: Quad, paper: PaperTone, reach: number): Quad {
  const centre = {
    x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
    y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
  };
  const lines: Line[] = [];
  let moved = false;
  for (let k = 0; k < 4; k++) {
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    const line = lineThrough(a, b);
    if (!line) return quad;
    // The line's normal points outward when the centre lies on its negative side.
    const sense = line.nx * centre.x + line.ny * centre.y - line.c < 0 ? 1 : -1;
    const margin = marginWidth(page, a, b, { x: sense * line.nx, y: sense * line.ny }, paper, reach);
    if (margin > 0) moved = true;
    lines.push({ ...line, c: line.c + sense * margin });
  }
  if (!moved) return quad;
  const corners: Point[] = [];
  for (let k = 0; k < 4; k++) {
    const corner = intersectLines(lines[(k + 3) % 4] as Line, lines[k] as Line);
    if (!corner) return quad;
    corners.push(corner);
  }
  return corners as unknown as Quad;
}

/**
 * How far (pixels) blank paper of the document's tone runs on beyond the line a–b, out along `normal` (a unit
 * vector), before a lasting change no further than `reach`; 0 when there is no such margin.
 */
function marginWidth(
  page: RawImage,
  a: Point,
  b: Point,
  normal: Point,
  paper: PaperTone,
  reach: number,
): number {
  const tangent = { x: -normal.y, y: normal.x };
  const lumaTolerance = Math.max(10, 0.06 * paper.luma);
  const chromaTolerance = Math.max(5, 0.5 * paper.chroma);
  const limit = Math.ceil(reach) + CHANGED_RUN;
  const shares: number[] = [];
  for (let offset = 0; offset <= limit; offset++) {
    let blank = 0;
    let seen = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const t = 0.15 + (0.7 * (s + 0.5)) / SAMPLES;
      const x = a.x + t * (b.x - a.x) + offset * normal.x;
      const y = a.y + t * (b.y - a.y) + offset * normal.y;
      const tone = toneAt(page, x, y, tangent);
      if (!tone) continue;
      seen++;
      if (
        Math.abs(tone.luma - paper.luma) <= lumaTolerance &&
        Math.abs(tone.chroma - paper.chroma) <= chromaTolerance
      )
        blank++;
    }
    // Past the picture's edge nothing is known: a margin that has not ended before it is not one.
    if (seen < SAMPLES / 2) break;
    shares.push(blank / seen);
  }
  let start = 0;
  while (start <= MARGIN_START && (shares[start] as number) < BLANK_SHARE) start++;
  if (start > MARGIN_START) return 0;
  let end = start;
  while (end < shares.length && (shares[end] as number) >= BLANK_SHARE) end++;
  if (end - start < MIN_MARGIN || end > reach) return 0;
  // The change may take an offset to complete (a blurred or slightly slanted edge).
  const changed = (shares[end] ?? 1) < CHANGED_SHARE ? end : end + 1;
  for (let offset = changed; offset < changed + CHANGED_RUN; offset++) {
    if ((shares[offset] ?? 1) >= CHANGED_SHARE) return 0;
  }
  // The paper's edge: where the blank share crosses one half between the last blank offset and the first changed.
  const before = shares[changed - 1] as number;
  const after = shares[changed] as number;
  return before > 0.5 ? changed - 1 + (before - 0.5) / (before - after) : changed - 0.5;
}

/** Brightness and colourfulness at a point, averaged with its neighbours 1 px either way along `tangent`. */
function toneAt(page: RawImage, x: number, y: number, tangent: Point): PaperTone | undefined {
  let luma = 0;
  let chroma = 0;
  for (const u of [-1, 0, 1]) {
    const ix = Math.floor(x + u * tangent.x);
    const iy = Math.floor(y + u * tangent.y);
    if (ix < 0 || iy < 0 || ix >= page.width || iy >= page.height) return undefined;
    const at = (iy * page.width + ix) * page.channels;
    const r = page.data[at] as number;
    const g = page.channels === 1 ? r : (page.data[at + 1] as number);
    const bl = page.channels === 1 ? r : (page.data[at + 2] as number);
    luma += 0.299 * r + 0.587 * g + 0.114 * bl;
    chroma += Math.max(r, g, bl) - Math.min(r, g, bl);
  }
  return { luma: luma / 3, chroma: chroma / 3 };
}

/** The paper's tone: median brightness and colourfulness over a box of `page` (about 2,500 samples). */
export function paperTone(
  page: RawImage,
  box: { left: number; top: number; right: number; bottom: number },
): PaperTone {
  const lumas: number[] = [];
  const chromas: number[] = [];
  const stepX = Math.max(1, (box.right - box.left) / 50);
  const stepY = Math.max(1, (box.bottom - box.top) / 50);
  for (let y = box.top; y < box.bottom; y += stepY) {
    for (let x = box.left; x < box.right; x += stepX) {
      const tone = toneAt(page, x, y, { x: 0, y: 0 });
      if (!tone) continue;
      lumas.push(tone.luma);
      chromas.push(tone.chroma);
    }
  }
  return { luma: median(lumas), chroma: median(chromas) };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
