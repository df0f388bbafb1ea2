import { boxMeans } from "../../image/box-means.ts";
import type { Plane } from "./working-planes.ts";

/**
 * Subtracts a broad local mean from a plane (re-centred on 128), so a page half in shadow is still lighter than the
 * desk right next to it: what is compared is each pixel with its surroundings, not with one global threshold.
 *
 * @param radius half-size of the averaging window in pixels; much larger than text, smaller than the page
 */
export function flattenShading(plane: Plane, radius: number): Plane {
  const { width, height, data } = plane;
  const means = boxMeans(data, width, height, radius);
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.max(0, Math.min(255, Math.round(128 + (data[i] as number) - (means[i] as number))));
  }
  return { width, height, data: out };
}
