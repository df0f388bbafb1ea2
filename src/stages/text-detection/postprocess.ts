import { minAreaRect } from "../../geometry/min-area-rect.ts";
import type { RotatedRect } from "../../geometry/rotated-rect.ts";
import { unclipRect } from "../../geometry/unclip.ts";
import type { Point, Quad } from "../../types.ts";
import { type Component, findComponents } from "./connected-components.ts";

/** Thresholds of DB post-processing (PaddleOCR's defaults are 0.3, 0.6, 1.5, 3, 1000). */
export interface DetectionThresholds {
  /** Probability above which a pixel belongs to text. */
  binaryThreshold: number;
  /** Minimum mean probability inside a box for it to be kept. */
  boxThreshold: number;
  /** How far boxes are grown back (DB's unclip ratio). */
  unclipRatio: number;
  /** Boxes whose short side is below this many map pixels are dropped as noise. */
  minSize: number;
  /** At most this many regions are examined (largest first). */
  maxCandidates: number;
}

/** A text box found in the probability map, in map pixel coordinates (pixel i spans i…i+1). */
export interface DetectedBox {
  quad: Quad;
  score: number;
}

/**
 * DB post-processing: threshold the probability map, take each connected region, fit its minimum-area rectangle,
 * score it by the mean probability inside, and grow the survivors back by the unclip offset.
 *
 * @example
 * const boxes = boxesFromProbabilityMap(output.data, 960, 640, thresholds);
 */
export function boxesFromProbabilityMap(
  probabilities: Float32Array,
  width: number,
  height: number,
  thresholds: DetectionThresholds,
): DetectedBox[] {
  const components = findComponents(probabilities, width, height, thresholds.binaryThreshold)
    .sort((a, b) => b.pixelCount - a.pixelCount)
    .slice(0, thresholds.maxCandidates);
  const boxes: DetectedBox[] = [];
  for (const component of components) {
    const kernel = minAreaRect(component.outline);
    if (Math.min(kernel.width, kernel.height) < thresholds.minSize) continue;
    const fast = meanInsideQuad(probabilities, width, height, kernel.corners);
    if (fast < thresholds.boxThreshold) {
      const parts = splitTouchingLines(probabilities, width, component, thresholds);
      if (parts.length > 0) {
        boxes.push(...parts);
        continue;
      }
    }
    const score = Math.max(fast, ownScore(component));
    if (score < thresholds.boxThreshold) continue;
    const grown = unclipRect(kernel, thresholds.unclipRatio);
    if (Math.min(grown.width, grown.height) < thresholds.minSize + 2) continue;
    boxes.push({ quad: toPixelArea(grown), score });
  }
  return boxes;
}

/** The mean over a region's own pixels, discounted (see {@link IRREGULAR_DISCOUNT}). */
function ownScore(component: Component): number {
  return (component.valueSum / Math.max(component.pixelCount, 1)) * IRREGULAR_DISCOUNT;
}

/** Higher binary thresholds at which touching lines are looked for apart. */
const SPLIT_THRESHOLDS = [0.5, 0.7];

/**
 * The lines of a region that fills its rectangle poorly, where they part at a higher threshold: two lines that touch
 * in the map (a value printed over its label by a misregistered printer, half a line higher and longer) make one
 * L-shaped region whose rectangle is half background, which the rectangle's score drops whole. Where the map is
 * surer inside each line than where they touch, a higher threshold parts them, and each part is a box of its own,
 * grown back as far as a kernel found at the ordinary threshold would be. Empty when the region does not part into
 * at least two lines that each score as a box.
 */
function splitTouchingLines(
  probabilities: Float32Array,
  width: number,
  component: Component,
  thresholds: DetectionThresholds,
): DetectedBox[] {
  const { runs } = component;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = 0;
  let bottom = 0;
  for (let i = 0; i < runs.length; i += 3) {
    top = Math.min(top, runs[i] as number);
    bottom = Math.max(bottom, runs[i] as number);
    left = Math.min(left, runs[i + 1] as number);
    right = Math.max(right, runs[i + 2] as number);
  }
  const subWidth = right - left + 1;
  const subHeight = bottom - top + 1;
  const own = new Float32Array(subWidth * subHeight);
  for (let i = 0; i < runs.length; i += 3) {
    const row = runs[i] as number;
    for (let x = runs[i + 1] as number; x <= (runs[i + 2] as number); x++) {
      own[(row - top) * subWidth + (x - left)] = probabilities[row * width + x] as number;
    }
  }
  for (const threshold of SPLIT_THRESHOLDS) {
    const parts: DetectedBox[] = [];
    for (const part of findComponents(own, subWidth, subHeight, threshold)) {
      const kernel = minAreaRect(part.outline);
      if (Math.min(kernel.width, kernel.height) < thresholds.minSize) continue;
      const score = meanInsideQuad(own, subWidth, subHeight, kernel.corners);
      if (score < thresholds.boxThreshold) continue;
      // A kernel cut at a higher threshold is thinner than the ordinary one: grow it by what that cut took too.
      const grown = unclipRect(kernel, thresholds.unclipRatio * SPLIT_GROWTH);
      if (Math.min(grown.width, grown.height) < thresholds.minSize + 2) continue;
      const quad = toPixelArea(grown).map((p) => ({ x: p.x + left, y: p.y + top })) as unknown as Quad;
      parts.push({ quad, score });
    }
    if (parts.length >= 2) return parts;
  }
  return [];
}

/** How much more a kernel parted at a higher threshold is grown than one found at the ordinary threshold. */
const SPLIT_GROWTH = 1.15;

/**
 * What the mean over a region's own pixels is worth against the fast score: those pixels all passed the binary
 * threshold, so their mean runs higher than a rectangle's over the same print.
 */
const IRREGULAR_DISCOUNT = 0.85;

/**
 * Mean of the map over the pixels whose index lies inside a convex quad (PaddleOCR's "fast" box score), found row
 * by row from the quad's edge crossings instead of rasterising a mask.
 */
export function meanInsideQuad(values: Float32Array, width: number, height: number, quad: Quad): number {
  const ys = quad.map((p) => p.y);
  const top = Math.max(0, Math.ceil(Math.min(...ys) - 1e-6));
  const bottom = Math.min(height - 1, Math.floor(Math.max(...ys) + 1e-6));
  let sum = 0;
  let count = 0;
  for (let y = top; y <= bottom; y++) {
    const span = rowSpan(quad, y);
    if (!span) continue;
    const left = Math.max(0, Math.ceil(span.left - 1e-6));
    const right = Math.min(width - 1, Math.floor(span.right + 1e-6));
    const base = y * width;
    for (let x = left; x <= right; x++) sum += values[base + x] as number;
    count += Math.max(0, right - left + 1);
  }
  return count > 0 ? sum / count : 0;
}

/** Where the horizontal line at `y` crosses a convex polygon, or undefined when it misses. */
function rowSpan(polygon: readonly Point[], y: number): { left: number; right: number } | undefined {
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i] as Point;
    const q = polygon[(i + 1) % polygon.length] as Point;
    if ((y < p.y && y < q.y) || (y > p.y && y > q.y)) continue;
    if (p.y === q.y) {
      left = Math.min(left, p.x, q.x);
      right = Math.max(right, p.x, q.x);
      continue;
    }
    const x = p.x + ((y - p.y) / (q.y - p.y)) * (q.x - p.x);
    left = Math.min(left, x);
    right = Math.max(right, x);
  }
  return left <= right ? { left, right } : undefined;
}

/** Pixel-index coordinates (centres) to continuous ones, where pixel i covers i…i+1. */
function toPixelArea(rect: RotatedRect): Quad {
  const [a, b, c, d] = rect.corners.map((p) => ({ x: p.x + 0.5, y: p.y + 0.5 }));
  return [a as Point, b as Point, c as Point, d as Point];
}
