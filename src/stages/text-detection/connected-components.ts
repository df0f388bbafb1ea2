import type { Point } from "../../types.ts";

/** One 8-connected region of above-threshold pixels, reduced to what the box fit needs. */
export interface Component {
  /** The first and last pixel (pixel-index coordinates) of each horizontal run: enough for the convex hull. */
  outline: Point[];
  pixelCount: number;
  /** The sum of the map's values over the region's pixels (its mean is this over `pixelCount`). */
  valueSum: number;
  /** The region's horizontal runs, three numbers each: row, first and last pixel. */
  runs: number[];
}

/**
 * Finds the 8-connected regions of `values > threshold` in a row-major map. Works on horizontal runs with a
 * union-find over runs, so memory and time follow the number of runs, not pixels, and no label image is needed.
 */
export function findComponents(
  values: Float32Array,
  width: number,
  height: number,
  threshold: number,
): Component[] {
  const runs = collectRuns(values, width, height, threshold);
  const parent = new Int32Array(runs.count);
  for (let i = 0; i < runs.count; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  // Runs of consecutive rows touch (8-connected) when their x ranges overlap after widening by one pixel.
  let previousStart = 0;
  let previousEnd = 0;
  for (let row = 0; row < height; row++) {
    const start = runs.rowStart[row] as number;
    const end = runs.rowStart[row + 1] as number;
    let p = previousStart;
    for (let r = start; r < end; r++) {
      const x0 = (runs.x0[r] as number) - 1;
      const x1 = (runs.x1[r] as number) + 1;
      while (p < previousEnd && (runs.x1[p] as number) < x0) p++;
      for (let q = p; q < previousEnd && (runs.x0[q] as number) <= x1; q++) {
        const a = find(r);
        const b = find(q);
        if (a !== b) parent[a] = b;
      }
    }
    previousStart = start;
    previousEnd = end;
  }
  return gatherComponents(runs, find, values, width);
}

interface Runs {
  count: number;
  x0: Int32Array;
  x1: Int32Array;
  y: Int32Array;
  /** Index of the first run of each row; `rowStart[height]` is the total. */
  rowStart: Int32Array;
}

function collectRuns(values: Float32Array, width: number, height: number, threshold: number): Runs {
  let capacity = 1024;
  let x0 = new Int32Array(capacity);
  let x1 = new Int32Array(capacity);
  let y = new Int32Array(capacity);
  const rowStart = new Int32Array(height + 1);
  let count = 0;
  for (let row = 0; row < height; row++) {
    rowStart[row] = count;
    const base = row * width;
    let x = 0;
    while (x < width) {
      while (x < width && !((values[base + x] as number) > threshold)) x++;
      if (x >= width) break;
      const begin = x;
      while (x < width && (values[base + x] as number) > threshold) x++;
      if (count === capacity) {
        capacity *= 2;
        x0 = grow(x0, capacity);
        x1 = grow(x1, capacity);
        y = grow(y, capacity);
      }
      x0[count] = begin;
      x1[count] = x - 1;
      y[count] = row;
      count++;
    }
  }
  rowStart[height] = count;
  return { count, x0, x1, y, rowStart };
}

function gatherComponents(
  runs: Runs,
  find: (i: number) => number,
  values: Float32Array,
  width: number,
): Component[] {
  const byRoot = new Map<number, Component>();
  for (let r = 0; r < runs.count; r++) {
    const root = find(r);
    let component = byRoot.get(root);
    if (!component) {
      component = { outline: [], pixelCount: 0, valueSum: 0, runs: [] };
      byRoot.set(root, component);
    }
    const row = runs.y[r] as number;
    const left = runs.x0[r] as number;
    const right = runs.x1[r] as number;
    component.outline.push({ x: left, y: row });
    if (right !== left) component.outline.push({ x: right, y: row });
    component.pixelCount += right - left + 1;
    component.runs.push(row, left, right);
    const base = row * width;
    for (let x = left; x <= right; x++) component.valueSum += values[base + x] as number;
  }
  return [...byRoot.values()];
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
