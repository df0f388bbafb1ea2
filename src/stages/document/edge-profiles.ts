import type { RawImage } from "../../image/raw-image.ts";

/**
 * How strongly each column (or row) of an upright page image is a straight edge running the full span: the mean,
 * over the rows (columns) of `span`, of the brightness step across it, taken separately on brightness and on
 * colourfulness (cream paper on a white scanner bed differs there), the larger of the two, and rising and falling
 * steps apart. Text and guilloche
 * average out; a page's edge, a booklet's gutter or a long printed rule, straight along the axis, add up.
 *
 * Edges need not run exactly along the axis: a booklet's facing page lies at its own angle, and the outline the
 * page was straightened from is only an estimate. Each position is also tried along slightly slanted lines
 * (`slopes`, pixels across per pixel along, measured from the middle of the span), and keeps the slant that
 * answers most.
 */
export interface EdgeProfiles {
  /** Vertical edges (the left and right sides), by column. */
  columns: SidedProfile;
  /** Horizontal edges (the top and bottom sides), by row. */
  rows: SidedProfile;
  /** The middle of the row span (where a column's position is measured). */
  rowMiddle: number;
  /** The middle of the column span (where a row's position is measured). */
  columnMiddle: number;
}

/**
 * Edge strength at each position, grey levels, kept apart by which way the step goes: a page's left (top) side is
 * an edge rising into the paper, its right (bottom) side one falling out of it, and the other way round is most
 * often something else (a dark cover's outer edge, a printed band's outer side).
 */
export interface SidedProfile {
  /** Steps up (later positions lighter or more colourful). */
  rising: Float64Array;
  /** Steps down. */
  falling: Float64Array;
  /** The slope each rising step was found along (a column's: x = column + slope · (y − rowMiddle)). */
  risingSlopes: Float64Array;
  /** The slope each falling step was found along. */
  fallingSlopes: Float64Array;
}

/**
 * The step is the mean of the {@link STEP} pixels after minus the {@link STEP} before: a real step (paper to desk,
 * page to gutter) answers in full, a thin printed rule (dark between two light sides) only by its width's share.
 */
const STEP = 6;

/**
 * Edge profiles of an RGB or grey image: columns averaged over the rows `rowSpan` [start, end), rows over the
 * columns `columnSpan` (the spans where the page certainly is, so the desk beyond a shorter side adds nothing).
 * `slopes` are the slants tried (default: only straight along the axis). Positions inside `interior` (columns and
 * rows where no edge is looked for, the content's own extent) are left at zero, which saves most of the work.
 */
export function edgeProfiles(
  image: RawImage,
  rowSpan: readonly [number, number],
  columnSpan: readonly [number, number],
  slopes: readonly number[] = [0],
  interior?: { columns: readonly [number, number]; rows: readonly [number, number] },
): EdgeProfiles {
  const { width, height } = image;
  const luma = new Float64Array(width * height);
  const chroma = new Float64Array(width * height);
  lumaAndChroma(image, luma, chroma);
  const [rowStart, rowEnd] = clampSpan(rowSpan, height);
  const [columnStart, columnEnd] = clampSpan(columnSpan, width);
  const rowMiddle = (rowStart + rowEnd) / 2;
  const columnMiddle = (columnStart + columnEnd) / 2;
  const columns = sidedProfile(width);
  const rows = sidedProfile(height);
  const columnSums = new Float64Array(width);
  const rowSums = new Float64Array(height);
  const columnRanges = outsideOf(interior?.columns, width);
  const rowRanges = outsideOf(interior?.rows, height);
  const rowShifts = new Int32Array(width);
  // Where a slanted row's pixel lies relative to its row's start: shift · width + x.
  const rowOffsets = new Int32Array(width);
  for (const slope of slopes) {
    for (let x = columnStart; x < columnEnd; x++) rowShifts[x] = Math.round(slope * (x + 0.5 - columnMiddle));
    // Colourfulness tells cream paper from a white scanner bed, where nothing lies askew: straight only.
    for (const plane of slope === 0 ? [luma, chroma] : [luma]) {
      columnSums.fill(0);
      for (let y = rowStart; y < rowEnd; y++) {
        const shift = Math.round(slope * (y + 0.5 - rowMiddle));
        for (const range of columnRanges) addShiftedRow(plane, width, y, shift, range, columnSums);
      }
      rowSums.fill(0);
      let lowest = 0;
      let highest = 0;
      for (let x = columnStart; x < columnEnd; x++) {
        const shift = rowShifts[x] as number;
        rowOffsets[x] = shift * width + x;
        if (shift < lowest) lowest = shift;
        if (shift > highest) highest = shift;
      }
      for (const range of rowRanges) {
        for (let y = range[0]; y < range[1]; y++) {
          rowSums[y] =
            y + lowest >= 0 && y + highest <= height - 1
              ? slantedRowSum(plane, y * width, rowOffsets, columnStart, columnEnd)
              : clampedRowSum(plane, width, height, y, rowShifts, columnStart, columnEnd);
        }
      }
      accumulateSteps(columnSums, rowEnd - rowStart, columns, slope, columnRanges);
      accumulateSteps(rowSums, columnEnd - columnStart, rows, slope, rowRanges);
    }
  }
  return { columns, rows, rowMiddle, columnMiddle };
}

/** Brightness (Rec. 601 luma) and colourfulness (brightest minus darkest channel) of every pixel. */
function lumaAndChroma(image: RawImage, luma: Float64Array, chroma: Float64Array): void {
  const { channels, data } = image;
  const colour = channels === 1 ? 0 : 1;
  for (let i = 0, at = 0; i < luma.length; i++, at += channels) {
    const r = data[at] as number;
    const g = data[at + colour] as number;
    const b = data[at + 2 * colour] as number;
    luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    chroma[i] = Math.max(r, g, b) - Math.min(r, g, b);
  }
}

/**
 * Adds row `y` of `plane`, shifted by `shift` pixels, into `columnSums` over the columns [from, to). Positions
 * slanted off the image take its nearest pixel (the warp replicated its border there anyway): the first pixel of the
 * row left of `inFrom`, the last from `inTo` on. The hot loops live in small functions called many times, so they
 * are optimised once and stay so (one long function is optimised mid-loop and falls back at every new phase).
 */
function addShiftedRow(
  plane: Float64Array,
  width: number,
  y: number,
  shift: number,
  range: readonly [number, number],
  columnSums: Float64Array,
): void {
  const from = range[0];
  const to = range[1];
  const base = y * width;
  const inFrom = Math.min(to, Math.max(from, -shift));
  const inTo = Math.max(inFrom, Math.min(to, width - shift));
  const first = plane[base] as number;
  const last = plane[base + width - 1] as number;
  for (let x = from; x < inFrom; x++) columnSums[x] = (columnSums[x] as number) + first;
  for (let x = inFrom; x < inTo; x++)
    columnSums[x] = (columnSums[x] as number) + (plane[base + x + shift] as number);
  for (let x = inTo; x < to; x++) columnSums[x] = (columnSums[x] as number) + last;
}

/** The sum along a slanted row that stays inside the image: no clamping, the pixels added in column order. */
function slantedRowSum(
  plane: Float64Array,
  base: number,
  rowOffsets: Int32Array,
  columnStart: number,
  columnEnd: number,
): number {
  let sum = 0;
  for (let x = columnStart; x < columnEnd; x++) sum += plane[base + (rowOffsets[x] as number)] as number;
  return sum;
}

/** The sum along a slanted row that leaves the image, its rows clamped to the image's. */
function clampedRowSum(
  plane: Float64Array,
  width: number,
  height: number,
  y: number,
  rowShifts: Int32Array,
  columnStart: number,
  columnEnd: number,
): number {
  let sum = 0;
  for (let x = columnStart; x < columnEnd; x++) {
    const row = y + (rowShifts[x] as number);
    const source = row < 0 ? 0 : row > height - 1 ? height - 1 : row;
    sum += plane[source * width + x] as number;
  }
  return sum;
}

function clampSpan(span: readonly [number, number], size: number): [number, number] {
  const start = Math.max(0, Math.min(size, Math.round(span[0])));
  const end = Math.max(start, Math.min(size, Math.round(span[1])));
  return end - start >= 2 ? [start, end] : [0, size];
}

function sidedProfile(length: number): SidedProfile {
  return {
    rising: new Float64Array(length),
    falling: new Float64Array(length),
    risingSlopes: new Float64Array(length),
    fallingSlopes: new Float64Array(length),
  };
}

/**
 * Takes into `out` the larger of its values and the steps of `sums` (each a sum of `count` pixels), rising and
 * falling apart, with the slope the sums were taken along where they won (ties keep the slope tried first).
 */
function accumulateSteps(
  sums: Float64Array,
  count: number,
  out: SidedProfile,
  slope: number,
  ranges: readonly (readonly [number, number])[],
): void {
  const scale = 1 / (Math.max(1, count) * STEP);
  for (const [from, to] of ranges) {
    // Steps need STEP sums either side: within a range only.
    for (let i = Math.max(STEP, from + STEP); i < Math.min(sums.length - STEP, to - STEP); i++) {
      let step = 0;
      for (let k = 1; k <= STEP; k++) step += (sums[i + k] as number) - (sums[i - k] as number);
      const value = step * scale;
      if (value > (out.rising[i] as number)) {
        out.rising[i] = value;
        out.risingSlopes[i] = slope;
      } else if (-value > (out.falling[i] as number)) {
        out.falling[i] = -value;
        out.fallingSlopes[i] = slope;
      }
    }
  }
}

/**
 * The ranges of [0, size) outside `interior`, each reaching {@link STEP} + 1 into it so steps at its border can be
 * taken; the whole of [0, size) without one.
 */
function outsideOf(interior: readonly [number, number] | undefined, size: number): [number, number][] {
  if (!interior) return [[0, size]];
  const a = Math.max(0, Math.min(size, Math.floor(interior[0]) + STEP + 1));
  const b = Math.min(size, Math.max(a, Math.ceil(interior[1]) - STEP - 1));
  return b > a
    ? [
        [0, a],
        [b, size],
      ]
    : [[0, size]];
}
