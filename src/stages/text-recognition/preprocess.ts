import { quadSize } from "../../geometry/quad.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { FloatTensor } from "../../inference/float-tensor.ts";
import type { Quad } from "../../types.ts";

/** The recogniser's input height. */
export const LINE_HEIGHT = 48;
/** Input pixels per output frame of the recogniser (an input W gives floor(W/8) frames). */
export const FRAME_WIDTH = 8;
/** Lines longer than this (in input pixels at height 48) are squeezed: memory, not accuracy, sets the cap. */
const MAX_LINE_WIDTH = 3200;

/**
 * Turns a detected box (corners in image order) into one listed from its reading direction. A box much taller
 * than wide is vertical text: like PaddleOCR, read it as turned 90° counter-clockwise (top of the column to the
 * left), so the quad starts at the image's top-right corner.
 */
export function orientForReading(quad: Quad): Quad {
  const { width, height } = quadSize(quad);
  if (height < 1.5 * width) return quad;
  const [tl, tr, br, bl] = quad;
  return [tr, br, bl, tl];
}

/** Up to this height/width ratio a turned box may as well be a short horizontal word ("1", "11") as vertical text. */
const AMBIGUOUS_TALLNESS = 2.5;

/**
 * Whether a box that {@link orientForReading} turns is short enough to be worth reading upright too: a lone narrow
 * character ("1") makes a box taller than wide, and the recogniser is far surer of it upright (0.999 against 0.44
 * measured on a rendered "1").
 */
export function isAmbiguouslyTall(quad: Quad): boolean {
  const { width, height } = quadSize(quad);
  return height >= 1.5 * width && height < AMBIGUOUS_TALLNESS * width;
}

/** The width a line is cropped to at height 48, keeping its aspect ratio (0 for a degenerate box). */
export function lineCropWidth(quad: Quad): number {
  const { width, height } = quadSize(quad);
  if (height < 1 || width < 1) return 0;
  return Math.min(MAX_LINE_WIDTH, Math.max(FRAME_WIDTH, Math.round((LINE_HEIGHT * width) / height)));
}

/**
 * Packs line crops (each 48 px high) into one input [N, 3, 48, W]: W is the widest crop rounded up to whole
 * frames, pixels scaled to [-1, 1] in the B, G, R plane order PaddleOCR trained with, and the space right of
 * narrower crops left at 0 (mid grey), as PaddleOCR pads.
 */
export function toRecognitionBatch(crops: readonly RawImage[]): FloatTensor {
  const widest = Math.max(FRAME_WIDTH, ...crops.map((crop) => crop.width));
  const width = Math.ceil(widest / FRAME_WIDTH) * FRAME_WIDTH;
  const plane = LINE_HEIGHT * width;
  const data = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    const { channels } = crop;
    for (let planeIndex = 0; planeIndex < 3; planeIndex++) {
      const source = channels === 1 ? 0 : 2 - planeIndex;
      const base = (n * 3 + planeIndex) * plane;
      for (let y = 0; y < crop.height; y++) {
        const row = base + y * width;
        let j = y * crop.width * channels + source;
        for (let x = 0; x < crop.width; x++, j += channels)
          data[row + x] = (crop.data[j] as number) / 127.5 - 1;
      }
    }
  });
  return { data, dims: [crops.length, 3, LINE_HEIGHT, width] };
}
