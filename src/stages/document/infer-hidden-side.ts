import type { Point, Quad } from "../../types.ts";

/** Most a flat picture's sides may stray from parallel or square, degrees (a copy, a scan, a photo taken square on). */
const FLAT_DEGREES = 0.6;
/**
 * Least misfit (natural log of the outline's width/height over the document's) for a side to be put where the
 * document's shape says: a flat outline along all four of the page's own edges measures its shape to well under
 * one per cent.
 */
const LEAST_MISFIT = 0.015;

/**
 * Puts the least certain side of a page outline where the document's printed shape says it is, when the picture
 * is flat and the outline's shape is clearly not the document's. On a copy of an open booklet the page's side
 * along the spine often shows no edge of its own (blank paper runs on into the facing page, or a stitched spine's
 * shadow is fainter than the facing page's own print), and the side is then put at the facing page's edge or at a
 * ruling on it; while the other three sides, along the paper's ends, are clear. Seen flat (those three sides
 * square and parallel in the picture, so no perspective changes lengths), the page's height gives its width
 * through the printed shape, and the fourth side lies parallel to its opposite side at that distance.
 *
 * @param quad the outline, corners top-left, top-right, bottom-right, bottom-left of the upright document
 * @param certainty how sure each side is (top, right, bottom, left: the side from corner k to corner k + 1); the
 *   least sure one is the one moved, and none is where two are as unsure
 * @param aspect the document's width over height as printed
 * @param keeps whether a moved outline still holds what was read on the page; a move it rejects is not made
 * @returns the outline with that side moved, or `quad` itself when the picture is not flat, the shape already fits
 *   or the move would cut off what was read
 */
export function inferHiddenSide(
  quad: Quad,
  certainty: readonly number[],
  aspect: number,
  keeps: (moved: Quad) => boolean,
): Quad {
  const width = (distance(quad[0], quad[1]) + distance(quad[3], quad[2])) / 2;
  const height = (distance(quad[0], quad[3]) + distance(quad[1], quad[2])) / 2;
  if (!(height > 0) || Math.abs(Math.log(width / height / aspect)) < LEAST_MISFIT) return quad;
  let side = 0;
  for (let k = 1; k < 4; k++) if ((certainty[k] as number) < (certainty[side] as number)) side = k;
  // Where no side is less sure than the others, nothing says which one is wrong.
  if (certainty.some((c, k) => k !== side && c <= (certainty[side] as number))) return quad;
  // The three other sides must be square and parallel: the two beside the moved one parallel, each square to the
  // opposite one.
  const opposite = (side + 2) % 4;
  const directions = [0, 1, 2, 3].map((k) => direction(quad[k] as Point, quad[(k + 1) % 4] as Point));
  const before = (side + 3) % 4;
  const after = (side + 1) % 4;
  const o = directions[opposite] as number;
  if (
    skew(directions[before] as number, directions[after] as number, 0) > FLAT_DEGREES ||
    skew(directions[before] as number, o, 90) > FLAT_DEGREES ||
    skew(directions[after] as number, o, 90) > FLAT_DEGREES
  ) {
    return quad;
  }
  // The opposite side's length is the page's height (or width); the sides beside it run the other way for its
  // width (height).
  const span = distance(quad[opposite] as Point, quad[(opposite + 1) % 4] as Point);
  const length = side % 2 === 1 ? span * aspect : span / aspect;
  const moved = quad.slice() as Point[];
  // Corner `side` lies along the side before it from that side's far corner; corner `side + 1` along the side after.
  const along = (from: Point, to: Point): Point => {
    const d = distance(from, to) || 1;
    return { x: from.x + ((to.x - from.x) / d) * length, y: from.y + ((to.y - from.y) / d) * length };
  };
  moved[side] = along(quad[before] as Point, quad[side] as Point);
  moved[after] = along(quad[(after + 1) % 4] as Point, quad[after] as Point);
  const result = moved as unknown as Quad;
  return keeps(result) ? result : quad;
}

/** Direction of the segment a→b, degrees. */
function direction(a: Point, b: Point): number {
  return (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
}

/** How far (degrees) two directions are from meeting at `angle` (0: parallel, 90: square), either way round. */
function skew(a: number, b: number, angle: number): number {
  const between = Math.abs((((a - b) % 180) + 180) % 180);
  return Math.abs(Math.min(between, 180 - between) - angle);
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
