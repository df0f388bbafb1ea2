import type { Plane } from "./working-planes.ts";

/** One connected light region of the working image: a candidate sheet of paper. */
export interface PaperRegion {
  width: number;
  height: number;
  /** 1 inside the region, 0 elsewhere; row-major, `width × height`. */
  mask: Uint8Array;
  /** Number of pixels inside. */
  area: number;
}

/**
 * Segments the largest light region of a plane: pixels above `threshold`, closed so text strokes do not cut the
 * page, holes filled (text, photos and seals inside the page are paper too), then opened so a thin light bridge to a
 * light background does not join them into one region.
 *
 * @param radius structuring element half-size in working pixels (scale with the working size).
 */
export function segmentPaper(plane: Plane, threshold: number, radius: number): PaperRegion {
  const { width, height } = plane;
  const mask = new BitMask(width, height);
  mask.threshold(plane.data, threshold);
  mask.apply(radius, DILATE);
  mask.apply(radius, ERODE);
  fillHoles(mask);
  mask.apply(radius + 1, ERODE);
  mask.apply(radius + 1, DILATE);
  return largestComponent(mask);
}

/** Which morphology {@link BitMask.apply} does: set where the window holds any 1, or only 1s. */
const DILATE = 1;
const ERODE = 0;

/** Pixels per word of a {@link BitMask} row. */
const BITS = 32;

/**
 * A binary image packed 32 pixels to a word (pixel x of a row is bit x % 32 of word x / 32), with square dilation
 * and erosion done a word at a time. Bits past the row's end are kept 0.
 */
class BitMask {
  readonly width: number;
  readonly height: number;
  /** Words per row. */
  readonly words: number;
  bits: Int32Array;
  #scratch: Int32Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.words = Math.ceil(width / BITS);
    this.bits = new Int32Array(this.words * height);
    this.#scratch = new Int32Array(this.words * height);
  }

  /** Sets the pixels of `data` above `threshold`. */
  threshold(data: Uint8Array, threshold: number): void {
    const { width, height, words, bits } = this;
    for (let y = 0; y < height; y++) {
      const base = y * width;
      const row = y * words;
      for (let x = 0; x < width; x++) {
        const at = row + (x >>> 5);
        if ((data[base + x] as number) > threshold) bits[at] = (bits[at] as number) | (1 << (x & 31));
      }
    }
  }

  /** The last word's bits that lie inside the row. */
  get lastWordMask(): number {
    const used = this.width - (this.words - 1) * BITS;
    return used === BITS ? -1 : (1 << used) - 1;
  }

  /**
   * Sets each pixel to whether its (2·radius + 1)² window holds a 1 (dilation) or holds only 1s (erosion); only
   * pixels inside the image count, so for erosion the outside counts as inside the mask. Rows first, then columns.
   */
  apply(radius: number, kind: number): void {
    for (let left = radius; left > 0; left -= BITS - 1) this.#rows(Math.min(left, BITS - 1), kind);
    this.#columns(radius, kind);
  }

  /** The row pass of {@link apply} for a radius below 32. */
  #rows(radius: number, kind: number): void {
    const { height, words } = this;
    const source = this.bits;
    const out = this.#scratch;
    const last = this.lastWordMask;
    // Outside the row: 0 for a dilation, 1 for an erosion (so it never clears a pixel).
    const outside = kind === DILATE ? 0 : -1;
    for (let y = 0; y < height; y++) {
      const row = y * words;
      for (let j = 0; j < words; j++) {
        let word = source[row + j] as number;
        if (j === words - 1 && kind === ERODE) word |= ~last;
        const previous = j > 0 ? (source[row + j - 1] as number) : outside;
        let next = j < words - 1 ? (source[row + j + 1] as number) : outside;
        if (j + 1 === words - 1 && kind === ERODE) next |= ~last;
        let result = word;
        for (let d = 1; d <= radius; d++) {
          // Pixel x + d (bits from the next word) and pixel x − d (bits from the previous one).
          const ahead = (word >>> d) | (next << (BITS - d));
          const behind = (word << d) | (previous >>> (BITS - d));
          result = kind === DILATE ? result | ahead | behind : result & ahead & behind;
        }
        out[row + j] = j === words - 1 ? result & last : result;
      }
    }
    this.#scratch = source;
    this.bits = out;
  }

  /** The column pass of {@link apply}. */
  #columns(radius: number, kind: number): void {
    const { height, words } = this;
    const source = this.bits;
    const out = this.#scratch;
    for (let y = 0; y < height; y++) {
      const from = Math.max(0, y - radius);
      const to = Math.min(height - 1, y + radius);
      for (let j = 0; j < words; j++) {
        let result = source[from * words + j] as number;
        for (let v = from + 1; v <= to; v++) {
          const word = source[v * words + j] as number;
          result = kind === DILATE ? result | word : result & word;
        }
        out[y * words + j] = result;
      }
    }
    this.#scratch = source;
    this.bits = out;
  }

  /** Sets the pixels [from, to) of row y. */
  fill(y: number, from: number, to: number): void {
    const row = y * this.words;
    for (let x = from; x < to; ) {
      const bit = x & 31;
      const span = Math.min(BITS - bit, to - x);
      const ones = span === BITS ? -1 : ((1 << span) - 1) << bit;
      const at = row + (x >>> 5);
      this.bits[at] = (this.bits[at] as number) | ones;
      x += span;
    }
  }
}

/**
 * Sets every 0-pixel that cannot reach the image border through 0-pixels (4-connected): text, seals and pictures
 * on the page. A hole that spans most of the frame both ways is left open: it is a dark ring (a booklet's cover, a
 * scanner lid's shadow) between the page and a light surround, and filling it would merge the two.
 */
function fillHoles(mask: BitMask): void {
  const { width, height } = mask;
  const runs = runComponents(mask, 0);
  const { count, row, start, end, root } = runs;
  // Per component (indexed by its root run): its bounds, and whether it reaches the border.
  const left = new Int32Array(count).fill(width);
  const right = new Int32Array(count).fill(-1);
  const top = new Int32Array(count).fill(height);
  const bottom = new Int32Array(count).fill(-1);
  const open = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const r = root[k] as number;
    const y = row[k] as number;
    const a = start[k] as number;
    const b = (end[k] as number) - 1;
    if (a < (left[r] as number)) left[r] = a;
    if (b > (right[r] as number)) right[r] = b;
    if (y < (top[r] as number)) top[r] = y;
    if (y > (bottom[r] as number)) bottom[r] = y;
    if (a === 0 || b === width - 1 || y === 0 || y === height - 1) open[r] = 1;
  }
  for (let k = 0; k < count; k++) {
    const r = root[k] as number;
    if (open[r] === 1) continue;
    const ring =
      (right[r] as number) - (left[r] as number) > 0.6 * width &&
      (bottom[r] as number) - (top[r] as number) > 0.6 * height;
    if (!ring) mask.fill(row[k] as number, start[k] as number, end[k] as number);
  }
}

/** The largest 4-connected component of the mask, as its own mask (the first found of equal largest ones). */
function largestComponent(mask: BitMask): PaperRegion {
  const { width, height } = mask;
  const { count, row, start, end, root } = runComponents(mask, 1);
  const area = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const r = root[k] as number;
    area[r] = (area[r] as number) + (end[k] as number) - (start[k] as number);
  }
  // Roots are each component's first run in scan order, so the first of equal areas is the first found.
  let best = -1;
  let bestArea = 0;
  for (let k = 0; k < count; k++) {
    if ((root[k] as number) === k && (area[k] as number) > bestArea) {
      best = k;
      bestArea = area[k] as number;
    }
  }
  const component = new Uint8Array(width * height);
  for (let k = 0; k < count; k++) {
    if ((root[k] as number) !== best) continue;
    const base = (row[k] as number) * width;
    component.fill(1, base + (start[k] as number), base + (end[k] as number));
  }
  return { width, height, mask: component, area: bestArea };
}

/** The runs of one value in a mask, row by row, each with the component it belongs to. */
interface Runs {
  count: number;
  /** Per run: its row, first column and the column after its last. */
  row: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Per run: the first run (in scan order) of its 4-connected component. */
  root: Int32Array;
}

/**
 * The horizontal runs of pixels equal to `value` and their 4-connected components: two runs on neighbouring rows
 * are joined when they share a column. Work goes by runs, not pixels, so a page's mask is labelled in one scan.
 */
function runComponents(mask: BitMask, value: number): Runs {
  const { width, height } = mask;
  let capacity = 4 * height + 16;
  let row = new Int32Array(capacity);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  const rowFirst = new Int32Array(height + 1);
  let count = 0;
  for (let y = 0; y < height; y++) {
    rowFirst[y] = count;
    const base = y * mask.words;
    let x = 0;
    while (x < width) {
      const from = nextPixel(mask, base, x, value);
      if (from >= width) break;
      x = nextPixel(mask, base, from, 1 - value);
      if (count === capacity) {
        capacity *= 2;
        row = grow(row, capacity);
        start = grow(start, capacity);
        end = grow(end, capacity);
      }
      row[count] = y;
      start[count] = from;
      end[count] = x;
      count++;
    }
  }
  rowFirst[height] = count;
  const parent = new Int32Array(count);
  for (let k = 0; k < count; k++) parent[k] = k;
  const find = (k: number): number => {
    let r = k;
    while ((parent[r] as number) !== r) r = parent[r] as number;
    while ((parent[k] as number) !== r) {
      const next = parent[k] as number;
      parent[k] = r;
      k = next;
    }
    return r;
  };
  for (let y = 1; y < height; y++) {
    // Runs of the row above and of this row overlapping in a column are one component (the smaller index leads).
    let a = rowFirst[y - 1] as number;
    const aEnd = rowFirst[y] as number;
    let b = aEnd;
    const bEnd = rowFirst[y + 1] as number;
    while (a < aEnd && b < bEnd) {
      if ((start[a] as number) < (end[b] as number) && (start[b] as number) < (end[a] as number)) {
        const ra = find(a);
        const rb = find(b);
        if (ra < rb) parent[rb] = ra;
        else if (rb < ra) parent[ra] = rb;
      }
      if ((end[a] as number) < (end[b] as number)) a++;
      else b++;
    }
  }
  const root = new Int32Array(count);
  for (let k = 0; k < count; k++) root[k] = find(k);
  return { count, row, start, end, root };
}

function grow(array: Int32Array<ArrayBuffer>, capacity: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(capacity);
  larger.set(array);
  return larger;
}

/** The first pixel at or after x on the row starting at word `base` that equals `value`; the width if none. */
function nextPixel(mask: BitMask, base: number, x: number, value: number): number {
  const { width, bits } = mask;
  while (x < width) {
    const j = x >>> 5;
    let word = bits[base + j] as number;
    if (value === 0) word = ~word;
    word &= -1 << (x & 31);
    if (word !== 0) return Math.min(width, j * BITS + 31 - Math.clz32(word & -word));
    x = (j + 1) * BITS;
  }
  return width;
}
