import { applyHomography, type Homography, invert } from "./homography.ts";

/** A raw RGBA image with straight (not premultiplied) alpha, 4 bytes a pixel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Draws `source` onto the opaque `target` through `h` (source pixel coordinates → target pixel coordinates, pixel
 * (i, j) covering [i, i+1) × [j, j+1)). Bilinear sampling on premultiplied colour, so the sheet's edges blend into
 * the background without dark fringes. Downscale the source first when `h` shrinks it a lot: bilinear does not
 * average.
 */
export function warpOnto(target: RgbaImage, source: RgbaImage, h: Homography): void {
  const inverse = invert(h);
  const [a, b, c, d, e, f, g, i, j] = inverse;
  const box = targetBounds(target, source, h);
  const src = source.data;
  const dst = target.data;
  const sw = source.width;
  const sh = source.height;
  for (let y = box.minY; y < box.maxY; y++) {
    for (let x = box.minX; x < box.maxX; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      const w = g * cx + i * cy + j;
      const sx = (a * cx + b * cy + c) / w - 0.5;
      const sy = (d * cx + e * cy + f) / w - 0.5;
      if (sx < -1 || sy < -1 || sx > sw || sy > sh) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let alpha = 0;
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let k = 0; k < 4; k++) {
        const px = x0 + (k & 1);
        const py = y0 + (k >> 1);
        if (px < 0 || py < 0 || px >= sw || py >= sh) continue;
        const weight = ((k & 1) === 1 ? fx : 1 - fx) * (k >> 1 === 1 ? fy : 1 - fy);
        const o = (py * sw + px) * 4;
        const wa = weight * (src[o + 3] as number);
        alpha += wa;
        red += wa * (src[o] as number);
        green += wa * (src[o + 1] as number);
        blue += wa * (src[o + 2] as number);
      }
      if (alpha <= 0) continue;
      const keep = 1 - alpha / 255;
      const o = (y * target.width + x) * 4;
      dst[o] = red / 255 + keep * (dst[o] as number);
      dst[o + 1] = green / 255 + keep * (dst[o + 1] as number);
      dst[o + 2] = blue / 255 + keep * (dst[o + 2] as number);
    }
  }
}

/** The target pixels the warped source can touch, clipped to the target. */
function targetBounds(target: RgbaImage, source: RgbaImage, h: Homography) {
  const corners = [
    { x: 0, y: 0 },
    { x: source.width, y: 0 },
    { x: source.width, y: source.height },
    { x: 0, y: source.height },
  ].map((p) => applyHomography(h, p));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return {
    minX: Math.max(0, Math.floor(Math.min(...xs)) - 1),
    maxX: Math.min(target.width, Math.ceil(Math.max(...xs)) + 1),
    minY: Math.max(0, Math.floor(Math.min(...ys)) - 1),
    maxY: Math.min(target.height, Math.ceil(Math.max(...ys)) + 1),
  };
}

/** Local linear scale of `h` at a point: the square root of the area change of a unit square there. */
export function localScale(h: Homography, x: number, y: number): number {
  const p = applyHomography(h, { x, y });
  const px = applyHomography(h, { x: x + 1, y });
  const py = applyHomography(h, { x, y: y + 1 });
  const area = Math.abs((px.x - p.x) * (py.y - p.y) - (px.y - p.y) * (py.x - p.x));
  return Math.sqrt(area);
}
