import type { RawImage } from "../../image/raw-image.ts";

/**
 * How strongly each column (or row) of an upright page image is a straight edge running the full span: the mean,
 * over the rows (columns) of `span`, of the brightness step across it, taken separately on brightness and on
 * colourfulness (cream paper on a white scanner bed differs there), the larger of the two. Text and guilloche
 * average out; a page's edge, a booklet's gutter or a long printed rule, straight along the axis, add up.
 */
export interface EdgeProfiles {
  /** Edge strength of each column, grey levels (vertical edges: the left and right sides). */
  columns: Float64Array;
  /** Edge strength of each row (horizontal edges: the top and bottom sides). */
  rows: Float64Array;
}

/**
 * The step is the mean of the {@link STEP} pixels after minus the {@link STEP} before: a real step (paper to desk,
 * page to gutter) answers in full, a thin printed rule (dark between two light sides) only by its width's share.
 */
const STEP = 6;

/**
 * Edge profiles of an RGB or grey image: columns averaged over the rows `rowSpan` [start, end), rows over the
 * columns `columnSpan` (the spans where the page certainly is, so the desk beyond a shorter side adds nothing).
 */
export function edgeProfiles(
  image: RawImage,
  rowSpan: readonly [number, number],
  columnSpan: readonly [number, number],
): EdgeProfiles {
  const { width, height } = image;
  const luma = new Float64Array(width * height);
  const chroma = new Float64Array(width * height);
  const { channels, data } = image;
  const colour = channels === 1 ? 0 : 1;
  for (let i = 0, at = 0; i < luma.length; i++, at += channels) {
    const r = data[at] as number;
    const g = data[at + colour] as number;
    const b = data[at + 2 * colour] as number;
    luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    chroma[i] = Math.max(r, g, b) - Math.min(r, g, b);
  }
  const [rowStart, rowEnd] = clampSpan(rowSpan, height);
  const [columnStart, columnEnd] = clampSpan(columnSpan, width);
  const columns = new Float64Array(width);
  const rows = new Float64Array(height);
  for (const plane of [luma, chroma]) {
    const columnSums = new Float64Array(width);
    for (let y = rowStart; y < rowEnd; y++) {
      const base = y * width;
      for (let x = 0; x < width; x++) columnSums[x] = (columnSums[x] as number) + (plane[base + x] as number);
    }
    const rowSums = new Float64Array(height);
    for (let y = 0; y < height; y++) {
      let sum = 0;
      for (let x = columnStart; x < columnEnd; x++) sum += plane[y * width + x] as number;
      rowSums[y] = sum;
    }
    accumulateSteps(columnSums, rowEnd - rowStart, columns);
    accumulateSteps(rowSums, columnEnd - columnStart, rows);
  }
  return { columns, rows };
}

function clampSpan(span: readonly [number, number], size: number): [number, number] {
  const start = Math.max(0, Math.min(size, Math.round(span[0])));
  const end = Math.max(start, Math.min(size, Math.round(span[1])));
  return end - start >= 2 ? [start, end] : [0, size];
}

/** Takes into `out` the larger of its value and the absolute step of `sums` (each a sum of `count` pixels). */
function accumulateSteps(sums: Float64Array, count: number, out: Float64Array): void {
  const scale = 1 / (Math.max(1, count) * STEP);
  for (let i = STEP; i < sums.length - STEP; i++) {
    let step = 0;
    for (let k = 1; k <= STEP; k++) step += (sums[i + k] as number) - (sums[i - k] as number);
    out[i] = Math.max(out[i] as number, Math.abs(step) * scale);
  }
}
