import { type RawImage, resizeImage } from "../image/index.ts";

/**
 * Long side of the image the pipeline reads. Larger photos are scaled down to it: text on a page that fills a
 * 6000 px photo stays well above the 14 px the recogniser needs, and every stage after costs far less.
 */
export const WORKING_LONG_SIDE = 2600;

/** The image the stages read, and the factor from its pixels back to the original's. */
export async function workingCopy(original: RawImage): Promise<{ image: RawImage; scale: number }> {
  const longSide = Math.max(original.width, original.height);
  if (longSide <= WORKING_LONG_SIDE) return { image: original, scale: 1 };
  const factor = WORKING_LONG_SIDE / longSide;
  const width = Math.max(1, Math.round(original.width * factor));
  const height = Math.max(1, Math.round(original.height * factor));
  const image = await resizeImage(original, width, height);
  return { image, scale: original.width / width };
}
