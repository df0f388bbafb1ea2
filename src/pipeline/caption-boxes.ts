import type { Quad } from "../types.ts";

/** A box's extent along a page's reading direction (`x`) and across it, downwards (`y`). */
interface Span {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A caption must be at most this share of the height of the box it sits under. */
const MAX_HEIGHT_SHARE = 0.8;
/**
 * A caption is a line of small print at least this many times as long as it is high: a single character under a
 * line is more often a letter-spaced label cut into boxes (户 | 号) than a translation.
 */
const MIN_ELONGATION = 1.5;
/** Gap between the caption's top and the upper box's bottom, in the upper box's heights. */
const MIN_GAP = -0.3;
const MAX_GAP = 0.8;
/** How far the two boxes' starts may differ, in the upper box's heights. */
const MAX_START_SHIFT = 1;

/**
 * The boxes that sit like a caption under another box: directly below it (in the given reading direction),
 * starting where it starts, clearly smaller, and line-shaped. Printed forms put a small translation under each label
 * (新生儿姓名 over `Name of Newborn`); such a box is worth reading only when the box above is not a label.
 * Returns each caption's index with the index of the box it sits under.
 */
export function captionBoxes(quads: readonly Quad[], direction: number): Map<number, number> {
  const cos = Math.cos(direction);
  const sin = Math.sin(direction);
  const spans: Span[] = quads.map((quad) => {
    const xs = quad.map((p) => p.x * cos + p.y * sin);
    const ys = quad.map((p) => -p.x * sin + p.y * cos);
    return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  });
  const captions = new Map<number, number>();
  spans.forEach((caption, i) => {
    const height = caption.y1 - caption.y0;
    if (caption.x1 - caption.x0 < height * MIN_ELONGATION) return;
    let best: { index: number; gap: number } | undefined;
    spans.forEach((upper, j) => {
      if (j === i) return;
      const upperHeight = upper.y1 - upper.y0;
      if (upperHeight <= 0 || height > upperHeight * MAX_HEIGHT_SHARE) return;
      const gap = (caption.y0 - upper.y1) / upperHeight;
      if (gap < MIN_GAP || gap > MAX_GAP) return;
      if (Math.abs(caption.x0 - upper.x0) > upperHeight * MAX_START_SHIFT) return;
      if (best === undefined || gap < best.gap) best = { index: j, gap };
    });
    if (best !== undefined) captions.set(i, best.index);
  });
  return captions;
}
