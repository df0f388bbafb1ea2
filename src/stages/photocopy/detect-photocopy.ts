import type { RawImage } from "../../image/raw-image.ts";

/** Thresholds of the colour test. */
export interface PhotocopyOptions {
  /** A sample is coloured when its channels' reflectances differ by at least this much (0–1). */
  minChroma: number;
  /** An image with fewer coloured samples than this share is a copy. */
  minColouredShare: number;
}

/**
 * The bars of the colour test. A chroma of 0.1 still finds an original whose seal and border glare or blur left
 * pale (the fixed set's washed-out originals sit at 0.1–0.15), and stays above the few hundredths by which a grey
 * copy's print leans to one hue under a camera's colour fringe or white balance.
 */
export const DEFAULT_PHOTOCOPY_OPTIONS: PhotocopyOptions = { minChroma: 0.1, minColouredShare: 0.002 };

/** About this many block samples are taken from the image, each the mean of a square of pixels. */
const SAMPLES = 60_000;
/** The paper's colour round a sample is the mean over a square this share of the image's long side on each side. */
const PAPER_RADIUS_SHARE = 1 / 25;
/** Paper darker than this (0–255) is not divided by: a near-black area says nothing about colour. */
const MIN_PAPER_LEVEL = 8;

/**
 * Decides whether an image is a grey-scale copy of a colour document (Alibaba's `ftype` 1).
 *
 * Both documents are colour originals: the household register carries red seals and tinted paper, the birth
 * certificate a coloured border and picture. A copy has lost every hue. The light of a photo tints the page, and
 * unevenly (a warm lamp on one side, a bluish shadow on the other), and a dim or shadowed photo shows even a
 * coloured border with little chroma. So each sample's colour is taken relative to the paper round it: its
 * reflectance per channel (its level over the local paper level of that channel), which is grey for grey print
 * under any light and keeps a coloured print's hue at any brightness. A copy has next to no samples whose
 * reflectances differ; an original has its border, picture and seals. Samples are block means, so sensor and JPEG
 * noise average out.
 */
export function detectPhotocopy(
  image: RawImage,
  options: PhotocopyOptions = DEFAULT_PHOTOCOPY_OPTIONS,
): boolean {
  if (image.channels < 3) return true;
  const samples = blockMeans(image);
  if (samples.width === 0 || samples.height === 0) return true;
  const radius = Math.max(1, Math.round(Math.max(samples.width, samples.height) * PAPER_RADIUS_SHARE));
  const paper = samples.planes.map((plane) => boxMean(plane, samples.width, samples.height, radius));
  const [red, green, blue] = samples.planes as [Float32Array, Float32Array, Float32Array];
  const [paperRed, paperGreen, paperBlue] = paper as [Float32Array, Float32Array, Float32Array];
  let coloured = 0;
  const total = samples.width * samples.height;
  for (let i = 0; i < total; i++) {
    const r = (red[i] as number) / Math.max(paperRed[i] as number, MIN_PAPER_LEVEL);
    const g = (green[i] as number) / Math.max(paperGreen[i] as number, MIN_PAPER_LEVEL);
    const b = (blue[i] as number) / Math.max(paperBlue[i] as number, MIN_PAPER_LEVEL);
    if (Math.max(r, g, b) - Math.min(r, g, b) >= options.minChroma) coloured++;
  }
  return coloured / total < options.minColouredShare;
}

/** The image reduced to about {@link SAMPLES} samples, each the mean of a square block, as three planes. */
function blockMeans(image: RawImage): { width: number; height: number; planes: Float32Array[] } {
  const block = Math.max(1, Math.floor(Math.sqrt((image.width * image.height) / SAMPLES)));
  const width = Math.floor(image.width / block);
  const height = Math.floor(image.height / block);
  const planes = [0, 1, 2].map(() => new Float32Array(width * height));
  const area = block * block;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < block; dy++) {
        let i = ((y * block + dy) * image.width + x * block) * image.channels;
        for (let dx = 0; dx < block; dx++, i += image.channels) {
          r += image.data[i] as number;
          g += image.data[i + 1] as number;
          b += image.data[i + 2] as number;
        }
      }
      const at = y * width + x;
      (planes[0] as Float32Array)[at] = r / area;
      (planes[1] as Float32Array)[at] = g / area;
      (planes[2] as Float32Array)[at] = b / area;
    }
  }
  return { width, height, planes };
}

/** The mean over the square of `radius` round each value (cut at the edges), rows then columns. */
function boxMean(values: Float32Array, width: number, height: number, radius: number): Float32Array {
  const rows = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  // Rows: a running sum along each row.
  for (let y = 0; y < height; y++) slidingMean(values, rows, y * width, 1, width, radius);
  // Columns: the same along each column of the row means.
  for (let x = 0; x < width; x++) slidingMean(rows, out, x, width, height, radius);
  return out;
}

/**
 * The running mean of the `2·radius + 1` values centred on each of `length` values read from `input` at `start`,
 * `start + step`, …, written to the same places of `out`; the window is cut at the ends.
 */
function slidingMean(
  input: Float32Array,
  out: Float32Array,
  start: number,
  step: number,
  length: number,
  radius: number,
): void {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < Math.min(radius, length); k++) {
    sum += input[start + k * step] as number;
    count++;
  }
  for (let k = 0; k < length; k++) {
    const entering = k + radius;
    if (entering < length) {
      sum += input[start + entering * step] as number;
      count++;
    }
    const leaving = k - radius - 1;
    if (leaving >= 0) {
      sum -= input[start + leaving * step] as number;
      count--;
    }
    out[start + k * step] = sum / count;
  }
}
