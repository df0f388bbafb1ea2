import type { RawImage } from "../../image/raw-image.ts";

/** A horizontal run of ink at least this many crop heights long is a ruling: no character's stroke is that wide. */
const HORIZONTAL_RUN = 2;
/** A column of ink covering at least this share of the crop's height is a vertical ruling (text has margins). */
const VERTICAL_COVER = 0.94;
/** Vertical rulings are at most this share of the crop's height thick (a character's stroke may be bolder). */
const MAX_THICKNESS = 0.16;
/** A vertical ruling may lean this far from upright (horizontal px per px of height: about 6°). */
const MAX_LEAN = 0.1;
/** Breaks in a ruling up to this many px are bridged (a faint or dotted print). */
const BRIDGE = 2;
/** A pixel darker than the paper by this share of the paper-to-ink contrast is ink. */
const INK_SHARE = 0.3;
/** A pixel beside a ruling darker than the paper by this share of the contrast is the ruling's fringe. */
const FRINGE_SHARE = 0.08;
/** The ink's level is this quantile of a crop's grey levels (a ruling alone fills more of a crop than this). */
const DARK_QUANTILE = 0.005;
/** Below this contrast (grey levels between paper and ink) a crop holds no ink worth cleaning. */
const MIN_CONTRAST = 48;

/** Options of the ruling finders. */
export interface RulingOptions {
  /**
   * Also find vertical rulings leaning up to about 6° (a frame line photographed at an angle to the text). Off by
   * default: on a blurred line a character's slanted strokes can pass for one.
   */
  leaning?: boolean;
}

/**
 * Removes the form's ruling lines from a line crop before it is read: a value printed across a ruled line
 * (a dot-matrix print shifted off its cell) otherwise loses the character on the line, or gains 一/丨/1 from it.
 * A horizontal ruling is a run of ink far longer than any stroke (≥ 2 crop heights); a vertical one is a thin
 * column of ink from the crop's top to its bottom (a line's crop has margins, so a character's stroke does not
 * span it). Ruling pixels are painted with the paper's colour, except where a character's stroke crosses the
 * ruling (ink continues on both sides of it), so characters keep their strokes. A character lying on no ruling
 * (一 included) is untouched. Returns the crop itself when nothing was found.
 */
export function withoutRulingLines(crop: RawImage, options: RulingOptions = {}): RawImage {
  const { width, height, channels } = crop;
  if (width < 2 || height < 8) return crop;
  const grey = greyLevels(crop);
  const { paper, dark } = paperAndInk(grey);
  if (paper - dark < MIN_CONTRAST) return crop;
  // Thin rulings print grey after resampling: ink is anything clearly darker than paper.
  const threshold = paper - INK_SHARE * (paper - dark);
  const ink = new Uint8Array(width * height);
  for (let p = 0; p < ink.length; p++) ink[p] = (grey[p] as number) < threshold ? 1 : 0;
  const ruling = new Uint8Array(width * height);
  const found =
    markHorizontal(ink, width, height, Math.round(HORIZONTAL_RUN * height), ruling) +
    markVertical(ink, width, height, ruling, options.leaning === true);
  if (found === 0) return crop;
  widenToFringe(ruling, grey, ink, width, height, paper - FRINGE_SHARE * (paper - dark));
  const data = crop.data.slice();
  const fill = paperColour(crop, grey, paper);
  let painted = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (!ruling[p] || crossesStroke(ink, ruling, width, height, x, y)) continue;
      for (let c = 0; c < channels; c++) data[p * channels + c] = fill[c] as number;
      painted++;
    }
  }
  return painted === 0 ? crop : { width, height, channels, data };
}

/**
 * The columns of a line crop that hold a vertical ruling (a thin column of ink from the crop's top to its bottom).
 */
export function verticalRulingColumns(crop: RawImage, options: RulingOptions = {}): number[] {
  const { width, height } = crop;
  if (width < 2 || height < 8) return [];
  const grey = greyLevels(crop);
  const { paper, dark } = paperAndInk(grey);
  if (paper - dark < MIN_CONTRAST) return [];
  const threshold = paper - INK_SHARE * (paper - dark);
  const ink = new Uint8Array(width * height);
  for (let p = 0; p < ink.length; p++) ink[p] = (grey[p] as number) < threshold ? 1 : 0;
  const ruling = new Uint8Array(width * height);
  if (markVertical(ink, width, height, ruling, options.leaning === true) === 0) return [];
  const columns: number[] = [];
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      if (!ruling[y * width + x]) continue;
      columns.push(x);
      break;
    }
  }
  return columns;
}

/**
 * Adds to the ruling the faint pixels along its edges (the grey fringe a resampled line leaves), which would read
 * as a thin line once the ruling is gone; only pixels that are not ink themselves.
 */
function widenToFringe(
  ruling: Uint8Array,
  grey: Uint8Array,
  ink: Uint8Array,
  width: number,
  height: number,
  threshold: number,
): void {
  const core = ruling.slice();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (core[p] || ink[p] || (grey[p] as number) >= threshold) continue;
      const next =
        (x > 0 && core[p - 1]) ||
        (x + 1 < width && core[p + 1]) ||
        (y > 0 && core[p - width]) ||
        (y + 1 < height && core[p + width]);
      if (next) ruling[p] = 1;
    }
  }
}

/** The paper's grey level (the 90th percentile) and the ink's ({@link DARK_QUANTILE}), from a histogram. */
function paperAndInk(grey: Uint8Array): { paper: number; dark: number } {
  const counts = new Uint32Array(256);
  for (let p = 0; p < grey.length; p++) counts[grey[p] as number] = (counts[grey[p] as number] as number) + 1;
  return {
    paper: quantileLevel(counts, Math.floor(grey.length * 0.9)),
    dark: quantileLevel(counts, Math.floor(grey.length * DARK_QUANTILE)),
  };
}

/** The level at `rank` (0-based) of the levels sorted ascending, from their histogram. */
function quantileLevel(counts: Uint32Array, rank: number): number {
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += counts[level] as number;
    if (seen > rank) return level;
  }
  return 255;
}

/** Per-pixel grey level (the mean of the colour channels; alpha ignored). */
function greyLevels(crop: RawImage): Uint8Array {
  const { width, height, channels, data } = crop;
  const colours = channels === 4 ? 3 : channels;
  const grey = new Uint8Array(width * height);
  for (let p = 0; p < grey.length; p++) {
    let sum = 0;
    for (let c = 0; c < colours; c++) sum += data[p * channels + c] as number;
    grey[p] = Math.round(sum / colours);
  }
  return grey;
}

/** The mean colour of the paper: pixels at least as light as the paper level. */
function paperColour(crop: RawImage, grey: Uint8Array, paper: number): number[] {
  const sums = new Array<number>(crop.channels).fill(0);
  let count = 0;
  for (let p = 0; p < grey.length; p++) {
    if ((grey[p] as number) < paper) continue;
    for (let c = 0; c < crop.channels; c++)
      sums[c] = (sums[c] as number) + (crop.data[p * crop.channels + c] as number);
    count++;
  }
  return sums.map((sum) => Math.round(sum / Math.max(1, count)));
}

/**
 * Marks runs of ink along rows at least `run` px long (breaks of {@link BRIDGE} px bridged). Returns how many
 * rows held one.
 */
function markHorizontal(
  ink: Uint8Array,
  width: number,
  height: number,
  run: number,
  ruling: Uint8Array,
): number {
  let rows = 0;
  for (let y = 0; y < height; y++) {
    let begin = -1;
    let last = -1;
    let marked = false;
    for (let x = 0; x <= width; x++) {
      if (x < width && ink[y * width + x]) {
        if (begin < 0) begin = x;
        last = x;
        continue;
      }
      if (begin < 0 || (x < width && x - last <= BRIDGE)) continue;
      if (last + 1 - begin >= run) {
        for (let k = begin; k <= last; k++) ruling[y * width + k] = 1;
        marked = true;
      }
      begin = -1;
    }
    if (marked) rows++;
  }
  return rows;
}

/**
 * Marks thin vertical rulings, upright or (with `leaning`) leaning up to {@link MAX_LEAN} (a photographed page's
 * frame is rarely square to a line of its text): for each lean, the paths from top to bottom whose ink covers nearly the whole
 * height, grouped where adjacent, each group at most {@link MAX_THICKNESS} of the height wide. Returns how many
 * paths were marked.
 */
function markVertical(
  ink: Uint8Array,
  width: number,
  height: number,
  ruling: Uint8Array,
  leaning: boolean,
): number {
  const cover = Math.ceil(VERTICAL_COVER * height);
  const maxThickness = Math.max(2, Math.round(MAX_THICKNESS * height));
  const columnInk = new Uint16Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (ink[y * width + x]) columnInk[x] = (columnInk[x] as number) + 1;
  }
  // Column sums: a path can only cover the height where the columns it crosses hold that much ink together.
  const prefix = new Uint32Array(width + 1);
  for (let x = 0; x < width; x++) prefix[x + 1] = (prefix[x] as number) + (columnInk[x] as number);
  const inkBetween = (from: number, to: number) =>
    (prefix[Math.min(width, Math.max(0, to + 1))] as number) -
    (prefix[Math.min(width, Math.max(0, from))] as number);
  const maxShift = leaning ? Math.round(MAX_LEAN * height) : 0;
  const shiftAt = new Int32Array(height);
  let paths = 0;
  for (let shift = -maxShift; shift <= maxShift; shift++) {
    for (let y = 0; y < height; y++) shiftAt[y] = Math.round((shift * y) / Math.max(1, height - 1));
    const low = Math.min(0, shift);
    const high = Math.max(0, shift);
    // full[x0 - first]: whether the path starting at column x0 on the top row covers the height.
    const first = -high;
    const full = new Uint8Array(width + high - low);
    for (let x0 = first; x0 < width - low; x0++) {
      if (inkBetween(x0 + low, x0 + high) < cover) continue;
      full[x0 - first] = longestRun(ink, width, height, x0, shiftAt) >= cover ? 1 : 0;
    }
    for (let k = 0; k < full.length; ) {
      if (!full[k]) {
        k++;
        continue;
      }
      let end = k;
      while (end + 1 < full.length && full[end + 1]) end++;
      if (end + 1 - k <= maxThickness) {
        for (let x0 = k + first; x0 <= end + first; x0++) {
          for (let y = 0; y < height; y++) {
            const x = x0 + (shiftAt[y] as number);
            if (x >= 0 && x < width && ink[y * width + x]) ruling[y * width + x] = 1;
          }
        }
        paths += end + 1 - k;
      }
      k = end + 1;
    }
  }
  return paths;
}

/** The longest run of ink along a path from top to bottom (column `x0` on the top row, shifted by `shiftAt`), breaks
 * of {@link BRIDGE} px bridged. */
function longestRun(ink: Uint8Array, width: number, height: number, x0: number, shiftAt: Int32Array): number {
  let longest = 0;
  let begin = -1;
  let last = -1;
  for (let y = 0; y <= height; y++) {
    const x = y < height ? x0 + (shiftAt[y] as number) : -1;
    if (y < height && x >= 0 && x < width && ink[y * width + x]) {
      if (begin < 0) begin = y;
      last = y;
      continue;
    }
    if (begin < 0 || (y < height && y - last <= BRIDGE)) continue;
    longest = Math.max(longest, last + 1 - begin);
    begin = -1;
  }
  return longest;
}

/**
 * Whether the ruling pixel at (x, y) is where a character's stroke crosses the ruling: ink that is not ruling
 * lies just beyond the ruling's band on both of its sides (above and below for a horizontal band, left and right
 * for a vertical one).
 */
function crossesStroke(
  ink: Uint8Array,
  ruling: Uint8Array,
  width: number,
  height: number,
  x: number,
  y: number,
): boolean {
  const strokeAt = (px: number, py: number) =>
    px >= 0 &&
    py >= 0 &&
    px < width &&
    py < height &&
    ink[py * width + px] === 1 &&
    ruling[py * width + px] === 0;
  let top = y;
  while (top > 0 && ruling[(top - 1) * width + x]) top--;
  let bottom = y;
  while (bottom + 1 < height && ruling[(bottom + 1) * width + x]) bottom++;
  if (bottom - top + 1 < height && strokeAt(x, top - 1) && strokeAt(x, bottom + 1)) return true;
  let left = x;
  while (left > 0 && ruling[y * width + left - 1]) left--;
  let right = x;
  while (right + 1 < width && ruling[y * width + right + 1]) right++;
  return right - left + 1 < width && strokeAt(left - 1, y) && strokeAt(right + 1, y);
}
