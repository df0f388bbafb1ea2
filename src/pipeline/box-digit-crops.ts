import type { PageFrame } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import type { Quad, TextLine } from "../types.ts";
import type { DateRow, UnitMark } from "./date-units.ts";
import type { TextEngine } from "./text-engine.ts";

/** A box's digits cut out, and how far their band's middle stands below their unit's row, in pitches. */
export interface BoxDigitsCrop extends RawImage {
  offset: number;
}

/** The share of a crop's pixels darker than the grey its contrast is stretched from (its darkest ink). */
const STRETCH_DARK = 0.005;
/** A glyph's pitch in the crops' pixels. */
export const PITCH_PX = 32;
/** How far past the unit before a box's crop begins, in pitches. */
const UNIT_MARGIN = 0.02;
/** How far above and below the row's centre a box's digits may stand, in pitches (printed off their boxes). */
const REACH = 1.4;

/**
 * Cuts out the digits of one box of a boxed date: the strip from the unit before (or the label's end) to the end of
 * the box's own `unit`, along the row, {@link REACH} pitches above and below it; paints out the boxes' edges and
 * underlines ({@link withoutRulings}); and keeps the band one pitch high that holds the most ink between the two
 * units (the digits, wherever the printer put them), trimmed to its ink, in grey. On the units' own row the crop
 * begins past the unit before (a sliver of its last stroke reads as a 1); digits printed above or below the row may
 * stand under a unit, so there the crop keeps the groups of ink whose middle lies between the two units' middles;
 * where the digits' band stands off the unit's row, the unit's glyph is painted out (read apart from them). The
 * rulings are painted out with strokes mended: a digit printed over its box's edge keeps its strokes. Gives the
 * digits' band's offset from the unit's row too. `undefined` when the box holds no ink. (A box on its own; a row's
 * boxes are cut at one another's bands too with {@link boxInk}, {@link rowBands} and {@link cropBoxInk}.)
 */
export function cropBoxDigits(
  image: RawImage,
  frame: PageFrame,
  row: DateRow,
  before: UnitMark | undefined,
  unit: UnitMark,
): BoxDigitsCrop | undefined {
  const box = boxInk(image, frame, row, before, unit);
  return box === undefined ? undefined : cropBoxInk(box);
}

/** One box's strip cut out with its rulings painted out, and its ink per pixel row between the two units. */
export interface BoxInk {
  grey: Uint8Array;
  ink: Uint8Array;
  width: number;
  height: number;
  /** The strip's left edge along the row, in page coordinates, and its pixels per page unit. */
  left: number;
  scale: number;
  /** The strip's top in page coordinates. */
  top: number;
  row: DateRow;
  before: UnitMark | undefined;
  unit: UnitMark;
  /** The ink of each pixel row between the units. */
  rows: Float64Array;
}

/**
 * A box's strip (see {@link cropBoxDigits}): from the unit before to the end of its own unit, {@link REACH}
 * pitches above and below the row, its rulings painted out and the unit before's glyph too, with its ink per pixel
 * row between the units. `undefined` where the box is too narrow or the strip holds no contrast.
 */
export function boxInk(
  image: RawImage,
  frame: PageFrame,
  row: DateRow,
  before: UnitMark | undefined,
  unit: UnitMark,
): BoxInk | undefined {
  const middle = (mark: UnitMark) => (mark.left + mark.right) / 2;
  const left = before === undefined ? row.start - row.pitch * 0.15 : middle(before) - row.pitch * 0.1;
  const right = unit.right + row.pitch * 0.15;
  if (right - left < row.pitch * 0.5) return undefined;
  const top = row.centerY - REACH * row.pitch;
  const bottom = row.centerY + REACH * row.pitch;
  const quad = [
    frame.toImage({ x: left, y: top }),
    frame.toImage({ x: right, y: top }),
    frame.toImage({ x: right, y: bottom }),
    frame.toImage({ x: left, y: bottom }),
  ] as const satisfies Quad;
  const scale = PITCH_PX / row.pitch;
  const width = Math.max(8, Math.round((right - left) * scale));
  const height = Math.round(2 * REACH * PITCH_PX);
  const crop = toGrey(warpImage(image, quad, width, height));
  const cleaned = withoutRulings(crop, { mendStrokes: true });
  if (cleaned === undefined) return undefined;
  const { grey, ink } = cleaned;
  const at = (x: number) => Math.round((x - left) * scale);
  // Between the units: past the one before (and a margin), up to this one.
  const between = before === undefined ? 0 : Math.max(0, at(before.right + row.pitch * UNIT_MARGIN));
  // The unit before's glyph painted out (a sliver of its last stroke reads as a 1); digits printed above or below
  // the row, under it, are kept.
  if (before !== undefined)
    paintOut(grey, ink, width, [
      0,
      Math.round((REACH - 0.55) * PITCH_PX),
      between,
      Math.round((REACH + 0.55) * PITCH_PX),
    ]);
  const rows = new Float64Array(height);
  const digitsEnd = Math.min(width, at(unit.left));
  for (let y = 0; y < height; y++) {
    let sum = 0;
    for (let x = between; x < digitsEnd; x++) sum += ink[y * width + x] as number;
    rows[y] = sum;
  }
  return { grey, ink, width, height, left, scale, top, row, before, unit, rows };
}

/** The ink of each window one pitch high of a box's rows, by its top row. */
function windowSums(rows: Float64Array): Float64Array {
  const sums = new Float64Array(Math.max(0, rows.length - PITCH_PX + 1));
  for (let y = 0; y < sums.length; y++) {
    let sum = 0;
    for (let t = y; t < y + PITCH_PX; t++) sum += rows[t] as number;
    sums[y] = sum;
  }
  return sums;
}

/**
 * The top row of the window one pitch high that holds the most ink between a box's units, or `undefined` where no
 * window holds ink worth reading.
 */
export function inkiestBand(box: BoxInk): number | undefined {
  const sums = windowSums(box.rows);
  let bestAt: number | undefined;
  for (let y = 0; y < sums.length; y++)
    if (
      (sums[y] as number) >= PITCH_PX * 0.5 &&
      (bestAt === undefined || (sums[y] as number) > (sums[bestAt] as number))
    )
      bestAt = y;
  return bestAt;
}

/**
 * The bands at which the digits of a row's boxes may stand: each box's inkiest band, those within
 * {@link BAND_SLACK} of one another taken as one. The printer put the whole value at one height, so where the boxes
 * disagree (a seal's ring or lettering across a box outweighs its digits there), each box is read at the others'
 * bands too.
 */
export function rowBands(boxes: readonly (BoxInk | undefined)[]): number[] {
  const tops = boxes
    .map((box) => (box === undefined ? undefined : inkiestBand(box)))
    .filter((top) => top !== undefined)
    .sort((a, b) => a - b);
  const bands: number[] = [];
  for (const top of tops) {
    const last = bands[bands.length - 1];
    if (last === undefined || top - last > BAND_SLACK * PITCH_PX) bands.push(top);
  }
  return bands;
}

/** How far, in pitches, a box's band may stand from a band it is read at. */
const BAND_SLACK = 0.25;

/**
 * The crop of a box's digits from its strip (see {@link cropBoxDigits}): the band one pitch high holding the most
 * ink between the units, within {@link BAND_SLACK} pitches of the band at `near` where given (see {@link rowBands}),
 * trimmed to its ink. The box's pixels are left as they were.
 */
export function cropBoxInk(box: BoxInk, near?: number): BoxDigitsCrop | undefined {
  const { width, height, left, scale, top, row, before, unit } = box;
  const grey = box.grey.slice();
  const ink = box.ink.slice();
  const middle = (mark: UnitMark) => (mark.left + mark.right) / 2;
  const at = (x: number) => Math.round((x - left) * scale);
  const sums = windowSums(box.rows);
  const slack = Math.round(BAND_SLACK * PITCH_PX);
  const band = PITCH_PX;
  let best = -1;
  let bestAt = 0;
  for (let y = 0; y < sums.length; y++) {
    if (near !== undefined && Math.abs(y - near) > slack) continue;
    if ((sums[y] as number) > best) {
      best = sums[y] as number;
      bestAt = y;
    }
  }
  if (best < PITCH_PX * 0.5) return undefined;
  // Digits printed above or below their unit's row are read without the unit: the unit's glyph, standing higher or
  // lower than them, is painted out (read together, neither is read well).
  const unitRow = ((unit.unit === "" ? row.centerY : unit.centerY) - top) * scale;
  const offset = (bestAt + band / 2 - unitRow) / PITCH_PX;
  if (Math.abs(offset) > OFF_ROW)
    paintGlyphsAt(ink, grey, width, height, at(unit.left), [bestAt, bestAt + band]);
  const pad = Math.round(PITCH_PX * 0.25);
  const y0 = Math.max(0, bestAt - pad);
  const y1 = Math.min(height, bestAt + band + pad);
  const columns = new Uint32Array(width);
  for (let y = bestAt; y < bestAt + band; y++)
    for (let x = 0; x < width; x++) columns[x] = (columns[x] as number) + (ink[y * width + x] as number);
  // The groups of ink between the units' glyphs: past the unit before's middle, up to the box's own unit (kept on
  // the row: read with its unit, a box's digits are placed surely); a group under a unit, of the next box's digits
  // printed off the row, is left out.
  const from = before === undefined ? Number.NEGATIVE_INFINITY : at(middle(before) + row.pitch * UNIT_HALF);
  const to = at(middle(unit) + row.pitch * UNIT_HALF);
  let x0 = width;
  let x1 = -1;
  for (const [start, end] of inkGroups(columns, Math.round(GROUP_GAP * PITCH_PX))) {
    const centre = (start + end) / 2;
    if (centre <= from || centre > to) continue;
    x0 = Math.min(x0, start);
    x1 = Math.max(x1, end);
  }
  if (x1 < x0) return undefined;
  return {
    ...cropped(grey, width, [Math.max(0, x0 - pad), y0, Math.min(width - 1, x1 + pad), y1], [x0, x1]),
    offset,
  };
}

/** Digits whose band's middle stands this many pitches off their unit's row are read without the unit. */
const OFF_ROW = 0.3;
/** A group of ink across this many pitches of the digits' band holds a digit. */
const TOUCHING = 0.5;
/** A group of ink with at least this share of its rows within the digits' band is of the digits. */
const IN_BAND = 0.7;

/**
 * Paints out the unit's glyph, printed off the digits' band `[bandTop, bandBottom)`: the groups of connected ink
 * whose middle stands right of the glyph's left edge (less a little) and most of whose rows lie off the band; of a
 * group that also reaches into the band (a digit touching the glyph), only its ink off the band.
 */
function paintGlyphsAt(
  ink: Uint8Array,
  grey: Uint8Array,
  width: number,
  height: number,
  unitLeft: number,
  [bandTop, bandBottom]: readonly [number, number],
): void {
  const paper = grey.slice().sort()[Math.floor(grey.length * 0.9)] as number;
  const seen = new Uint8Array(width * height);
  for (let start = 0; start < ink.length; start++) {
    if (ink[start] !== 1 || seen[start] === 1) continue;
    const pixels: number[] = [start];
    seen[start] = 1;
    for (let k = 0; k < pixels.length; k++) {
      const p = pixels[k] as number;
      const x = p % width;
      const y = (p - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const u = x + dx;
          const v = y + dy;
          if (u < 0 || v < 0 || u >= width || v >= height) continue;
          const q = v * width + u;
          if (ink[q] === 1 && seen[q] === 0) {
            seen[q] = 1;
            pixels.push(q);
          }
        }
      }
    }
    let x0 = width;
    let x1 = -1;
    let y0 = height;
    let y1 = -1;
    for (const p of pixels) {
      const x = p % width;
      const y = (p - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    const inBand = Math.max(0, Math.min(y1 + 1, bandBottom) - Math.max(y0, bandTop));
    if ((x0 + x1) / 2 < unitLeft - PITCH_PX * 0.1 || inBand >= IN_BAND * (y1 - y0 + 1)) continue;
    // Reaching across half the band, the group holds a digit touching the glyph: only its ink off the band goes.
    const touching = inBand >= PITCH_PX * TOUCHING;
    for (const p of pixels) {
      const y = Math.floor(p / width);
      if (touching && y >= bandTop && y < bandBottom) continue;
      ink[p] = 0;
      grey[p] = paper;
    }
  }
}

/** Paints the box `[left, top, right, bottom)` as paper: the grey image's 90th percentile, no ink. */
function paintOut(
  grey: Uint8Array,
  ink: Uint8Array,
  width: number,
  [left, top, right, bottom]: readonly [number, number, number, number],
): void {
  const paper = grey.slice().sort()[Math.floor(grey.length * 0.9)] as number;
  const height = grey.length / width;
  for (let y = Math.max(0, top); y < Math.min(height, bottom); y++) {
    for (let x = Math.max(0, left); x < Math.min(width, right); x++) {
      grey[y * width + x] = paper;
      ink[y * width + x] = 0;
    }
  }
}

/** A group of ink whose middle lies within this many pitches of a unit's middle is the unit's glyph. */
const UNIT_HALF = 0.35;
/** Inked columns less than this many pitches apart are one group (the digits of one box). */
const GROUP_GAP = 0.3;

/** The runs of inked columns, `[first, last]`, gaps narrower than `gap` bridged. */
function inkGroups(columns: Uint32Array, gap: number): [number, number][] {
  const groups: [number, number][] = [];
  for (let x = 0; x < columns.length; x++) {
    if (columns[x] === 0) continue;
    const last = groups[groups.length - 1];
    if (last !== undefined && x - last[1] <= gap) last[1] = x;
    else groups.push([x, x]);
  }
  return groups;
}

/**
 * The crop `[left, top, right, bottom)` of a grey image, the columns outside `[first, last]` (a neighbour's ink in
 * the margin) painted as paper, its contrast stretched to black on white.
 */
function cropped(
  grey: Uint8Array,
  width: number,
  [left, top, right, bottom]: readonly [number, number, number, number],
  [first, last]: readonly [number, number],
): RawImage {
  const w = right - left + 1;
  const h = bottom - top;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    data.set(grey.subarray((top + y) * width + left, (top + y) * width + left + w), y * w);
  const sorted = data.slice().sort();
  const paper = sorted[Math.floor(data.length * 0.9)] as number;
  const dark = sorted[Math.floor(data.length * STRETCH_DARK)] as number;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) if (left + x < first || left + x > last) data[y * w + x] = paper;
  }
  // Stretched from its darkest ink to its paper (a grey copy, a dim photo read as well as black on white).
  const range = Math.max(1, paper - dark);
  for (let p = 0; p < data.length; p++)
    data[p] = Math.max(0, Math.min(255, Math.round((((data[p] as number) - dark) * 255) / range)));
  return { width: w, height: h, channels: 1, data };
}

export function toGrey(image: RawImage): RawImage {
  if (image.channels === 1) return image;
  const data = new Uint8Array(image.width * image.height);
  const c = image.channels;
  for (let p = 0; p < data.length; p++) {
    data[p] = Math.round(
      ((image.data[p * c] as number) +
        (image.data[p * c + 1] as number) +
        (image.data[p * c + 2] as number)) /
        3,
    );
  }
  return { width: image.width, height: image.height, channels: 1, data };
}

/**
 * Paints out, with the paper's grey, the boxes' edges and the underlines of a crop at {@link PITCH_PX}: runs of
 * ink at least a pitch long across (0.95 down), followed through a pixel's step where a ruling lies askew, painted
 * only where no thicker than a ruling, so a digit's stroke crossing one is kept. With `mendStrokes`, a ruling's
 * thickness is measured on the crop (a digit's stroke along it is thicker), a vertical run shorter than a long
 * ruling is an edge only between two horizontal ones (a box's corners; a tall 1 is not), and a vertical ruling is
 * kept along the stretch where a digit's ink touches it. Returns the grey pixels and the ink left (1 where ink);
 * `undefined` when the crop holds no contrast worth reading.
 */
export function withoutRulings(
  crop: RawImage,
  { mendStrokes = false }: { mendStrokes?: boolean } = {},
): { grey: Uint8Array; ink: Uint8Array } | undefined {
  const { width, height } = crop;
  const grey = crop.data.slice();
  const sorted = Uint8Array.from(grey).sort();
  const paper = sorted[Math.floor(sorted.length * 0.9)] as number;
  const dark = sorted[Math.floor(sorted.length * 0.005)] as number;
  if (paper - dark < MIN_CONTRAST) return undefined;
  const threshold = paper - INK_SHARE * (paper - dark);
  const ink = new Uint8Array(width * height);
  for (let p = 0; p < ink.length; p++) ink[p] = (grey[p] as number) < threshold ? 1 : 0;
  const faint = paper - RULING_INK_SHARE * (paper - dark);
  const line = new Uint8Array(width * height);
  for (let p = 0; p < line.length; p++) line[p] = (grey[p] as number) < faint ? 1 : 0;
  // A ruling a little askew steps a pixel up or down: runs are followed through the rows next to them.
  const near = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      near[p] =
        line[p] === 1 || (y > 0 && line[p - width] === 1) || (y + 1 < height && line[p + width] === 1)
          ? 1
          : 0;
    }
  }
  const nearColumns = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      nearColumns[p] =
        line[p] === 1 || (x > 0 && line[p - 1] === 1) || (x + 1 < width && line[p + 1] === 1) ? 1 : 0;
    }
  }
  const ruling = new Uint8Array(width * height);
  // A ruling's pixel is painted only where the ink across it is no thicker than a ruling: a digit's stroke crossing
  // it is kept.
  const thickness = Math.round(PITCH_PX * MAX_RULING_THICKNESS);
  const across = (x: number, y: number, dx: number, dy: number): number => {
    let run = 1;
    for (const sign of [-1, 1]) {
      let u = x + sign * dx;
      let v = y + sign * dy;
      while (u >= 0 && v >= 0 && u < width && v < height && line[v * width + u] === 1 && run <= thickness) {
        run++;
        u += sign * dx;
        v += sign * dy;
      }
    }
    return run;
  };
  const markRuns = (
    count: number,
    length: number,
    minimum: number,
    at: (i: number, t: number) => number,
    mark: number,
    mask: Uint8Array,
    accept?: (i: number, first: number, last: number) => boolean,
  ) => {
    for (let i = 0; i < count; i++) {
      let start = -1;
      for (let t = 0; t <= length; t++) {
        const on = t < length && mask[at(i, t)] === 1;
        if (on && start === -1) start = t;
        if (!on && start !== -1) {
          if (t - start >= minimum && (accept === undefined || accept(i, start, t - 1))) {
            for (let s = start; s < t; s++) {
              const p = at(i, s);
              if (line[p] === 1) ruling[p] = (ruling[p] as number) | mark;
            }
          }
          start = -1;
        }
      }
    }
  };
  markRuns(height, width, Math.round(PITCH_PX * 1.0), (y, x) => y * width + x, HORIZONTAL, near);
  // With strokes mended, a vertical run shorter than a long ruling is a box's edge only where it meets a
  // horizontal ruling at both ends (a box's corners): a tall digit's stem (a 1) meets one at most, crossing it.
  const cornered = (x: number, first: number, last: number): boolean => {
    if (last - first + 1 >= Math.round(PITCH_PX * LONG_RULING)) return true;
    const near = Math.round(PITCH_PX * CORNER_REACH);
    return [first, last].every((end) => {
      for (let y = Math.max(0, end - near); y <= Math.min(height - 1, end + near); y++)
        for (let u = Math.max(0, x - near); u <= Math.min(width - 1, x + near); u++)
          if (((ruling[y * width + u] as number) & HORIZONTAL) !== 0) return true;
      return false;
    });
  };
  markRuns(
    width,
    height,
    Math.round(PITCH_PX * 0.95),
    (x, y) => y * width + x,
    VERTICAL,
    nearColumns,
    mendStrokes ? cornered : undefined,
  );
  // With strokes mended, a ruling is as thick as most of its pixels find it across (a digit's stroke along or
  // over it, thicker there, is kept); else up to `thickness`.
  const limits = mendStrokes
    ? {
        [HORIZONTAL]: rulingThickness(ruling, HORIZONTAL, (x, y) => across(x, y, 0, 1), width, thickness),
        [VERTICAL]: rulingThickness(ruling, VERTICAL, (x, y) => across(x, y, 1, 0), width, thickness),
      }
    : { [HORIZONTAL]: thickness, [VERTICAL]: thickness };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (!ruling[p]) continue;
      // Along a horizontal ruling, the ink runs up and down no more than its thickness; along a vertical, across.
      const kind = ruling[p] as number;
      const thin =
        ((kind & HORIZONTAL) !== 0 && across(x, y, 0, 1) <= limits[HORIZONTAL]) ||
        ((kind & VERTICAL) !== 0 && across(x, y, 1, 0) <= limits[VERTICAL]);
      if (!thin) ruling[p] = 0;
    }
  }
  if (mendStrokes) keepRulingsThroughStrokes(ruling, ink, width, height);
  for (let p = 0; p < ruling.length; p++) {
    if (!ruling[p]) continue;
    ink[p] = 0;
    grey[p] = paper;
  }
  return { grey, ink };
}

/** A vertical run this many pitches long is a ruling wherever it ends. */
const LONG_RULING = 1.5;
/** How near a vertical run's ends, in pitches, horizontal rulings make a box's corners. */
const CORNER_REACH = 0.1;

/** How close to a vertical ruling, in pitches, ink beside it touches it. */
const TOUCH_REACH = 0.12;
/** Rows touched less than this many pitches apart are one stroke's. */
const TOUCH_GAP = 0.35;

/**
 * Unmarks, on each column of a vertical ruling, the stretch where ink beside it touches it (a digit printed over
 * its box's edge: its stroke running along the ruling cannot be told from it, and painting the ruling out would cut
 * the digit in two). The ruling stays there, as part of the digit.
 */
function keepRulingsThroughStrokes(ruling: Uint8Array, ink: Uint8Array, width: number, height: number): void {
  const reach = Math.max(2, Math.round(PITCH_PX * TOUCH_REACH));
  const gap = Math.round(PITCH_PX * TOUCH_GAP);
  const isRuling = (x: number, y: number) => ((ruling[y * width + x] as number) & VERTICAL) !== 0;
  const inkBeside = (x: number, y: number, dx: number): boolean => {
    let u = x;
    while (u >= 0 && u < width && ruling[y * width + u] !== 0) u += dx;
    for (let t = 0; t < reach && u >= 0 && u < width; t++, u += dx) if (ink[y * width + u] === 1) return true;
    return false;
  };
  for (let x = 0; x < width; x++) {
    let first = -1;
    let last = -1;
    const keep = () => {
      for (let y = first; y <= last; y++) if (isRuling(x, y)) ruling[y * width + x] = 0;
    };
    for (let y = 0; y < height; y++) {
      if (!isRuling(x, y) || !(inkBeside(x, y, -1) || inkBeside(x, y, 1))) continue;
      if (first !== -1 && y - last > gap) keep();
      if (first === -1 || y - last > gap) first = y;
      last = y;
    }
    if (first !== -1) keep();
  }
}

/** A ruling's pixel is painted where ink across it is at most this many pixels thicker than the ruling's usual. */
const THICKNESS_SLACK = 1;

/** The share of a ruling's pixels whose ink across is at most the ruling's thickness. */
const THICKNESS_SHARE = 0.3;

/**
 * The thickness of a crop's rulings of one direction: the ink's run across them that {@link THICKNESS_SHARE} of
 * their pixels do not exceed (much of a ruling's length crosses nothing; a digit's stroke along it, marked with it,
 * is thicker), a little slack added, at most `most`.
 */
function rulingThickness(
  ruling: Uint8Array,
  kind: number,
  across: (x: number, y: number) => number,
  width: number,
  most: number,
): number {
  const counts = new Uint32Array(most + 2);
  let total = 0;
  for (let p = 0; p < ruling.length; p++) {
    if (((ruling[p] as number) & kind) === 0) continue;
    const run = Math.min(most + 1, across(p % width, Math.floor(p / width)));
    counts[run] = (counts[run] as number) + 1;
    total++;
  }
  if (total === 0) return most;
  let seen = 0;
  for (let run = 0; run < counts.length; run++) {
    seen += counts[run] as number;
    if (seen >= total * THICKNESS_SHARE) return Math.min(most, run + THICKNESS_SLACK);
  }
  return most;
}

/** Below this contrast (grey levels) a crop holds no ink worth reading. */
const MIN_CONTRAST = 40;
/** A pixel darker than the paper by this share of the paper-to-ink contrast is ink (faint print included). */
const INK_SHARE = 0.3;
/** Rulings, thin and often fainter than the digits, are followed at this lighter share. */
const RULING_INK_SHARE = 0.2;
const HORIZONTAL = 1;
const VERTICAL = 2;
/** A ruling is at most this many pitches thick. */
const MAX_RULING_THICKNESS = 0.25;

/**
 * Reads grey crops in one recogniser call: laid out apart, one under the other, on one image. One line per crop,
 * in order.
 */
export async function readCropsAtOnce(engine: TextEngine, crops: readonly RawImage[]): Promise<TextLine[]> {
  const gap = 16;
  const width = Math.max(...crops.map((crop) => crop.width)) + 2 * gap;
  const height = crops.reduce((sum, crop) => sum + crop.height + gap, gap);
  const data = new Uint8Array(width * height).fill(255);
  const quads: Quad[] = [];
  let top = gap;
  for (const crop of crops) {
    for (let y = 0; y < crop.height; y++)
      data.set(crop.data.subarray(y * crop.width, (y + 1) * crop.width), (top + y) * width + gap);
    quads.push([
      { x: gap, y: top },
      { x: gap + crop.width, y: top },
      { x: gap + crop.width, y: top + crop.height },
      { x: gap, y: top + crop.height },
    ]);
    top += crop.height + gap;
  }
  return engine.recognize({ width, height, channels: 1, data }, quads);
}
