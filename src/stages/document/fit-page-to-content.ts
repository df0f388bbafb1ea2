import { applyHomography, computeHomography, type Homography } from "../../geometry/homography.ts";
import { boundsQuad } from "../../geometry/quad.ts";
import { rectangleAspect, rectangleAspectRange } from "../../geometry/rectangle-aspect.ts";
import type { RawImage } from "../../image/raw-image.ts";
import { warpImage } from "../../image/warp-image.ts";
import type { Point, Quad } from "../../types.ts";
import { orderForDirection } from "../orientation/reading-direction.ts";
import { type EdgeProfiles, edgeProfiles } from "./edge-profiles.ts";
import { extendOverMargins, paperTone } from "./extend-over-margins.ts";
import { inferHiddenSide } from "./infer-hidden-side.ts";
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
  /** Whether the document's face has a printed border band round it (the certificate's guilloche border). */
  bordered?: boolean;
}

/** Least locator confidence for its outline to bound the search (below it, the whole picture is searched). */
const TRUSTED_OUTLINE = 0.8;
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
const ASPECT_WEIGHT = 12;
/** Misfit of shape that costs nothing: the outline's side lengths only estimate the shape under perspective. */
const ASPECT_SLACK = 0.03;
/** Score gained for an edge as strong as the strongest of its side's candidates (see {@link relativeStrengths}). */
const RELATIVE_WEIGHT = 0.75;
/** Share of its side's strongest edge from which a candidate counts as fully as strong. */
const RELATIVE_KNEE = 0.8;
/** Score gained for enclosing the whole outline (the outermost of equally good edges is the page's own). */
const AREA_WEIGHT = 1.5;
/** How far (share of the outline's size) what was read may run out of the outline before the outline is dropped. */
const OUTSIDE_SLACK = 0.03;
/** How far (share of the outline's size) the search reaches beyond a contour's sides. */
const EXTEND = 0.06;
/**
 * Score lost per unit of slope of a side across the straightened outline: a slanted edge is real (a facing page's
 * gutter) but rarer than a straight one, and any slant also buys a shape, as perspective, that fits the document's.
 */
const SLANT_WEIGHT = 1;
/** Least gap (share of the outline's or the content's long side) between what was read and an edge beyond it. */
const CONTENT_GAP = 0.01;
/** Most candidate edges kept per side, strongest first. */
const MAX_CANDIDATES = 6;

interface Candidate {
  /** Position along the axis, working pixels, in the middle of the content's span. */
  at: number;
  /** Pixels across per pixel along (see {@link edgeProfiles}). */
  slope: number;
  /** Mean step across the edge, grey levels; infinite for the outline's own side. */
  strength: number;
}

/**
 * Fits the paper outline the locator found to the document the text belongs to: the page of an open booklet that
 * holds the labels (not its facing page), a birth certificate without the 副页 below it, the sheet inside a sleeve
 * or on a scanner bed, and the sheet around a printed frame when the frame is all a copy shows. Works in the
 * upright outline (perspective removed, text reading left to right) and a little beyond it: each side's candidates
 * are the straight full-length steps between the labels' extent and a few percent past the outline (page edges,
 * gutters, the counterfoil's perforation, a printed frame's outer side), at a slight slant where the edge runs so,
 * with paper on their inner side; and the outline's side itself. Of the combinations whose shape (perspective
 * undone) matches the document's printed shape, the one with the strongest, straightest edges is kept, the
 * outermost of equals; a side of it along a printed frame is then moved out over the blank margin beyond, to where
 * the paper visibly ends. On a document with a printed border round its face (`content.bordered`), no edge inside
 * the border is the sheet's: a side ends at the first edge past the border, or at the border's outer side where the
 * sheet's own edge does not show (a copy on a white lid). When what was read runs out of the outline, the outline is
 * dropped and the whole picture searched. On a flat picture of a document with no border, an outline whose shape
 * is clearly not the document's has its least certain side put where the shape says (a copy's spine that shows no
 * edge: see `inferHiddenSide`). Returns the corners upright (top-left of the document first), in image
 * pixels; the outline itself, upright, when the content says nothing better.
 */
export function fitPageToContent(image: RawImage, location: DocumentLocation, content: PageContent): Quad {
  if (
    location.method === "contour" &&
    (location.confidence < TRUSTED_OUTLINE || cutAskewByFrame(image, location.quad, content.direction))
  ) {
    // An outline the locator is unsure of (part of a page merged with a light scanner bed, a shadow's edge), or one
    // the picture's border cuts across the page at a slant, would steer the search wrong: the whole picture is
    // searched, straightened by the text, as when no outline was found.
    return fitPageToContent(image, { ...location, method: "whole-image" }, content);
  }
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
  // A contour may stop short of the sheet (on a printed frame the copier left the only edge of): the search reaches
  // a little beyond it. A whole-image frame has nothing beyond.
  const reach = location.method === "contour" ? Math.round(EXTEND * Math.max(width, height)) : 0;
  const target = boundsQuad({ left: reach, top: reach, right: reach + width, bottom: reach + height });
  const toWorking = computeHomography(upright, target);
  const toImage = computeHomography(target, upright);
  if (!toWorking || !toImage) return orderForDirection(location.quad, content.direction);
  const extent = contentExtent(content.boxes, toWorking);
  if (!extent) return orderForDirection(location.quad, content.direction);
  const slack = OUTSIDE_SLACK * Math.max(width, height);
  const outside =
    extent.left < reach - slack ||
    extent.top < reach - slack ||
    extent.right > reach + width + slack ||
    extent.bottom > reach + height + slack;
  if (outside && location.method === "contour") {
    // What was read runs out of the outline: the locator outlined something else (a hand, a shadow's edge, part of
    // the page). Search the whole picture instead.
    return fitPageToContent(image, { ...location, method: "whole-image" }, content);
  }
  const fullWidth = width + 2 * reach;
  const fullHeight = height + 2 * reach;
  const searched = projectBounds(toImage, fullWidth, fullHeight);
  if (!searched) return orderForDirection(location.quad, content.direction);
  // Averaged down first, so the warp needs one sample per pixel rather than a grid of them.
  const factor = Math.max(1, Math.floor(1 / shrink));
  const small = shrinkImage(image, factor);
  const page = warpImage(
    small,
    searched.map((p) => ({ x: p.x / factor, y: p.y / factor })) as unknown as Quad,
    fullWidth,
    fullHeight,
  );
  // Straightened by the text alone, a page photographed at a slant keeps its perspective: its sides lean further.
  const slopes = location.method === "contour" ? SLOPES : WIDE_SLOPES;
  const profiles = edgeProfiles(page, [extent.top, extent.bottom], [extent.left, extent.right], slopes, {
    columns: [extent.left, extent.right],
    rows: [extent.top, extent.bottom],
  });
  // The outline's own sides are edges when the locator saw them; a whole-image frame is none.
  const frameStrength = location.method === "contour" ? Number.POSITIVE_INFINITY : 0;
  // A side of the outline along the picture's border is where the picture ends, not an edge seen: it stays a
  // candidate (the page may run off the picture) but no stronger than a faint edge.
  const sideStrength = (k: number) =>
    onImageBorder(image, upright[k] as Point, upright[(k + 1) % 4] as Point)
      ? Math.min(frameStrength, BORDER_STRENGTH)
      : frameStrength;
  // Edges are looked for a little away from what was read, so its own lines are not taken for one. The gap scales
  // with the page, not the picture: a small page in a wide frame may have its last line close above its edge.
  // Nearer than the picture's share, only an edge with no paper beyond it counts (see `sideCandidates`).
  const clearance = CONTENT_GAP * Math.max(width, height);
  const margin = Math.min(
    clearance,
    CONTENT_GAP * Math.max(extent.right - extent.left, extent.bottom - extent.top),
  );
  const luma = lumaPlane(page);
  const paper = median(sampleBox(luma, extent));
  const outline = { left: reach, top: reach, right: reach + width, bottom: reach + height };
  const searchOf = (side: Side, from: number, to: number, frame: Candidate): SideSearch => ({
    luma,
    profiles,
    side,
    from,
    to,
    frame,
    paper,
    extent,
    outline,
    clearance,
    bordered: content.bordered === true,
  });
  const searches = [
    searchOf("left", 0, extent.left - margin, frameSide(outline.left, sideStrength(3))),
    searchOf("right", extent.right + margin, fullWidth, frameSide(outline.right, sideStrength(1))),
    searchOf("top", 0, extent.top - margin, frameSide(outline.top, sideStrength(0))),
    searchOf("bottom", extent.bottom + margin, fullHeight, frameSide(outline.bottom, sideStrength(2))),
  ];
  const edges = searches.map(sideEdges);
  const borders = content.bordered ? printedBorders(searches, edges) : [];
  const [lefts, rights, tops, bottoms] = searches.map((search, k) =>
    sideCandidates(search, edges[k] as Candidate[], borders[k]),
  ) as [Candidate[], Candidate[], Candidate[], Candidate[]];
  const centre = { x: image.width / 2, y: image.height / 2 };
  // How far a choice's shape in the picture, perspective undone, is from the document's (natural log): the
  // outline's own shape misleads under a slant. The camera's focal length is told by the choice's vanishing points,
  // poorly where the page is tilted about one axis only: where they tell one no phone's lens has, the shape is
  // only known to lie among those the plausible lenses would show. Not on a bordered document: its sheet and its
  // printed border are nested outlines of nearly one shape, and the looser measure lets the border's pass.
  const longSide = Math.max(image.width, image.height);
  const lenses = [FOCAL_RANGE[0] * longSide, FOCAL_RANGE[1] * longSide] as const;
  const misfitOf = (sides: Sides): number => {
    const corners = sideCorners(sides, profiles.rowMiddle, profiles.columnMiddle);
    if (!corners) {
      return Math.abs(
        Math.log((sides.right.at - sides.left.at) / (sides.bottom.at - sides.top.at) / content.aspect),
      );
    }
    const quad = corners.map((p) => applyHomography(toImage, p.x, p.y)) as unknown as Quad;
    const estimate = rectangleAspect(quad, centre);
    const estimated = Math.abs(Math.log(estimate / content.aspect));
    if (estimated <= ASPECT_SLACK || content.bordered) return estimated;
    const [least, most] = rectangleAspectRange(quad, centre, lenses);
    // The shape is monotone in the focal length: an estimate among the lenses' shapes came from a plausible lens.
    if (estimate >= least && estimate <= most) return estimated;
    return Math.max(0, Math.log(least / content.aspect), Math.log(content.aspect / most));
  };
  const best = bestFitting(lefts, rights, tops, bottoms, misfitOf);
  if (!best) return upright;
  const corners = sideCorners(best, profiles.rowMiddle, profiles.columnMiddle);
  if (!corners) return upright;
  const found = corners.map((p) => applyHomography(toImage, p.x, p.y)) as unknown as Quad;
  const cut = [best.left, best.right, best.top, best.bottom].some((side) => Number.isFinite(side.strength));
  // A cut was placed along the edge found on the working copy; it is fitted to the edge at full resolution.
  const fitted = cut ? refineCorners(image, found, REFINE_RADIUS / shrink) : found;
  // A side at a printed frame moves out over the blank margin around it to the paper's own edge.
  const inPage = fitted.map((p) => applyHomography(toWorking, p.x, p.y)) as unknown as Quad;
  const reachOut = MARGIN_REACH * Math.max(width, height);
  const extended = extendOverMargins(page, inPage, paperTone(page, extent), reachOut);
  const outlined =
    extended === inPage
      ? fitted
      : (extended.map((p) => applyHomography(toImage, p.x, p.y)) as unknown as Quad);
  // A side along no edge of its own (a copy's spine) is put where the document's shape says, on a flat picture. Not
  // on a bordered document: its sides all stop at the printed border alike where the sheet's edges do not show, and
  // the shape then fits though the outline is short.
  if (content.bordered) return outlined;
  // A side is in doubt where it is a faint step or has paper beyond it too (a ruling on the facing page, the start
  // of a spine's shadow): not where the paper plainly ends there.
  const certainty = ([2, 1, 3, 0] as const).map((k) => {
    const search = searches[k] as SideSearch;
    const side = best[search.side];
    const paperBeyond = insideLevel(search, side, -1) >= PAPER_SHARE * search.paper;
    return side.strength < STRONG_EDGE || paperBeyond ? side.strength : Number.POSITIVE_INFINITY;
  });
  const holdsContent = (moved: Quad) => {
    const inWorking = moved.map((p) => applyHomography(toWorking, p.x, p.y)) as unknown as Quad;
    return [
      { x: extent.left, y: extent.top },
      { x: extent.right, y: extent.top },
      { x: extent.right, y: extent.bottom },
      { x: extent.left, y: extent.bottom },
    ].every((p) => insideQuad(inWorking, p));
  };
  return inferHiddenSide(outlined, certainty, content.aspect, holdsContent);
}

/** Whether a point lies inside a convex quadrilateral (either winding). */
function insideQuad(quad: Quad, p: Point): boolean {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = quad[k] as Point;
    const b = quad[(k + 1) % 4] as Point;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross === 0) continue;
    if (sign !== 0 && Math.sign(cross) !== sign) return false;
    sign = Math.sign(cross);
  }
  return true;
}

/** Focal lengths of the cameras pages are photographed with, as shares of the picture's long side (a phone's main
 * lens about 0.75, its telephoto up to about 2). */
const FOCAL_RANGE = [0.6, 2] as const;

/** Widest blank margin (share of the outline's long side) a side moves across to the paper's edge. */
const MARGIN_REACH = 0.05;

/**
 * Slants an edge may run at across the straightened outline (pixels across per pixel along): a booklet's facing
 * page lies at its own angle, and an outline cut by the image frame or a hand is straightened askew. Straight
 * first, so an edge that answers as well straight stays straight.
 */
const SLOPES = [0, ...[1, 2, 3, 4, 5, 6, 7, 8, 10, 12].flatMap((k) => [k / 100, -k / 100])];

/**
 * Slants tried when the whole picture is searched: straightened by the text's direction alone, a page photographed
 * at a slant keeps its perspective, and its sides run further askew.
 */
const WIDE_SLOPES = [...SLOPES, ...[15, 18, 22].flatMap((k) => [k / 100, -k / 100])];

/** What an outline's side along the picture's border counts as: a faint edge (see {@link STRONG_EDGE}). */
const BORDER_STRENGTH = 5;

/** Whether the segment a–b runs along one border of the image (both ends within 1% of its shorter side of it). */
function onImageBorder(image: RawImage, a: Point, b: Point): boolean {
  const tolerance = 0.01 * Math.min(image.width, image.height);
  const near = (u: number, v: number, at: number) =>
    Math.abs(u - at) <= tolerance && Math.abs(v - at) <= tolerance;
  return (
    near(a.x, b.x, 0) || near(a.y, b.y, 0) || near(a.x, b.x, image.width) || near(a.y, b.y, image.height)
  );
}

/** Most slant (radians) of an outline's side along the picture's border to the text's axes for it to be a side. */
const BORDER_SLANT = (1.5 * Math.PI) / 180;

/**
 * Whether a side of the outline runs along the picture's border at a slant to the text's axes (`direction`): the
 * page runs off the picture (or into a facing page that does) askew to its frame, so that side is the frame's and
 * not the page's, and straightening the outline would skew the page.
 */
export function cutAskewByFrame(image: RawImage, quad: Quad, direction: number): boolean {
  return quad.some((a, k) => {
    const b = quad[(k + 1) % 4] as Point;
    if (!onImageBorder(image, a, b)) return false;
    // A side's slant to the nearest of the text's axes, whichever way round the outline runs.
    const turn = Math.atan2(b.y - a.y, b.x - a.x) - direction;
    const slant = Math.abs(Math.atan2(Math.sin(2 * turn), Math.cos(2 * turn))) / 2;
    return Math.min(slant, Math.PI / 2 - slant) > BORDER_SLANT;
  });
}

function frameSide(at: number, strength: number): Candidate {
  return { at, slope: 0, strength };
}

/**
 * Where the four chosen sides cross, working pixels: a vertical side is x = at + slope · (y − rowMiddle), a
 * horizontal one y = at + slope · (x − columnMiddle).
 */
function sideCorners(sides: Sides, rowMiddle: number, columnMiddle: number): Quad | undefined {
  const cross = (vertical: Candidate, horizontal: Candidate): Point | undefined => {
    // x = a + b·(y − r), y = c + d·(x − m)  ⇒  x = a + b·(c + d·(x − m) − r).
    const denominator = 1 - vertical.slope * horizontal.slope;
    if (Math.abs(denominator) < 1e-6) return undefined;
    const x =
      (vertical.at + vertical.slope * (horizontal.at - horizontal.slope * columnMiddle - rowMiddle)) /
      denominator;
    return { x, y: horizontal.at + horizontal.slope * (x - columnMiddle) };
  };
  const corners = [
    cross(sides.left, sides.top),
    cross(sides.right, sides.top),
    cross(sides.right, sides.bottom),
    cross(sides.left, sides.bottom),
  ];
  return corners.every((p) => p !== undefined) ? (corners as unknown as Quad) : undefined;
}

/** How far (working pixels) a cut side may move when it is fitted to the edge at full resolution. */
const REFINE_RADIUS = 8;

/**
 * The combination of one candidate per side that best makes a page: strong, straight edges, a shape near `aspect`
 * (as `shapeOf` measures it; never further than {@link ASPECT_TOLERANCE}), and of equals the one enclosing most.
 */
function bestFitting(
  lefts: Candidate[],
  rights: Candidate[],
  tops: Candidate[],
  bottoms: Candidate[],
  misfitOf: (sides: Sides) => number,
): Sides | undefined {
  const rightmost = Math.max(...rights.map((c) => c.at));
  const lowest = Math.max(...bottoms.map((c) => c.at));
  const standing = relativeStrengths([lefts, rights, tops, bottoms]);
  const edge = (c: Candidate) => Math.min(1, c.strength / STRONG_EDGE);
  let best: Sides | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const left of lefts) {
    for (const right of rights) {
      const w = right.at - left.at;
      if (w <= 0) continue;
      for (const top of tops) {
        for (const bottom of bottoms) {
          const h = bottom.at - top.at;
          if (h <= 0) continue;
          const misfit = misfitOf({ left, right, top, bottom });
          if (misfit > ASPECT_TOLERANCE) continue;
          const score =
            RELATIVE_WEIGHT *
              ((standing.get(left) as number) +
                (standing.get(right) as number) +
                (standing.get(top) as number) +
                (standing.get(bottom) as number)) +
            edge(left) +
            edge(right) +
            edge(top) +
            edge(bottom) -
            SLANT_WEIGHT *
              (Math.abs(left.slope) + Math.abs(right.slope) + Math.abs(top.slope) + Math.abs(bottom.slope)) -
            ASPECT_WEIGHT * Math.max(0, misfit - ASPECT_SLACK) +
            (AREA_WEIGHT * w * h) / (rightmost * lowest);
          if (score > bestScore) {
            bestScore = score;
            best = { left, right, top, bottom };
          }
        }
      }
    }
  }
  return best;
}

/**
 * How each candidate compares with the strongest edge found for its side, 0–1: 1 from {@link RELATIVE_KNEE} of the
 * strongest up (and for the outline's own side), less in proportion below. Every edge past {@link STRONG_EDGE}
 * counts alike, yet the paper's own edge against the desk is most often far stronger than a printed frame's inner
 * side, a facing page's edge or a shadow's beside it: of shapes alike, the one along the clearly strongest edges wins.
 */
function relativeStrengths(sides: readonly Candidate[][]): Map<Candidate, number> {
  const standing = new Map<Candidate, number>();
  for (const candidates of sides) {
    let strongest = 0;
    for (const c of candidates) if (Number.isFinite(c.strength)) strongest = Math.max(strongest, c.strength);
    for (const c of candidates) {
      const share = Number.isFinite(c.strength) && strongest > 0 ? c.strength / strongest : 1;
      standing.set(c, Math.min(1, share / RELATIVE_KNEE));
    }
  }
  return standing;
}

type Side = "left" | "right" | "top" | "bottom";

/** One candidate for each side of the document. */
interface Sides {
  left: Candidate;
  right: Candidate;
  top: Candidate;
  bottom: Candidate;
}

interface SideSearch {
  /** Brightness of the straightened page, working pixels. */
  luma: Plane;
  profiles: EdgeProfiles;
  side: Side;
  /** The span searched, working pixels across the side. */
  from: number;
  to: number;
  /** The outline's own side, kept as a candidate when it has a strength. */
  frame: Candidate;
  /** Brightness of the paper among the content. */
  paper: number;
  extent: Extent;
  /** The outline's sides, working pixels: an edge beyond them must be a printed frame's (see below). */
  outline: Extent;
  /**
   * How far (working pixels) from the content an edge is taken as it comes; nearer, only one with no paper
   * beyond it (the page's own edge close under its last line, not a table's rule around what was read).
   */
  clearance: number;
  /** Whether the document has a printed border round its face (see {@link PageContent}). */
  bordered: boolean;
}

/** The straight edges (local maxima above {@link MIN_EDGE}) across a side's span, strongest first. */
function sideEdges(search: SideSearch): Candidate[] {
  const { profiles, side, from, to } = search;
  const sided = side === "left" || side === "right" ? profiles.columns : profiles.rows;
  const found: Candidate[] = [];
  const length = sided.rising.length;
  const strength = (i: number) => Math.max(sided.rising[i] as number, sided.falling[i] as number);
  const start = Math.max(1, Math.floor(from));
  const end = Math.min(length - 1, Math.ceil(to));
  for (let i = start; i < end; i++) {
    const value = strength(i);
    if (value < MIN_EDGE || value < strength(i - 1) || value < strength(i + 1)) continue;
    const rising = (sided.rising[i] as number) >= (sided.falling[i] as number);
    const slope = (rising ? sided.risingSlopes[i] : sided.fallingSlopes[i]) as number;
    found.push({ at: i + 0.5, slope, strength: value });
  }
  return found.sort((a, b) => b.strength - a.strength);
}

/**
 * The strongest of the edges `found` on a side whose inside looks like paper (not a dark cover's or a printed band's
 * outer edge), and the outline's own side; where the document's printed `border` shows there, see {@link pastBorder}.
 */
function sideCandidates(
  search: SideSearch,
  found: readonly Candidate[],
  border: PrintedBorder | undefined,
): Candidate[] {
  const { side, frame } = search;
  const acceptable = (candidate: Candidate) => {
    if (crossesOutline(search, candidate)) return false;
    const beyond = beyondOutline(search, candidate);
    // Only a document with a printed border has a band of fine lines inside its sheet's edge; beyond the outline of
    // one without, what lies inside an edge of the sheet is blank paper, not a dark cover round the page.
    const inside = beyond && search.bordered ? FRAME_SHARE : PAPER_SHARE;
    if (insideLevel(search, candidate, 1) < inside * search.paper) return false;
    // Beyond the outline, only the outer side of a printed frame with blank paper (or a white copier lid) around
    // it: not the grain of a desk, a cover's edge or the next object.
    if (beyond && insideLevel(search, candidate, -1) < BLANK_SHARE * search.paper) return false;
    // Close to what was read, only the paper's own edge: not a table's rule round the text, paper either side.
    return !(
      Math.abs(candidate.at - search.extent[side]) < search.clearance &&
      insideLevel(search, candidate, -1) >= PAPER_SHARE * search.paper
    );
  };
  // The outline's own side counts where paper lies inside it (not a dark cover's outer edge round the page).
  const frameCounts = frame.strength > 0 && insideLevel(search, frame, 1) >= PAPER_SHARE * search.paper;
  if (border) return pastBorder(search, border, found.filter(acceptable), frameCounts ? frame : undefined);
  const kept: Candidate[] = [];
  for (const candidate of found) {
    if (kept.length >= MAX_CANDIDATES) break;
    if (acceptable(candidate)) kept.push(candidate);
  }
  if (!frameCounts) return kept;
  // An edge where the outline already is is the outline's side: kept as that, so it is not moved.
  return [...kept.filter((candidate) => Math.abs(candidate.at - frame.at) > 1.5), frame];
}

/**
 * The candidates for a side of a document with a printed border round its face: the border's outer side (the sheet
 * ends there where its own edge does not show, a copy on a white lid), and the sheet's end past it: the nearest of
 * the clear edges beyond it of those `accepted` (at least {@link NEAR_SHARE} of the strongest there: the paper's
 * edge, or the perforation to a counterfoil, not the counterfoil's border further out nor a faint step in the
 * margin) and the outline's side `frame`, short of another border as wide. An edge inside the border is no edge of
 * the sheet.
 */
function pastBorder(
  search: SideSearch,
  border: PrintedBorder,
  accepted: readonly Candidate[],
  frame: Candidate | undefined,
): Candidate[] {
  const outward = (c: Candidate) => (search.side === "left" || search.side === "top" ? -c.at : c.at);
  const { outer, limit } = border;
  const within = (c: Candidate) =>
    outward(c) >= outward(outer) + 1 && (limit === undefined || outward(c) <= outward(limit) - 1);
  const beyond = accepted.filter(within);
  const strongest = Math.max(0, ...beyond.map((c) => c.strength));
  let nearest: Candidate | undefined;
  for (const candidate of beyond) {
    if (candidate.strength < NEAR_SHARE * strongest) continue;
    if (!nearest || outward(candidate) < outward(nearest)) nearest = candidate;
  }
  if (frame && within(frame)) {
    // An edge where the outline already is is the outline's side: kept as that, so it is not moved.
    if (!nearest || outward(frame) < outward(nearest) + 1.5) nearest = frame;
  }
  return nearest ? [outer, nearest] : [outer];
}

/** Least strength, as a share of the strongest edge past a border, of the edge the sheet is taken to end at. */
const NEAR_SHARE = 0.5;

/** A printed band along a side: its inner and outer sides among the edges found there. */
interface Band {
  inner: Candidate;
  outer: Candidate;
  /** Working pixels between its sides. */
  width: number;
  /** The weaker of its sides' strengths. */
  strength: number;
}

/**
 * The bands along a side, innermost first: stretches darker than the page's paper inside them and than what lies
 * outside (blank paper, a white copier lid), or running to where the paper ends, no wider than {@link BAND_WIDTH},
 * both sides clear edges. A certificate's printed border is one of them; a box printed near the content, a
 * counterfoil's border, other ones.
 */
function printedBands(search: SideSearch, found: readonly Candidate[]): Band[] {
  const { paper, side, luma } = search;
  const inward = side === "left" || side === "top" ? 1 : -1;
  const band = BAND_WIDTH * Math.max(luma.width, luma.height);
  const isInner = (c: Candidate) => {
    const inside = insideLevel(search, c, 1);
    return inside >= PAPER_SHARE * paper && insideLevel(search, c, -1) < BAND_SHARE * inside;
  };
  const isOuter = (c: Candidate) => {
    const outside = insideLevel(search, c, -1);
    const inside = insideLevel(search, c, 1);
    if (inside < FRAME_SHARE * paper) return false;
    // Blank paper or a white lid beyond, or the paper's own end right at the band.
    return outside >= BLANK_SHARE * paper ? inside < BAND_SHARE * outside : outside < FRAME_SHARE * paper;
  };
  const ordered = [...found].sort((a, b) => inward * (b.at - a.at));
  const bands: Band[] = [];
  for (const inner of ordered) {
    if (inner.strength < MIN_BORDER_EDGE || !isInner(inner)) continue;
    // Its outer side: the nearest clear edge that qualifies within a band's width.
    const outer = ordered.find((c) => {
      const depth = inward * (inner.at - c.at);
      return depth > 2 && depth <= band && c.strength >= MIN_BORDER_EDGE && isOuter(c);
    });
    if (outer) {
      const width = Math.abs(outer.at - inner.at);
      bands.push({ inner, outer, width, strength: Math.min(inner.strength, outer.strength) });
    }
  }
  return bands;
}

/** Where a certificate's printed border shows on a side. */
interface PrintedBorder {
  /** The border's outer side. */
  outer: Candidate;
  /** The inner side of another border as wide beyond it (a counterfoil's): the sheet ends before it. */
  limit?: Candidate;
}

/**
 * The printed border round a certificate's face on each side (left, right, top, bottom), where one shows: the
 * border is as wide all round, so its width is the middle one of the strongest bands' on the four sides; on each
 * side, of the bands that wide, the innermost nearly as strong as the strongest (not a counterfoil's beyond it).
 */
function printedBorders(
  searches: readonly SideSearch[],
  edges: readonly Candidate[][],
): (PrintedBorder | undefined)[] {
  const bands = searches.map((search, k) => printedBands(search, edges[k] as Candidate[]));
  const widths: number[] = [];
  for (const side of bands) {
    let strongest: Band | undefined;
    for (const b of side) if (!strongest || b.strength > strongest.strength) strongest = b;
    if (strongest) widths.push(strongest.width);
  }
  if (widths.length === 0) return [];
  // A border seen on one side only is taken only where it is clear there.
  const least = widths.length > 1 ? MIN_BORDER_EDGE : STRONG_EDGE;
  const width = median(widths);
  const alike = (b: Band) => Math.abs(b.width - width) <= BORDER_WIDTH_TOLERANCE * width;
  return bands.map((side) => {
    const matching = side.filter(alike);
    const strongest = Math.max(0, ...matching.map((b) => b.strength));
    const border = matching.find((b) => b.strength >= Math.max(least, BORDER_EDGE_SHARE * strongest));
    if (!border) return undefined;
    // Bands are innermost first; the next border as wide has its inner side beyond this one's outer side.
    const sense = Math.sign(border.outer.at - border.inner.at);
    const next = matching
      .slice(matching.indexOf(border) + 1)
      .find((b) => sense * (b.inner.at - border.outer.at) > 0);
    return { outer: border.outer, limit: next?.inner };
  });
}

/** How far (share) a border's width on one side may differ from its width on the others. */
const BORDER_WIDTH_TOLERANCE = 0.25;

/** Widest printed band round a page (share of the working image's long side) whose outer side is taken as such. */
const BAND_WIDTH = 0.05;
/** Least strength (see {@link edgeProfiles}) of each side of a border: a clear edge along the whole span. */
const MIN_BORDER_EDGE = 10;
/** Least strength of a border's sides, as a share of the strongest band's found on their side. */
const BORDER_EDGE_SHARE = 0.95;
/** Most brightness of a printed band's fine lines, as a share of the paper's on either side of it. */
const BAND_SHARE = 0.92;

/** Least brightness, as a share of the paper's, just inside an edge for it to be the paper's own edge. */
const PAPER_SHARE = 0.55;

/** Least brightness, as a share of the paper's, inside a printed frame's outer side (its band of fine lines). */
const FRAME_SHARE = 0.35;
/** Least brightness, as a share of the paper's, of what lies around a printed frame outside the outline. */
const BLANK_SHARE = 0.9;

/**
 * Whether a slanted candidate runs across the outline's side within the content's span: its strength then comes
 * partly from the outline's own edge, and it is no edge of its own.
 */
function crossesOutline(search: SideSearch, candidate: Candidate): boolean {
  const { side, outline, extent, profiles, frame } = search;
  if (frame.strength <= 0 || candidate.slope === 0) return false;
  const vertical = side === "left" || side === "right";
  const [from, to] = vertical ? [extent.top, extent.bottom] : [extent.left, extent.right];
  const middle = vertical ? profiles.rowMiddle : profiles.columnMiddle;
  const ends = [from, to].map((along) => candidate.at + candidate.slope * (along - middle) - outline[side]);
  return (
    Math.sign(ends[0] as number) !== Math.sign(ends[1] as number) || ends.some((end) => Math.abs(end) < 1)
  );
}

function beyondOutline(search: SideSearch, candidate: Candidate): boolean {
  const { side, outline } = search;
  if (side === "left" || side === "top") return candidate.at < outline[side] - 1;
  return candidate.at > outline[side] + 1;
}

/**
 * Median brightness of a thin strip just inside a candidate edge (`sense` 1), or just outside it (−1), along the
 * content's span.
 */
function insideLevel(search: SideSearch, candidate: Candidate, sense: 1 | -1): number {
  const { luma, profiles, side, extent } = search;
  const inward = (side === "left" || side === "top" ? 1 : -1) * sense;
  const values: number[] = [];
  const vertical = side === "left" || side === "right";
  const [from, to] = vertical ? [extent.top, extent.bottom] : [extent.left, extent.right];
  const step = Math.max(1, (to - from) / 60);
  for (let along = from; along < to; along += step) {
    for (const depth of [3, 5, 7]) {
      const across = vertical
        ? candidate.at + candidate.slope * (along - profiles.rowMiddle) + inward * depth
        : candidate.at + candidate.slope * (along - profiles.columnMiddle) + inward * depth;
      const value = vertical ? pixelAt(luma, across, along) : pixelAt(luma, along, across);
      if (value !== undefined) values.push(value);
    }
  }
  return values.length > 0 ? median(values) : 0;
}

interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

function lumaPlane(image: RawImage): Plane {
  const { width, height, channels, data } = image;
  const out = new Float32Array(width * height);
  const colour = channels === 1 ? 0 : 1;
  for (let i = 0, at = 0; i < out.length; i++, at += channels) {
    out[i] =
      0.299 * (data[at] as number) +
      0.587 * (data[at + colour] as number) +
      0.114 * (data[at + 2 * colour] as number);
  }
  return { width, height, data: out };
}

function pixelAt(plane: Plane, x: number, y: number): number | undefined {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  if (ix < 0 || iy < 0 || ix >= plane.width || iy >= plane.height) return undefined;
  return plane.data[iy * plane.width + ix];
}

/** Brightness samples over a box of the plane (about 2,500 of them). */
function sampleBox(plane: Plane, box: Extent): number[] {
  const values: number[] = [];
  const stepX = Math.max(1, (box.right - box.left) / 50);
  const stepY = Math.max(1, (box.bottom - box.top) / 50);
  for (let y = box.top; y < box.bottom; y += stepY) {
    for (let x = box.left; x < box.right; x += stepX) {
      const value = pixelAt(plane, x, y);
      if (value !== undefined) values.push(value);
    }
  }
  return values;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Extent {
  left: number;
  right: number;
  top: number;
  bottom: number;
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

/** The corners of the working rectangle [0, width] × [0, height] in the image; none when it crosses the horizon. */
function projectBounds(toImage: Homography, width: number, height: number): Quad | undefined {
  const corners = boundsQuad({ left: 0, top: 0, right: width, bottom: height });
  const w = (p: Point) =>
    (toImage[6] as number) * p.x + (toImage[7] as number) * p.y + (toImage[8] as number);
  if (corners.some((p) => w(p) <= 0)) return undefined;
  return corners.map((p) => applyHomography(toImage, p.x, p.y)) as unknown as Quad;
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
