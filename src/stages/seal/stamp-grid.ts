import type { InkMask } from "./stamp-ink.ts";

/** A box in pixels: `right` and `bottom` exclusive. */
export interface GridBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One character of a stamp: its column (0 = the rightmost, read first), its row in that column, and its cell. */
export interface StampCell extends GridBox {
  column: number;
  row: number;
}

/**
 * How a stamp's characters are set: the number of characters in each column, columns listed from the right (the
 * order they are read in). [2, 2] is the usual square 张三 / 之印; [2, 1] a 张三印 with a tall 印; [1, 1] two
 * characters side by side; [2] one column of two.
 */
export type StampLayout = readonly number[];

/** The layouts name stamps are cut in, the common square one first. */
export const STAMP_LAYOUTS: readonly StampLayout[] = [
  [2, 2],
  [2, 1],
  [1, 2],
  [1, 1],
  [2],
  [3],
  [1, 1, 1],
  [3, 3],
];

/** A character's cell is never flatter or taller than this (width over height, or height over width). */
const MAX_CELL_ASPECT = 2.2;
/** A cut moves to a gap in the ink at most this share of a cell's length from its even place. */
const GAP_SLACK = 0.15;
/** A gap holds at most this share of the ink a line of the profile holds on average. */
const GAP_SHARE = 0.25;
/** A frame's rows and columns are inked over at least this share of the stamp's side... */
const FRAME_COVER = 0.6;
/** ... and lie within this share of the side from the edge. */
const FRAME_DEPTH = 0.16;
/** ... and are at most this share of the side thick... */
const FRAME_THICKNESS = 0.12;
/** ... and its blurred inner edge is this share of the side deep. */
const FRAME_EDGE = 0.02;

/**
 * The layouts worth trying for a stamp of this size: those whose characters would come out no flatter or taller
 * than a seal's characters are cut.
 */
export function plausibleLayouts(width: number, height: number): StampLayout[] {
  return STAMP_LAYOUTS.filter((layout) =>
    layout.every((rows) => {
      const aspect = width / layout.length / (height / rows);
      return aspect <= MAX_CELL_ASPECT && aspect >= 1 / MAX_CELL_ASPECT;
    }),
  );
}

/**
 * The cells of the characters of a straightened stamp for a layout, in reading order (columns from the right, each
 * top to bottom): the inside of the frame divided evenly, each cut moved to the nearest gap in the ink when there
 * is one close by, since characters are rarely cut exactly even.
 *
 * @example
 * layoutCells(mask, insideFrame(mask), [2, 2]).map((cell) => [cell.column, cell.row]); // [[0,0],[0,1],[1,0],[1,1]]
 */
export function layoutCells(mask: InkMask, inside: GridBox, layout: StampLayout): StampCell[] {
  const columnCuts = snappedCuts(columnProfile(mask, inside), layout.length, inside.left);
  const cells: StampCell[] = [];
  layout.forEach((rows, column) => {
    // Column 0 is the rightmost.
    const left = columnCuts[layout.length - 1 - column] as number;
    const right = columnCuts[layout.length - column] as number;
    const rowCuts = snappedCuts(rowProfile(mask, { ...inside, left, right }), rows, inside.top);
    for (let row = 0; row < rows; row++) {
      cells.push({
        left,
        right,
        top: rowCuts[row] as number,
        bottom: rowCuts[row + 1] as number,
        column,
        row,
      });
    }
  });
  return cells;
}

/**
 * `parts` + 1 boundaries splitting a profile into `parts` near-even parts: the ends, and each even cut moved to the
 * middle of a gap in the ink within reach. Offset by `offset`.
 */
export function snappedCuts(profile: readonly number[], parts: number, offset = 0): number[] {
  const length = profile.length;
  const smooth = profile.map((_, i) => {
    const window = profile.slice(Math.max(0, i - 1), i + 2);
    return window.reduce((sum, value) => sum + value, 0) / window.length;
  });
  const mean = smooth.reduce((sum, value) => sum + value, 0) / Math.max(1, length);
  const cuts = [0];
  for (let k = 1; k < parts; k++) {
    const even = (length * k) / parts;
    const gap = gapNear(smooth, even, (length / parts) * GAP_SLACK, mean * GAP_SHARE);
    cuts.push(gap ?? Math.round(even));
  }
  cuts.push(length);
  return cuts.map((cut) => cut + offset);
}

/** The middle of the run of gap (at most `limit`) within `slack` of `at` that lies nearest it, if there is one. */
function gapNear(smooth: readonly number[], at: number, slack: number, limit: number): number | undefined {
  const from = Math.max(1, Math.floor(at - slack));
  const to = Math.min(smooth.length - 2, Math.ceil(at + slack));
  let best: number | undefined;
  for (let i = from; i <= to; i++) {
    if ((smooth[i] as number) > limit) continue;
    let end = i;
    while (end + 1 <= to && (smooth[end + 1] as number) <= limit) end++;
    const middle = (i + end + 1) / 2;
    if (best === undefined || Math.abs(middle - at) < Math.abs(best - at)) best = middle;
    i = end;
  }
  return best === undefined ? undefined : Math.round(best);
}

/**
 * The box inside the stamp's frame: the runs of rows and columns near each edge inked over most of the side are
 * frame. Without a frame, the box of the ink.
 */
export function insideFrame(mask: InkMask): GridBox {
  const { width, height } = mask;
  const full = { left: 0, top: 0, right: width, bottom: height };
  const rows = rowProfile(mask, full);
  const columns = columnProfile(mask, full);
  const top = frameEnd(rows, width * FRAME_COVER, Math.ceil(height * FRAME_DEPTH));
  const bottom = height - frameEnd([...rows].reverse(), width * FRAME_COVER, Math.ceil(height * FRAME_DEPTH));
  const left = frameEnd(columns, height * FRAME_COVER, Math.ceil(width * FRAME_DEPTH));
  const right =
    width - frameEnd([...columns].reverse(), height * FRAME_COVER, Math.ceil(width * FRAME_DEPTH));
  if (right - left < width / 3 || bottom - top < height / 3) return full;
  // Without a frame on a side, the ink's own edge bounds it.
  const inkColumns = columnProfile(mask, { left, top, right, bottom });
  const inkRows = rowProfile(mask, { left, top, right, bottom });
  const [firstColumn, lastColumn] = inkSpan(inkColumns);
  const [firstRow, lastRow] = inkSpan(inkRows);
  if (lastColumn <= firstColumn || lastRow <= firstRow) return { left, top, right, bottom };
  return { left: left + firstColumn, top: top + firstRow, right: left + lastColumn, bottom: top + lastRow };
}

/**
 * Where a frame seen from one edge ends: the end of the last thin run of lines inked at least `cover` that starts
 * within `depth` of the edge (a ruling beside the frame makes a run of its own; a character's bold stroke makes a
 * thick one, or one further in), plus the frame's blurred inner edge; 0 when there is none.
 */
function frameEnd(profile: readonly number[], cover: number, depth: number): number {
  let end = 0;
  const thickest = profile.length * FRAME_THICKNESS;
  for (let index = 0; index < Math.min(depth, profile.length); index++) {
    if ((profile[index] as number) < cover) continue;
    const start = index;
    while (index < profile.length && (profile[index] as number) >= cover) index++;
    if (index - start > thickest) break;
    end = index;
  }
  return end === 0 ? 0 : end + Math.ceil(profile.length * FRAME_EDGE);
}

/** The first and one past the last index holding a twentieth of the profile's peak ([0, 0] for no ink). */
function inkSpan(profile: readonly number[]): [number, number] {
  const limit = Math.max(1, Math.max(0, ...profile) * 0.05);
  const first = profile.findIndex((value) => value >= limit);
  if (first < 0) return [0, 0];
  let last = profile.length - 1;
  while (last > first && (profile[last] as number) < limit) last--;
  return [first, last + 1];
}

/** Ink per column of `box`. */
function columnProfile(mask: InkMask, box: GridBox): number[] {
  const profile: number[] = [];
  for (let x = box.left; x < box.right; x++) {
    let count = 0;
    for (let y = box.top; y < box.bottom; y++) count += mask.data[y * mask.width + x] as number;
    profile.push(count);
  }
  return profile;
}

/** Ink per row of `box`. */
function rowProfile(mask: InkMask, box: GridBox): number[] {
  const profile: number[] = [];
  for (let y = box.top; y < box.bottom; y++) {
    let count = 0;
    for (let x = box.left; x < box.right; x++) count += mask.data[y * mask.width + x] as number;
    profile.push(count);
  }
  return profile;
}
