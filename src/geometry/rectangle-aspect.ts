import type { Point, Quad } from "../types.ts";

/**
 * Width over height of the real rectangle a photographed quadrilateral shows, perspective undone: the camera's
 * focal length is recovered from the quadrilateral itself (its vanishing points, with the principal point at
 * `centre` and square pixels), and the two sides' true lengths compared through it. Where the picture has too
 * little perspective to tell the focal length (a scan, a photo taken square on), the sides' mean lengths are
 * compared as they are, which is then right.
 *
 * @param quad corners top-left, top-right, bottom-right, bottom-left (of the rectangle as it stands upright)
 * @param centre the image's principal point, its middle
 */
export function rectangleAspect(quad: Quad, centre: Point): number {
  const affine = affineAspect(quad);
  const [n2, n3] = planeAxes(quad, centre);
  const [x2, y2, z2] = n2;
  const [x3, y3, z3] = n3;
  const focal2 = -(x2 * x3 + y2 * y3) / (z2 * z3);
  const scale = Math.max(...quad.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y)), 1);
  // A focal length that is imaginary, or so long the view is all but parallel, says nothing better than the sides.
  if (!Number.isFinite(focal2) || focal2 <= 0 || focal2 > (MAX_FOCAL * scale) ** 2) return affine;
  const width2 = (x2 * x2 + y2 * y2) / focal2 + z2 * z2;
  const height2 = (x3 * x3 + y3 * y3) / focal2 + z3 * z3;
  const aspect = Math.sqrt(width2 / height2);
  return Number.isFinite(aspect) && aspect > 0 ? aspect : affine;
}

/**
 * The widths over heights a photographed quadrilateral can show of a real rectangle for a camera's focal length
 * (pixels) anywhere between `focalLengths`, least first: where the picture's own vanishing points tell the focal
 * length poorly (a tilt about one axis only), the camera's plausible lenses still bound the shape. A flat picture
 * gives one shape whatever the lens.
 */
export function rectangleAspectRange(
  quad: Quad,
  centre: Point,
  focalLengths: readonly [number, number],
): [number, number] {
  const [[x2, y2, z2], [x3, y3, z3]] = planeAxes(quad, centre);
  // Width² and height² are each linear in 1 / focal², so their ratio is monotone between the two lenses.
  const at = (focal: number) => {
    const f2 = focal * focal;
    return Math.sqrt(((x2 * x2 + y2 * y2) / f2 + z2 * z2) / ((x3 * x3 + y3 * y3) / f2 + z3 * z3));
  };
  const [a, b] = [at(focalLengths[0]), at(focalLengths[1])];
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    const affine = affineAspect(quad);
    return [affine, affine];
  }
  return a <= b ? [a, b] : [b, a];
}

/** The plane's two axes as seen by the camera, up to the focal length (Zhang and He's whiteboard rectification). */
function planeAxes(quad: Quad, centre: Point): [Vector, Vector] {
  const [tl, tr, br, bl] = quad.map((p) => [p.x - centre.x, p.y - centre.y, 1]) as [
    Vector,
    Vector,
    Vector,
    Vector,
  ];
  const k2 = dot(cross(tl, br), bl) / dot(cross(tr, br), bl);
  const k3 = dot(cross(tl, br), tr) / dot(cross(bl, br), tr);
  return [
    tr.map((v, i) => k2 * v - (tl[i] as number)) as Vector,
    bl.map((v, i) => k3 * v - (tl[i] as number)) as Vector,
  ];
}

/** Focal lengths beyond this many times the picture's half-size mean no usable perspective. */
const MAX_FOCAL = 30;

type Vector = [number, number, number];

function affineAspect(quad: Quad): number {
  const [tl, tr, br, bl] = quad;
  const width = (distance(tl, tr) + distance(bl, br)) / 2;
  const height = (distance(tl, bl) + distance(tr, br)) / 2;
  return height > 0 ? width / height : 1;
}

function cross(a: Vector, b: Vector): Vector {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: Vector, b: Vector): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
