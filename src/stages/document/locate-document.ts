import { polygonArea } from "../../geometry/polygon.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Point, Quad } from "../../types.ts";
import { fitQuadToRegion } from "./fit-quad.ts";
import { flattenShading } from "./flatten-shading.ts";
import { orderCorners } from "./order-corners.ts";
import { otsuThreshold } from "./otsu-threshold.ts";
import { type PaperRegion, segmentPaper } from "./paper-mask.ts";
import { refineCorners } from "./refine-corners.ts";
import { scoreQuad } from "./score-quad.ts";
import { makeWorkingPlanes, type Plane, type WorkingPlanes } from "./working-planes.ts";

/** Tuning of {@link locateDocument}; every field has a default. */
export interface LocateDocumentOptions {
  /** Long side of the working copy in pixels (default 512): enough for 2% corners, cheap to segment. */
  workingSize?: number;
  /** Smallest share of the image a document may cover (default 0.08). */
  minimumAreaShare?: number;
  /** Sharpen the corners against the full-resolution image (default true). */
  refine?: boolean;
}

/** Where the document is. */
export interface DocumentLocation {
  /** Corners top-left, top-right, bottom-right, bottom-left as the image shows them (not yet turned upright). */
  quad: Quad;
  /** 0–1: how clearly the quadrilateral is a page's outline (edges all round, region filling it). */
  confidence: number;
  /** `contour` when a page outline was found; `whole-image` when the page fills the frame or none was found. */
  method: "contour" | "whole-image";
}

/** A candidate scoring this well (edges all round, region filling it) is not worth bettering. */
const GOOD_ENOUGH = 0.96;

interface Candidate {
  quad: Quad;
  /** Edge support × overlap², 0–1. */
  confidence: number;
  /** What candidates are compared by: the confidence with a slight preference for larger outlines. */
  rank: number;
}

/**
 * Finds the document in a photo or scan: segments light, unsaturated regions (paper) at several thresholds on a
 * small grey copy, fits a quadrilateral to the largest one, keeps the candidate whose sides best coincide with real
 * light-to-dark edges, and sharpens its corners at full resolution. Falls back to the whole image, never throws,
 * when the page fills the frame or nothing looks like a page.
 *
 * What it outlines is the visible sheet of paper: an open booklet's two pages together, a birth certificate's 正页
 * with its 副页. Narrowing that to the card itself needs the text: see `fitPageToContent`.
 *
 * @example
 * const { quad, method } = locateDocument(image);
 * const { image: page } = rectifyDocument(image, quad);
 */
export function locateDocument(image: RawImage, options: LocateDocumentOptions = {}): DocumentLocation {
  const workingSize = options.workingSize ?? 512;
  const planes = makeWorkingPlanes(image, workingSize);
  const { width, height } = planes.luma;
  const minimumArea = (options.minimumAreaShare ?? 0.08) * width * height;
  const { best, largestShare } = bestCandidate(planes, minimumArea);
  if (!best || best.confidence < 0.45 || fillsFrame(best.quad, width, height)) {
    return wholeImage(image, best && fillsFrame(best.quad, width, height) ? 0.9 : 0.5 * largestShare);
  }
  const scaled = best.quad.map((p) => ({
    x: p.x * planes.scaleX,
    y: p.y * planes.scaleY,
  })) as unknown as Quad;
  const searchRadius = 2.5 * Math.max(planes.scaleX, planes.scaleY) + 3;
  const quad = options.refine === false ? scaled : refineCorners(image, scaled, searchRadius);
  return { quad: orderCorners(quad), confidence: Math.min(1, best.confidence), method: "contour" };
}

/**
 * Segments and fits at each candidate threshold of each plane, keeping the best-scoring quadrilateral; stops early
 * once one explains the picture well (most photos: the first).
 */
function bestCandidate(
  planes: WorkingPlanes,
  minimumArea: number,
): { best: Candidate | undefined; largestShare: number } {
  const { width, height } = planes.luma;
  const radius = Math.max(1, Math.round(Math.max(width, height) / 240));
  let best: Candidate | undefined;
  let largestShare = 0;
  // Built lazily: most pictures are settled by the plain planes.
  const flattened = () => flattenShading(planes.whiteness, Math.round(Math.max(width, height) / 6));
  for (const makePlane of [() => planes.whiteness, () => planes.luma, flattened, () => planes.chroma]) {
    const plane = makePlane();
    for (const threshold of candidateThresholds(plane)) {
      const region = segmentPaper(plane, threshold, radius);
      largestShare = Math.max(largestShare, region.area / (width * height));
      if (region.area < minimumArea) continue;
      const candidate = evaluate(plane, region);
      if (candidate && (!best || candidate.rank > best.rank)) best = candidate;
      if (best && best.confidence >= GOOD_ENOUGH) return { best, largestShare };
    }
  }
  return { best, largestShare };
}

/**
 * Otsu's split, splits nearer each class (so a shadowed page or a light hand still has a candidate that fits), and
 * Otsu's split of the light class alone (paper on a light tablecloth, where the first split only separates ink).
 */
function candidateThresholds(plane: Plane): number[] {
  const split = otsuThreshold(plane);
  const t = split.threshold;
  const second = otsuThreshold(plane, t).threshold;
  const values = [t, t + 0.4 * (split.lightMean - t), t - 0.4 * (t - split.darkMean), second];
  return [...new Set(values.map(Math.round))];
}

function evaluate(plane: Plane, region: PaperRegion): Candidate | undefined {
  const quad = fitQuadToRegion(region);
  if (!quad || !isPlausible(quad, region)) return undefined;
  const { edgeSupport, onFrame, overlap } = scoreQuad(plane, region, quad);
  // Sides on the frame say nothing either way; the sides that can be seen must be real edges.
  if (onFrame > 0.8) return undefined;
  // A slight preference for the larger of two equally clean outlines: a printed border band inside the page also
  // makes a clean light-to-dark outline, but the page's own edge is the outermost.
  const share = polygonArea(quad) / (region.width * region.height);
  const confidence = edgeSupport * overlap * overlap;
  return { quad, confidence, rank: confidence * Math.min(1, share) ** 0.15 };
}

/** Convex, with no corner sharper than 35° (pages seen at an angle keep roughly right angles). */
function isPlausible(quad: Quad, region: PaperRegion): boolean {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = quad[(k + 3) % 4] as Point;
    const b = quad[k] as Point;
    const c = quad[(k + 1) % 4] as Point;
    const u = { x: a.x - b.x, y: a.y - b.y };
    const v = { x: c.x - b.x, y: c.y - b.y };
    const cross = u.x * v.y - u.y * v.x;
    if (sign !== 0 && Math.sign(cross) !== sign) return false;
    sign = Math.sign(cross);
    const cosine = (u.x * v.x + u.y * v.y) / (Math.hypot(u.x, u.y) * Math.hypot(v.x, v.y) || 1);
    if (cosine > Math.cos((35 * Math.PI) / 180)) return false;
    const margin = 0.25 * Math.hypot(region.width, region.height);
    if (b.x < -margin || b.y < -margin || b.x > region.width + margin || b.y > region.height + margin)
      return false;
  }
  return true;
}

/** Whether every corner sits within 1.5% of the diagonal of an image corner. */
function fillsFrame(quad: Quad, width: number, height: number): boolean {
  const tolerance = 0.015 * Math.hypot(width, height);
  const frame = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  return frame.every((corner) => quad.some((p) => Math.hypot(p.x - corner.x, p.y - corner.y) <= tolerance));
}

function wholeImage(image: RawImage, confidence: number): DocumentLocation {
  const { width, height } = image;
  const quad: Quad = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  return { quad, confidence: Math.max(0, Math.min(1, confidence)), method: "whole-image" };
}
