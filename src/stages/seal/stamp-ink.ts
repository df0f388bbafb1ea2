import type { RawImage } from "../../image/raw-image.ts";

/** A binary picture: 1 where there is ink, row by row. */
export interface InkMask {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Which ink a stamp is in: red seal ink in a colour image, or dark ink where a photocopy or a grey scan turned the
 * seal black.
 */
export type StampInk = "red" | "dark";

/** How strong the ink of one kind is in a cell: the paper's level, the level from which a pixel is ink. */
export interface InkLevels {
  ink: StampInk;
  /** The paper's strength (the cell's median). */
  paper: number;
  /** Pixels at least this strong are ink. */
  threshold: number;
}

/** Red ink must stand at least this far above the paper's redness (tinted paper is reddish itself). */
const MIN_RED_CONTRAST = 40;
/**
 * Faded red ink (a pale stamp photographed in cold light) may stand only this far above it: such ink is taken only
 * as a framed stamp (see `findNameStamp`), which specks of tinted paper never make.
 */
export const MIN_FAINT_RED_CONTRAST = 25;
/** Dark ink must stand at least this far below the paper's brightness. */
const MIN_DARK_CONTRAST = 70;
/** The ink threshold lies this share of the way from the paper to the strongest ink... */
const THRESHOLD_SHARE = 0.4;
/** ... and at least this share of the minimum contrast above the paper. */
const MIN_THRESHOLD_SHARE = 0.75;

/**
 * How strongly a pixel is ink of the kind: redness (red minus the larger of green and blue) for red ink, darkness
 * (255 minus the mean) for dark ink. Ranges −255…255.
 */
function strengthAt(data: Uint8Array, i: number, channels: number, ink: StampInk): number {
  const r = data[i] as number;
  if (channels < 3) return ink === "red" ? 0 : 255 - r;
  const g = data[i + 1] as number;
  const b = data[i + 2] as number;
  return ink === "red" ? r - Math.max(g, b) : 255 - (r + g + b) / 3;
}

/** The strength of every pixel of an image. */
function strengths(image: RawImage, ink: StampInk): Int16Array {
  const { width, height, channels, data } = image;
  const out = new Int16Array(width * height);
  for (let p = 0, i = 0; p < out.length; p++, i += channels)
    out[p] = Math.round(strengthAt(data, i, channels, ink));
  return out;
}

/** The value below which `share` of the values lie. */
function percentile(values: Int16Array, share: number): number {
  const histogram = new Uint32Array(511);
  for (const value of values) histogram[value + 255] = (histogram[value + 255] as number) + 1;
  const wanted = values.length * share;
  let seen = 0;
  for (let k = 0; k < histogram.length; k++) {
    seen += histogram[k] as number;
    if (seen >= wanted) return k - 255;
  }
  return 255;
}

/**
 * Measures a cell's ink of one kind against its paper (most of the cell): the threshold lies part of the way from
 * the paper to the strongest ink, so tinted paper and faded or bold stamps are all split right. Undefined when the
 * cell holds no ink of the kind standing clear of the paper (by the kind's usual contrast, or `minContrast`).
 */
export function measureInk(cell: RawImage, ink: StampInk, minContrast?: number): InkLevels | undefined {
  const values = strengths(cell, ink);
  const paper = percentile(values, 0.5);
  const strongest = percentile(values, 0.995);
  const least = minContrast ?? (ink === "red" ? MIN_RED_CONTRAST : MIN_DARK_CONTRAST);
  if (strongest - paper < least) return undefined;
  const threshold = paper + Math.max(least * MIN_THRESHOLD_SHARE, (strongest - paper) * THRESHOLD_SHARE);
  return { ink, paper, threshold };
}

/** The pixels of `image` at least as strong as the levels' threshold. */
export function inkMask(image: RawImage, levels: InkLevels): InkMask {
  const values = strengths(image, levels.ink);
  const data = new Uint8Array(values.length);
  for (let p = 0; p < values.length; p++) data[p] = (values[p] as number) >= levels.threshold ? 1 : 0;
  return { width: image.width, height: image.height, data };
}

/**
 * Levels for a straightened stamp, which is about half ink: the threshold that best separates its two kinds of
 * pixels (Otsu's), but never below the cell's, so a blotted stamp's characters do not run together.
 */
export function stampLevels(stamp: RawImage, levels: InkLevels): InkLevels {
  const values = strengths(stamp, levels.ink);
  const histogram = new Float64Array(511);
  for (const value of values) histogram[value + 255] = (histogram[value + 255] as number) + 1;
  let total = 0;
  let sum = 0;
  for (let k = 0; k < histogram.length; k++) {
    total += histogram[k] as number;
    sum += k * (histogram[k] as number);
  }
  let below = 0;
  let belowSum = 0;
  let best = -1;
  let threshold = levels.threshold;
  for (let k = 0; k < histogram.length - 1; k++) {
    below += histogram[k] as number;
    belowSum += k * (histogram[k] as number);
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const difference = belowSum / below - (sum - belowSum) / above;
    const between = below * above * difference * difference;
    if (between > best) {
      best = between;
      threshold = k + 1 - 255;
    }
  }
  return { ...levels, threshold: Math.max(levels.threshold, threshold) };
}

/** Share of a stamp's pixels at least as light as the paper level, and at most as dark as the full ink level. */
const PAPER_SHARE = 0.1;
const INK_SHARE = 0.1;
/** Under red ink, a pixel this much darker in red than the paper is print under the seal, not seal. */
const PRINT_RED_SHARE = 0.55;

/**
 * A grey RGB copy of a straightened stamp for the recogniser, its ink black on white. Red ink is taken from the
 * green channel, where it is dark against paper: JPEG keeps green at full resolution while redness, a colour
 * difference, is stored at half, so strokes stay sharp (measured: 38 → 52 of 77 dev-set stamps read right). Print
 * under the seal, dark in red as well, is whitened. Levels are stretched from the paper to the darkest tenth, so
 * a faded stamp reads as black as a fresh one.
 */
export function inkAsBlack(image: RawImage, levels: InkLevels): RawImage {
  const { width, height, channels, data } = image;
  const count = width * height;
  const tone = new Int16Array(count);
  const red = new Int16Array(count);
  const useGreen = levels.ink === "red" && channels >= 3;
  for (let p = 0, i = 0; p < count; p++, i += channels) {
    red[p] = data[i] as number;
    tone[p] = useGreen ? (data[i + 1] as number) : Math.round(255 - strengthAt(data, i, channels, "dark"));
  }
  const printBelow = useGreen ? percentile(red, 1 - PAPER_SHARE) * PRINT_RED_SHARE : -1;
  // Paper and ink levels of the seal alone: print under it would pass for its darkest ink.
  const seal = tone.filter((_, p) => (red[p] as number) >= printBelow);
  const paper = percentile(seal.length > 0 ? seal : tone, 1 - PAPER_SHARE);
  const ink = percentile(seal.length > 0 ? seal : tone, INK_SHARE);
  const out = new Uint8Array(count * 3);
  for (let p = 0, o = 0; p < count; p++, o += 3) {
    const print = (red[p] as number) < printBelow;
    const share = print
      ? 0
      : Math.min(1, Math.max(0, (paper - (tone[p] as number)) / Math.max(1, paper - ink)));
    const level = Math.round(255 * (1 - share));
    out[o] = level;
    out[o + 1] = level;
    out[o + 2] = level;
  }
  return { width, height, channels: 3, data: out };
}
