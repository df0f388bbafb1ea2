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
  const morphology = new Morphology(width, height);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = (plane.data[i] as number) > threshold ? 1 : 0;
  morphology.apply(mask, radius, DILATE);
  morphology.apply(mask, radius, ERODE);
  fillHoles(mask, width, height);
  morphology.apply(mask, radius + 1, ERODE);
  morphology.apply(mask, radius + 1, DILATE);
  return largestComponent(mask, width, height);
}

/** Which morphology {@link Morphology.apply} does: set where the window holds any 1, or only 1s. */
const DILATE = 1;
const ERODE = 0;

/**
 * Square dilation and erosion in place, separable: a row pass then a column pass, each a running count of the 1s in
 * the window. Only pixels inside the image count, so for erosion the outside counts as inside the mask. Scratch
 * buffers are kept between calls.
 */
class Morphology {
  readonly #width: number;
  readonly #height: number;
  readonly #rows: Uint8Array;
  readonly #counts: Int32Array;

  constructor(width: number, height: number) {
    this.#width = width;
    this.#height = height;
    this.#rows = new Uint8Array(width * height);
    this.#counts = new Int32Array(width);
  }

  /** Sets each pixel to whether its window holds a 1 (dilation) or holds only 1s (erosion). */
  apply(mask: Uint8Array, radius: number, kind: number): void {
    const width = this.#width;
    const height = this.#height;
    const rows = this.#rows;
    const counts = this.#counts;
    // Both passes count the 1s in the window (inside the image); a window of `size` pixels erodes to 1 iff all are.
    for (let y = 0; y < height; y++) {
      windowPass(mask, rows, y * width, width, radius, kind);
    }
    counts.fill(0);
    for (let y = 0; y < Math.min(radius, height); y++) {
      const start = y * width;
      for (let x = 0; x < width; x++) counts[x] = (counts[x] as number) + (rows[start + x] as number);
    }
    // One pass per row: the row entering the window is added, the one leaving it taken away, the pixel set. The
    // rows whose window lies whole inside the image (the most) are set in a loop of their own.
    const wholeFrom = Math.min(height, radius + 1);
    const wholeTo = Math.max(wholeFrom, height - radius);
    for (let y = 0; y < height; y++) {
      const start = y * width;
      if (y === wholeFrom && wholeTo > wholeFrom) {
        if (kind === DILATE) dilateRows(mask, rows, counts, width, radius, wholeFrom, wholeTo);
        else erodeRows(mask, rows, counts, width, radius, wholeFrom, wholeTo);
        y = wholeTo - 1;
        continue;
      }
      const entering = y + radius < height ? (y + radius) * width : -1;
      const leaving = y > radius ? (y - radius - 1) * width : -1;
      const size = Math.min(y + radius, height - 1) - Math.max(y - radius, 0) + 1;
      for (let x = 0; x < width; x++) {
        let count = counts[x] as number;
        if (entering >= 0) count += rows[entering + x] as number;
        if (leaving >= 0) count -= rows[leaving + x] as number;
        counts[x] = count;
        mask[start + x] = (kind === DILATE ? count > 0 : count === size) ? 1 : 0;
      }
    }
  }
}

/**
 * The column pass of a dilation over rows [from, to), where each window holds `2 · radius + 1` rows of the image:
 * the row entering is added to each column's count, the row leaving taken away.
 */
function dilateRows(
  mask: Uint8Array,
  rows: Uint8Array,
  counts: Int32Array,
  width: number,
  radius: number,
  from: number,
  to: number,
): void {
  for (let y = from; y < to; y++) {
    const start = y * width;
    const entering = (y + radius) * width;
    const leaving = (y - radius - 1) * width;
    for (let x = 0; x < width; x++) {
      const count = (counts[x] as number) + (rows[entering + x] as number) - (rows[leaving + x] as number);
      counts[x] = count;
      mask[start + x] = count > 0 ? 1 : 0;
    }
  }
}

/** {@link dilateRows} for an erosion: set where the window holds only 1s. */
function erodeRows(
  mask: Uint8Array,
  rows: Uint8Array,
  counts: Int32Array,
  width: number,
  radius: number,
  from: number,
  to: number,
): void {
  const full = 2 * radius + 1;
  for (let y = from; y < to; y++) {
    const start = y * width;
    const entering = (y + radius) * width;
    const leaving = (y - radius - 1) * width;
    for (let x = 0; x < width; x++) {
      const count = (counts[x] as number) + (rows[entering + x] as number) - (rows[leaving + x] as number);
      counts[x] = count;
      mask[start + x] = count === full ? 1 : 0;
    }
  }
}

/** One row of {@link Morphology.apply}'s first pass: `input[start..start+length)` windowed into `out`. */
function windowPass(
  input: Uint8Array,
  out: Uint8Array,
  start: number,
  length: number,
  radius: number,
  kind: number,
): void {
  let count = 0;
  for (let i = 0; i < Math.min(radius, length); i++) count += input[start + i] as number;
  // Three stretches: the window growing into the row, whole inside it, and running out of it.
  const whole = Math.min(radius + 1, length);
  const shrinking = Math.max(whole, length - radius);
  for (let i = 0; i < whole; i++) {
    if (i + radius < length) count += input[start + i + radius] as number;
    const size = Math.min(i + radius, length - 1) + 1;
    out[start + i] = (kind === DILATE ? count > 0 : count === size) ? 1 : 0;
  }
  const full = 2 * radius + 1;
  if (kind === DILATE) {
    for (let i = whole; i < shrinking; i++) {
      count += (input[start + i + radius] as number) - (input[start + i - radius - 1] as number);
      out[start + i] = count > 0 ? 1 : 0;
    }
  } else {
    for (let i = whole; i < shrinking; i++) {
      count += (input[start + i + radius] as number) - (input[start + i - radius - 1] as number);
      out[start + i] = count === full ? 1 : 0;
    }
  }
  for (let i = shrinking; i < length; i++) {
    if (i + radius < length) count += input[start + i + radius] as number;
    count -= input[start + i - radius - 1] as number;
    const size = length - 1 - (i - radius) + 1;
    out[start + i] = (kind === DILATE ? count > 0 : count === size) ? 1 : 0;
  }
}

/**
 * Sets every 0-pixel that cannot reach the image border through 0-pixels (4-connected): text, seals and pictures
 * on the page. A hole that spans most of the frame both ways is left open: it is a dark ring (a booklet's cover, a
 * scanner lid's shadow) between the page and a light surround, and filling it would merge the two.
 */
function fillHoles(mask: Uint8Array, width: number, height: number): void {
  const runs = runComponents(mask, width, height, 0);
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
    if (ring) continue;
    const base = (row[k] as number) * width;
    mask.fill(1, base + (start[k] as number), base + (end[k] as number));
  }
}

/** The largest 4-connected component of the mask, as its own mask (the first found of equal largest ones). */
function largestComponent(mask: Uint8Array, width: number, height: number): PaperRegion {
  const { count, row, start, end, root } = runComponents(mask, width, height, 1);
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
function runComponents(mask: Uint8Array, width: number, height: number, value: number): Runs {
  let capacity = 4 * height + 16;
  let row = new Int32Array(capacity);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  const rowFirst = new Int32Array(height + 1);
  let count = 0;
  for (let y = 0; y < height; y++) {
    rowFirst[y] = count;
    const base = y * width;
    let x = 0;
    while (x < width) {
      while (x < width && mask[base + x] !== value) x++;
      if (x >= width) break;
      const from = x;
      while (x < width && mask[base + x] === value) x++;
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
