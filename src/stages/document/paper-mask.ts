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
  fillHoles(mask, width, height, morphology.stack);
  morphology.apply(mask, radius + 1, ERODE);
  morphology.apply(mask, radius + 1, DILATE);
  return largestComponent(mask, width, height, morphology.stack);
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
  /** A pixel stack for the flood fills, shared so each fill allocates nothing. */
  readonly stack: Int32Array;

  constructor(width: number, height: number) {
    this.#width = width;
    this.#height = height;
    this.#rows = new Uint8Array(width * height);
    this.#counts = new Int32Array(width);
    this.stack = new Int32Array(width * height);
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
    // One pass per row: the row entering the window is added, the one leaving it taken away, the pixel set.
    for (let y = 0; y < height; y++) {
      const start = y * width;
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
function fillHoles(mask: Uint8Array, width: number, height: number, stack: Int32Array): void {
  const n = mask.length;
  // 1: a 0-pixel reached from the border; 2: a 0-pixel of a hole already filled or left open.
  const seen = new Uint8Array(n);
  let top = 0;
  const seed = (i: number) => {
    if (mask[i] === 0 && seen[i] === 0) {
      seen[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  floodZeros(mask, seen, width, stack, top, 1);
  for (let start = 0; start < n; start++) {
    if (mask[start] !== 0 || seen[start] !== 0) continue;
    // The hole's pixels are the stack's entries from 0 to its end: they are popped by index, never overwritten.
    seen[start] = 2;
    stack[0] = start;
    let end = 1;
    let left = width;
    let right = 0;
    let topRow = height;
    let bottom = 0;
    for (let k = 0; k < end; k++) {
      const i = stack[k] as number;
      const x = i % width;
      const y = (i - x) / width;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < topRow) topRow = y;
      if (y > bottom) bottom = y;
      if (x > 0 && mask[i - 1] === 0 && seen[i - 1] === 0) {
        seen[i - 1] = 2;
        stack[end++] = i - 1;
      }
      if (x < width - 1 && mask[i + 1] === 0 && seen[i + 1] === 0) {
        seen[i + 1] = 2;
        stack[end++] = i + 1;
      }
      if (i >= width && mask[i - width] === 0 && seen[i - width] === 0) {
        seen[i - width] = 2;
        stack[end++] = i - width;
      }
      if (i < n - width && mask[i + width] === 0 && seen[i + width] === 0) {
        seen[i + width] = 2;
        stack[end++] = i + width;
      }
    }
    const ring = right - left > 0.6 * width && bottom - topRow > 0.6 * height;
    if (!ring) for (let k = 0; k < end; k++) mask[stack[k] as number] = 1;
  }
}

/** Marks `mark` in `seen` on every 0-pixel of the mask 4-connected to the pixels on the stack (already marked). */
function floodZeros(
  mask: Uint8Array,
  seen: Uint8Array,
  width: number,
  stack: Int32Array,
  size: number,
  mark: number,
): void {
  const n = mask.length;
  let top = size;
  while (top > 0) {
    const i = stack[--top] as number;
    const x = i % width;
    if (x > 0 && mask[i - 1] === 0 && seen[i - 1] === 0) {
      seen[i - 1] = mark;
      stack[top++] = i - 1;
    }
    if (x < width - 1 && mask[i + 1] === 0 && seen[i + 1] === 0) {
      seen[i + 1] = mark;
      stack[top++] = i + 1;
    }
    if (i >= width && mask[i - width] === 0 && seen[i - width] === 0) {
      seen[i - width] = mark;
      stack[top++] = i - width;
    }
    if (i < n - width && mask[i + width] === 0 && seen[i + width] === 0) {
      seen[i + width] = mark;
      stack[top++] = i + width;
    }
  }
}

/** The largest 4-connected component of the mask, as its own mask (the first found of equal largest ones). */
function largestComponent(mask: Uint8Array, width: number, height: number, stack: Int32Array): PaperRegion {
  const n = width * height;
  const labels = new Int32Array(n);
  let bestLabel = 0;
  let bestArea = 0;
  let next = 1;
  for (let seed = 0; seed < n; seed++) {
    if (mask[seed] === 0 || labels[seed] !== 0) continue;
    const label = next++;
    let area = 1;
    labels[seed] = label;
    stack[0] = seed;
    let top = 1;
    while (top > 0) {
      const i = stack[--top] as number;
      const x = i % width;
      if (x > 0 && mask[i - 1] === 1 && labels[i - 1] === 0) {
        labels[i - 1] = label;
        area++;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && mask[i + 1] === 1 && labels[i + 1] === 0) {
        labels[i + 1] = label;
        area++;
        stack[top++] = i + 1;
      }
      if (i >= width && mask[i - width] === 1 && labels[i - width] === 0) {
        labels[i - width] = label;
        area++;
        stack[top++] = i - width;
      }
      if (i < n - width && mask[i + width] === 1 && labels[i + width] === 0) {
        labels[i + width] = label;
        area++;
        stack[top++] = i + width;
      }
    }
    if (area > bestArea) {
      bestLabel = label;
      bestArea = area;
    }
  }
  const component = new Uint8Array(n);
  if (bestLabel !== 0) for (let i = 0; i < n; i++) if (labels[i] === bestLabel) component[i] = 1;
  return { width, height, mask: component, area: bestArea };
}
