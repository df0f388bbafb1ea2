import type { Point, Quad } from "../types.ts";

/** A 3×3 projective transform, row-major, with `h[8]` normalised to 1. */
export type Homography = Float64Array;

/**
 * Computes the homography that maps each corner of `from` onto the same corner of `to`.
 * Returns `undefined` when the corners are degenerate (three of them on one line), which a caller should treat as
 * "no usable box" rather than an error.
 *
 * @example
 * const h = computeHomography(cropCorners, lineQuad); // crop pixel → image pixel
 * const p = applyHomography(h, 0, 0);
 */
export function computeHomography(from: Quad, to: Quad): Homography | undefined {
  // Eight unknowns h0..h7 (h8 = 1); each correspondence gives two rows of the linear system.
  const system: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = to[i] as Point;
    system.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    system.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const solution = solveLinearSystem(system);
  if (!solution) return undefined;
  const h = new Float64Array(9);
  h.set(solution);
  h[8] = 1;
  return h;
}

/** Maps one point through a homography. */
export function applyHomography(h: Homography, x: number, y: number): Point {
  const w = (h[6] as number) * x + (h[7] as number) * y + (h[8] as number);
  return {
    x: ((h[0] as number) * x + (h[1] as number) * y + (h[2] as number)) / w,
    y: ((h[3] as number) * x + (h[4] as number) * y + (h[5] as number)) / w,
  };
}

/**
 * Solves an augmented n×(n+1) system by Gaussian elimination with partial pivoting (n is 8 here, so a general
 * solver library would be overkill). Returns `undefined` for a singular system.
 */
function solveLinearSystem(rows: number[][]): number[] | undefined {
  const n = rows.length;
  const a = rows.map((row) => row.slice());
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(at(a, r, col)) > Math.abs(at(a, pivot, col))) pivot = r;
    }
    if (Math.abs(at(a, pivot, col)) < 1e-12) return undefined;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const pivotRow = a[col] as number[];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const factor = (row[col] as number) / (pivotRow[col] as number);
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - factor * (pivotRow[c] as number);
    }
  }
  return a.map((row, i) => (row[n] as number) / (row[i] as number));
}

function at(a: number[][], r: number, c: number): number {
  return (a[r] as number[])[c] as number;
}
