import { computeHomography, type Homography } from "../../geometry/homography.ts";
import type { RawImage } from "../../image/raw-image.ts";
import { warpImage } from "../../image/warp-image.ts";
import type { Point, Quad } from "../../types.ts";

/** Tuning of {@link rectifyDocument}. */
export interface RectifyDocumentOptions {
  /** Longest side of the output in pixels (default 4096): a huge photo need not become a huger page. */
  maximumSide?: number;
}

/** A document warped flat. */
export interface RectifiedDocument {
  image: RawImage;
  /** Maps a pixel of the rectified image back to the original image (rectified → original). */
  homography: Homography;
}

/**
 * Warps the document inside `quad` (top-left, top-right, bottom-right, bottom-left) to an upright rectangle whose
 * width and height are the mean lengths of the quad's opposite sides, so the page keeps the resolution it has in
 * the photo.
 *
 * @example
 * const { quad } = locateDocument(photo);
 * const { image: page, homography } = rectifyDocument(photo, quad);
 */
export function rectifyDocument(
  image: RawImage,
  quad: Quad,
  options: RectifyDocumentOptions = {},
): RectifiedDocument {
  const [tl, tr, br, bl] = quad;
  let width = (distance(tl, tr) + distance(bl, br)) / 2;
  let height = (distance(tl, bl) + distance(tr, br)) / 2;
  const shrink = Math.min(1, (options.maximumSide ?? 4096) / Math.max(width, height, 1));
  width = Math.max(1, Math.round(width * shrink));
  height = Math.max(1, Math.round(height * shrink));
  const target: Quad = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  // A degenerate quad (all corners on a line) cannot come from the locator; the identity keeps callers total.
  const homography = computeHomography(target, quad) ?? Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
  return { image: warpImage(image, quad, width, height), homography };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}
