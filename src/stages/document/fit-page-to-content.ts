import { applyHomography, computeHomography, type Homography } from "../../geometry/homography.ts";
import { boundsQuad } from "../../geometry/quad.ts";
import type { RawImage } from "../../image/raw-image.ts";
import { warpImage } from "../../image/warp-image.ts";
import type { Point, Quad } from "../../types.ts";
import { orderForDirection } from "../orientation/reading-direction.ts";
import { edgeProfiles } from "./edge-profiles.ts";
import type { DocumentLocation } from "./locate-document.ts";
import { refineCorners } from "./refine-corners.ts";
import { shrinkImage } from "./shrink-image.ts";

/** What was read on the document, to tell the document from the rest of the paper around it. */
export interface PageContent {
  /** Direction the text reads in, radians in image coordinates (0 = left to right). */
  direction: number;
  /** Boxes of what belongs to the document for sure (its printed labels and their values), image pixels. */
  boxes: readonly Quad[];
  /** Width over height of the upright document as printed (a register page 143×105 mm, an A4 certificate). */
  aspect: number;
}

/** Long side of the upright working image the edges are searched in, pixels. */
const WORKING_SIDE = 600;
/** Fewest boxes that make a content extent worth trusting. */
const MIN_BOXES = 4;
/** A straight step this strong (mean grey levels over the content's span) is an edge worth considering. */
const MIN_EDGE = 2.5;
/** How far (natural log) a width/height may be from the document's and still be the document. */
const ASPECT_TOLERANCE = 0.25;
/** A step this strong counts fully as an edge; weaker ones count in proportion. */
const STRONG_EDGE = 20;
/** Score lost per unit of log-distance from the document's shape beyond {@link ASPECT_SLACK}. */
const ASPECT_WEIGHT = 8;
/** Misfit of shape that costs nothing: the outline's side lengths only estimate the shape under perspective. */
const ASPECT_SLACK = 0.05;
/** Score gained for enclosing the whole outline (the outermost of equally good edges is the page's own). */
const AREA_WEIGHT = 3;
/** Most candidate edges kept per side, strongest first. */
const MAX_CANDIDATES = 6;

interface Candidate {
  /** Position along the axis, working pixels. */
  at: number;
  strength: number;
}

/**
 * Narrows the paper outline the locator found to the document the text belongs to: the page of an open booklet that
 * holds the labels (not its facing page), a birth certificate without the 副页 below it, the sheet inside a sleeve
 * or on a scanner bed. Works in the upright outline (perspective removed, text reading left to right): each side's
 * candidates are the straight full-length steps between the labels' extent and the outline (page edges, gutters,
 * the counterfoil's perforation), and the outline's side itself; of the combinations whose width/height matches
 * the document's printed shape, the outermost is kept. Returns the corners upright (top-left of the document
 * first), in image pixels; the outline itself, upright, when the content says nothing better.
 */
export function fitPageToContent(image: RawImage, location: DocumentLocation, content: PageContent): Quad {
  const upright =
    location.method === "contour"
      ? orderForDirection(location.quad, content.direction)
      : alignedFrame(image, content.direction);
  if (content.boxes.length < MIN_BOXES) return orderForDirection(location.quad, content.direction);
  const [tl, tr, br, bl] = upright;
  const outlineWidth = (distance(tl, tr) + distance(bl, br)) / 2;
  const outlineHeight = (distance(tl, bl) + distance(tr, br)) / 2;
  const shrink = WORKING_SIDE / Math.max(outlineWidth, outlineHeight, 1);
  const width = Math.max(8, Math.round(outlineWidth * shrink));
  const height = Math.max(8, Math.round(outlineHeight * shrink));
  const target = boundsQuad({ left: 0, top: 0, right: width, bottom: height });
  const toWorking = computeHomography(upright, target);
  const toImage = computeHomography(target, upright);
  if (!toWorking || !toImage) return orderForDirection(location.quad, content.direction);
  const extent = contentExtent(content.boxes, toWorking);
  if (!extent) return orderForDirection(location.quad, content.direction);
  // Averaged down first, so the warp needs one sample per pixel rather than a grid of them.
  const factor = Math.max(1, Math.floor(1 / shrink));
  const small = shrinkImage(image, factor);
  const page = warpImage(
    small,
    upright.map((p) => ({ x: p.x / factor, y: p.y / factor })) as unknown as Quad,
    width,
    height,
  );
  const profiles = edgeProfiles(page, [extent.top, extent.bottom], [extent.left, extent.right]);
  // The outline's own sides are edges when the locator saw them; a whole-image frame is none.
  const frameStrength = location.method === "contour" ? Number.POSITIVE_INFINITY : 0;
  const margin = 0.01 * Math.max(width, height);
  const lefts = candidates(profiles.columns, 0, extent.left - margin, { at: 0, strength: frameStrength });
  const rights = candidates(profiles.columns, extent.right + margin, width, {
    at: width,
    strength: frameStrength,
  });
  const tops = candidates(profiles.rows, 0, extent.top - margin, { at: 0, strength: frameStrength });
  const bottoms = candidates(profiles.rows, extent.bottom + margin, height, {
    at: height,
    strength: frameStrength,
  });
  const best = bestFitting(lefts, rights, tops, bottoms, content.aspect);
  if (!best) return upright;
  const found = boundsQuad(best).map((p) => applyHomography(toImage, p.x, p.y)) as unknown as Quad;
  const cut = best.left > 0 || best.top > 0 || best.right < width || best.bottom < height;
  // A cut was placed parallel to the outline's side; the gutter or perforation it found may lie slightly askew.
  return cut ? refineCorners(image, found, REFINE_RADIUS / shrink) : found;
}

/** How far (working pixels) a cut side may move when it is fitted to the edge at full resolution. */
const REFINE_RADIUS = 8;

/**
 * The combination of one candidate per side that best makes a page: strong edges, a width/height near `aspect` (in
 * working pixels; never further than {@link ASPECT_TOLERANCE}), and of equals the one enclosing most.
 */
function bestFitting(
  lefts: Candidate[],
  rights: Candidate[],
  tops: Candidate[],
  bottoms: Candidate[],
  aspect: number,
): { left: number; right: number; top: number; bottom: number } | undefined {
  const rightmost = Math.max(...rights.map((c) => c.at));
  const lowest = Math.max(...bottoms.map((c) => c.at));
  const edge = (c: Candidate) => Math.min(1, c.strength / STRONG_EDGE);
  let best: { left: number; right: number; top: number; bottom: number } | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const left of lefts) {
    for (const right of rights) {
      const w = right.at - left.at;
      if (w <= 0) continue;
      for (const top of tops) {
        for (const bottom of bottoms) {
          const h = bottom.at - top.at;
          if (h <= 0) continue;
          const misfit = Math.abs(Math.log(w / h / aspect));
          if (misfit > ASPECT_TOLERANCE) continue;
          const score =
            edge(left) +
            edge(right) +
            edge(top) +
            edge(bottom) -
            ASPECT_WEIGHT * Math.max(0, misfit - ASPECT_SLACK) +
            (AREA_WEIGHT * w * h) / (rightmost * lowest);
          if (score > bestScore) {
            bestScore = score;
            best = { left: left.at, right: right.at, top: top.at, bottom: bottom.at };
          }
        }
      }
    }
  }
  return best;
}

/** The strongest local maxima of `profile` in [from, to) above {@link MIN_EDGE}, and the outline's own side. */
function candidates(profile: Float64Array, from: number, to: number, frame: Candidate): Candidate[] {
  const found: Candidate[] = [];
  const start = Math.max(1, Math.floor(from));
  const end = Math.min(profile.length - 1, Math.ceil(to));
  for (let i = start; i < end; i++) {
    const value = profile[i] as number;
    if (value < MIN_EDGE || value < (profile[i - 1] as number) || value < (profile[i + 1] as number))
      continue;
    found.push({ at: i + 0.5, strength: value });
  }
  found.sort((a, b) => b.strength - a.strength);
  const kept = found.slice(0, MAX_CANDIDATES);
  if (frame.strength > 0) kept.push(frame);
  return kept;
}

/**
 * The box the content occupies in working pixels, each side trimmed of a stray box or two (a label matched on the
 * facing page) so one outlier does not stretch it.
 */
function contentExtent(
  boxes: readonly Quad[],
  toWorking: Homography,
): { left: number; right: number; top: number; bottom: number } | undefined {
  const lefts: number[] = [];
  const rights: number[] = [];
  const tops: number[] = [];
  const bottoms: number[] = [];
  for (const box of boxes) {
    const points = box.map((p) => applyHomography(toWorking, p.x, p.y));
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    lefts.push(Math.min(...xs));
    rights.push(Math.max(...xs));
    tops.push(Math.min(...ys));
    bottoms.push(Math.max(...ys));
  }
  const trim = Math.floor(boxes.length / 12);
  const ascending = (a: number, b: number) => a - b;
  lefts.sort(ascending);
  tops.sort(ascending);
  rights.sort((a, b) => b - a);
  bottoms.sort((a, b) => b - a);
  const extent = {
    left: lefts[trim] as number,
    right: rights[trim] as number,
    top: tops[trim] as number,
    bottom: bottoms[trim] as number,
  };
  return extent.right > extent.left && extent.bottom > extent.top ? extent : undefined;
}

/** The image's frame as a rectangle turned to the reading direction, enclosing the whole image. */
function alignedFrame(image: RawImage, direction: number): Quad {
  const cos = Math.cos(direction);
  const sin = Math.sin(direction);
  const corners = boundsQuad({ left: 0, top: 0, right: image.width, bottom: image.height });
  // Page coordinates: u along the reading direction, v across it.
  const us = corners.map((p) => p.x * cos + p.y * sin);
  const vs = corners.map((p) => -p.x * sin + p.y * cos);
  const [u0, u1, v0, v1] = [Math.min(...us), Math.max(...us), Math.min(...vs), Math.max(...vs)];
  const toImage = (u: number, v: number): Point => ({ x: u * cos - v * sin, y: u * sin + v * cos });
  return [toImage(u0, v0), toImage(u1, v0), toImage(u1, v1), toImage(u0, v1)];
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
