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
  let mask: Uint8Array = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = (plane.data[i] as number) > threshold ? 1 : 0;
  mask = erode(dilate(mask, width, height, radius), width, height, radius);
  fillHoles(mask, width, height);
  mask = dilate(erode(mask, width, height, radius + 1), width, height, radius + 1);
  return largestComponent(mask, width, height);
}

/** Square dilation, separable: a row pass then a column pass, each a running count over the window. */
function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) windowAny(mask, rows, y * width, 1, width, radius);
  return columnsAny(rows, width, height, radius);
}

/** The column pass of {@link dilate}, swept row by row with one running count per column (cache-friendly). */
function columnsAny(input: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const counts = new Int32Array(width);
  const out = new Uint8Array(input.length);
  for (let y = 0; y < Math.min(radius, height); y++) {
    for (let x = 0; x < width; x++) counts[x] = (counts[x] as number) + (input[y * width + x] as number);
  }
  for (let y = 0; y < height; y++) {
    const entering = (y + radius) * width;
    const leaving = (y - radius - 1) * width;
    for (let x = 0; x < width; x++) {
      let count = counts[x] as number;
      if (y + radius < height) count += input[entering + x] as number;
      if (leaving >= 0) count -= input[leaving + x] as number;
      counts[x] = count;
      out[y * width + x] = count > 0 ? 1 : 0;
    }
  }
  return out;
}

/** Square erosion as the complement of dilating the complement; outside the image counts as inside the mask. */
function erode(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const inverse = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) inverse[i] = 1 - (mask[i] as number);
  const grown = dilate(inverse, width, height, radius);
  for (let i = 0; i < grown.length; i++) grown[i] = 1 - (grown[i] as number);
  return grown;
}

/** out[i] = 1 where any of the `2·radius + 1` values centred on i along one line is set. */
function windowAny(
  input: Uint8Array,
  out: Uint8Array,
  start: number,
  step: number,
  length: number,
  radius: number,
) {
  let count = 0;
  for (let i = 0; i < Math.min(radius, length); i++) count += input[start + i * step] as number;
  for (let i = 0; i < length; i++) {
    const entering = i + radius;
    const leaving = i - radius - 1;
    if (entering < length) count += input[start + entering * step] as number;
    if (leaving >= 0) count -= input[start + leaving * step] as number;
    out[start + i * step] = count > 0 ? 1 : 0;
  }
}

/**
 * Sets every 0-pixel that cannot reach the image border through 0-pixels (4-connected): text, seals and pictures
 * on the page. A hole that spans most of the frame both ways is left open: it is a dark ring (a booklet's cover, a
 * scanner lid's shadow) between the page and a light surround, and filling it would merge the two.
 */
function fillHoles(mask: Uint8Array, width: number, height: number): void {
  const seen = new Uint8Array(mask.length);
  const stack: number[] = [];
  const push = (i: number) => {
    if (mask[i] === 0 && seen[i] === 0) {
      seen[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < width; x++) {
    push(x);
    push((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    push(y * width);
    push(y * width + width - 1);
  }
  flood(stack, width, height, push);
  for (let seed = 0; seed < mask.length; seed++) {
    if (mask[seed] !== 0 || seen[seed] !== 0) continue;
    const hole: number[] = [];
    const box = { left: width, right: 0, top: height, bottom: 0 };
    push(seed);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      hole.push(i);
      const x = i % width;
      const y = (i - x) / width;
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      visitNeighbours(i, width, height, push);
    }
    const ring = box.right - box.left > 0.6 * width && box.bottom - box.top > 0.6 * height;
    if (!ring) for (const i of hole) mask[i] = 1;
  }
}

/** Pops pixels off `stack` and offers their 4 neighbours to `visit` until the stack is empty. */
function flood(stack: number[], width: number, height: number, visit: (i: number) => void): void {
  while (stack.length > 0) visitNeighbours(stack.pop() as number, width, height, visit);
}

function visitNeighbours(i: number, width: number, height: number, visit: (i: number) => void): void {
  const x = i % width;
  if (x > 0) visit(i - 1);
  if (x < width - 1) visit(i + 1);
  if (i >= width) visit(i - width);
  if (i < (height - 1) * width) visit(i + width);
}

/** The largest 4-connected component of the mask, as its own mask. */
function largestComponent(mask: Uint8Array, width: number, height: number): PaperRegion {
  const labels = new Int32Array(mask.length);
  let best = { label: 0, area: 0 };
  let next = 1;
  for (let seed = 0; seed < mask.length; seed++) {
    if (mask[seed] === 0 || labels[seed] !== 0) continue;
    const label = next++;
    let area = 1;
    const stack = [seed];
    labels[seed] = label;
    flood(stack, width, height, (i) => {
      if (mask[i] === 1 && labels[i] === 0) {
        labels[i] = label;
        area++;
        stack.push(i);
      }
    });
    if (area > best.area) best = { label, area };
  }
  const component = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) if (labels[i] === best.label && best.label !== 0) component[i] = 1;
  return { width, height, mask: component, area: best.area };
}
