import type { Point } from "../../types.ts";
import type { InkMask, StampInk } from "./stamp-ink.ts";

/** A stamp found in a cell: its centre, size along its own axes and turn (radians), in the cell's pixels. */
export interface FoundStamp {
  center: Point;
  width: number;
  height: number;
  angle: number;
  /** Ink pixels of the stamp. */
  ink: number;
  /** Whether the stamp has a printed frame (three or four of its sides ruled). */
  framed: boolean;
}

/** Limits, in units of the printed text height `unit`, on what may be a name stamp. */
const MIN_SIDE = 0.9;
const MAX_SIDE = 4.5;
const MAX_ASPECT = 3;
/** Runs of dark ink longer than this (in units) are the form's rulings, not a stamp. */
const RULING_RUN = 2.8;
/** ... even across breaks this long. */
const RULING_BRIDGE = 0.15;
/** Blobs of ink smaller than this (in square units) are specks. */
const SPECK_AREA = 0.03;
/** Turns tried when straightening a stamp, radians either way, and the step. */
const MAX_TURN = (12 * Math.PI) / 180;
const TURN_STEP = Math.PI / 180;
/** A side of a framed stamp holds ink along at least this share of its length. */
const FRAMED_SIDE = 0.75;

/**
 * Finds the name stamp in a cell's ink mask: the ink is grown a little so a stamp's characters and frame join into
 * one blob, and the blob must be stamp-sized for the cell's text height `unit` (px), not much longer than wide, and
 * lie wholly inside the cell (a round seal's arc cut by the cell's edge is not a stamp). Dark ink must also be
 * framed (a signature is not), and the form's long rulings are removed from it first. Of several, the one with the
 * most ink wins. Returns undefined when there is none.
 */
export function findNameStamp(mask: InkMask, unit: number, ink: StampInk): FoundStamp | undefined {
  const lined =
    ink === "dark"
      ? withoutRulings(mask, Math.round(unit * RULING_RUN), Math.round(unit * RULING_BRIDGE), 1)
      : mask;
  const source = withoutSpecks(lined, Math.round(unit * unit * SPECK_AREA));
  const grown = dilate(source, Math.max(1, Math.round(unit * 0.12)));
  let best: FoundStamp | undefined;
  for (const blob of components(grown)) {
    const width = blob.right - blob.left + 1;
    const height = blob.bottom - blob.top + 1;
    if (Math.min(width, height) < unit * MIN_SIDE || Math.max(width, height) > unit * MAX_SIDE) continue;
    if (Math.max(width, height) > MAX_ASPECT * Math.min(width, height)) continue;
    if (blob.left === 0 || blob.top === 0 || blob.right === mask.width - 1 || blob.bottom === mask.height - 1)
      continue;
    const points = inkPoints(source, blob);
    if (points.length < unit * unit * 0.3) continue;
    const stamp = straighten(points);
    stamp.framed = isFramed(points, stamp);
    if (ink === "dark" && !stamp.framed) continue;
    if (best === undefined || stamp.ink > best.ink) best = stamp;
  }
  return best;
}

/**
 * Clears runs of ink longer than `run` px along rows and columns (the form's ruled lines), bridging breaks of up to
 * `bridge` px (a ruling printed faintly, or crossed by a stamp). A run may wander `slant` px across its line, so a
 * ruling a little off the cell's axes is found whole.
 */
export function withoutRulings(mask: InkMask, run: number, bridge = 0, slant = 0): InkMask {
  const { width, height } = mask;
  const data = mask.data.slice();
  const sweep = (count: number, length: number, at: (line: number, k: number) => number) => {
    const inkAt = (line: number, k: number) => {
      for (let d = -slant; d <= slant; d++) {
        const other = line + d;
        if (other >= 0 && other < count && mask.data[at(other, k)] === 1) return true;
      }
      return false;
    };
    for (let line = 0; line < count; line++) {
      let begin = -1;
      let lastInk = -1;
      for (let k = 0; k <= length; k++) {
        if (k < length && inkAt(line, k)) {
          if (begin < 0) begin = k;
          lastInk = k;
          continue;
        }
        if (begin >= 0 && (k === length || k - lastInk > bridge)) {
          if (lastInk + 1 - begin > run) {
            for (let d = -slant; d <= slant; d++) {
              const other = line + d;
              if (other < 0 || other >= count) continue;
              for (let j = begin; j <= lastInk; j++) data[at(other, j)] = 0;
            }
          }
          begin = -1;
        }
      }
    }
  };
  sweep(height, width, (y, x) => y * width + x);
  sweep(width, height, (x, y) => y * width + x);
  return { width, height, data };
}

/**
 * Clears blobs of fewer than `area` pixels (toner specks, paper texture), which would bridge a stamp to its
 * surroundings.
 */
export function withoutSpecks(mask: InkMask, area: number): InkMask {
  const data = mask.data.slice();
  for (const blob of components(mask)) {
    if (blob.pixels >= area) continue;
    for (let y = blob.top; y <= blob.bottom; y++) {
      for (let x = blob.left; x <= blob.right; x++) {
        const p = y * mask.width + x;
        if (blob.labels[p] === blob.id) data[p] = 0;
      }
    }
  }
  return { width: mask.width, height: mask.height, data };
}

/** Grows ink by `radius` px (a square neighbourhood; separable). */
export function dilate(mask: InkMask, radius: number): InkMask {
  const { width, height } = mask;
  const across = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let last = -Infinity;
    for (let x = 0; x < width; x++) {
      if (mask.data[y * width + x]) last = x;
      if (x - last <= radius) across[y * width + x] = 1;
    }
    last = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (mask.data[y * width + x]) last = x;
      if (last - x <= radius) across[y * width + x] = 1;
    }
  }
  const out = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) {
    let last = -Infinity;
    for (let y = 0; y < height; y++) {
      if (across[y * width + x]) last = y;
      if (y - last <= radius) out[y * width + x] = 1;
    }
    last = Infinity;
    for (let y = height - 1; y >= 0; y--) {
      if (across[y * width + x]) last = y;
      if (last - y <= radius) out[y * width + x] = 1;
    }
  }
  return { width, height, data: out };
}

interface Blob {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Label of the blob's pixels in `labels`. */
  id: number;
  pixels: number;
  labels: Int32Array;
}

/** The 8-connected blobs of a mask with their bounding boxes. */
function components(mask: InkMask): Blob[] {
  const { width, height, data } = mask;
  const labels = new Int32Array(width * height);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || labels[start]) continue;
    const id = blobs.length + 1;
    const blob: Blob = { left: width, top: height, right: -1, bottom: -1, id, labels, pixels: 0 };
    labels[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      blob.pixels++;
      const x = p % width;
      const y = (p - x) / width;
      blob.left = Math.min(blob.left, x);
      blob.right = Math.max(blob.right, x);
      blob.top = Math.min(blob.top, y);
      blob.bottom = Math.max(blob.bottom, y);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (data[q] && !labels[q]) {
            labels[q] = id;
            stack.push(q);
          }
        }
      }
    }
    blobs.push(blob);
  }
  return blobs;
}

/** The ink pixels of `mask` that fall inside a blob. */
function inkPoints(mask: InkMask, blob: Blob): Point[] {
  const points: Point[] = [];
  for (let y = blob.top; y <= blob.bottom; y++) {
    for (let x = blob.left; x <= blob.right; x++) {
      const p = y * mask.width + x;
      if (mask.data[p] && blob.labels[p] === blob.id) points.push({ x: x + 0.5, y: y + 0.5 });
    }
  }
  return points;
}

/**
 * The turn that squares a stamp up: the one whose row and column profiles of the ink are sharpest (a frame and
 * character strokes line up with the axes), and the stamp's box along those axes.
 */
export function straighten(points: readonly Point[]): FoundStamp {
  const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let bestAngle = 0;
  let bestScore = -1;
  for (let angle = -MAX_TURN; angle <= MAX_TURN + 1e-9; angle += TURN_STEP) {
    const score = profileSharpness(points, cx, cy, angle);
    if (
      score > bestScore + 1e-9 ||
      (Math.abs(score - bestScore) <= 1e-9 && Math.abs(angle) < Math.abs(bestAngle))
    ) {
      bestScore = score;
      bestAngle = angle;
    }
  }
  const cos = Math.cos(-bestAngle);
  const sin = Math.sin(-bestAngle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const p of points) {
    const u = (p.x - cx) * cos - (p.y - cy) * sin;
    const v = (p.x - cx) * sin + (p.y - cy) * cos;
    minU = Math.min(minU, u);
    maxU = Math.max(maxU, u);
    minV = Math.min(minV, v);
    maxV = Math.max(maxV, v);
  }
  const mu = (minU + maxU) / 2;
  const mv = (minV + maxV) / 2;
  const center = {
    x: cx + mu * Math.cos(bestAngle) - mv * Math.sin(bestAngle),
    y: cy + mu * Math.sin(bestAngle) + mv * Math.cos(bestAngle),
  };
  return {
    center,
    width: maxU - minU + 1,
    height: maxV - minV + 1,
    angle: bestAngle,
    ink: points.length,
    framed: false,
  };
}

function profileSharpness(points: readonly Point[], cx: number, cy: number, angle: number): number {
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  for (const p of points) {
    const u = Math.round((p.x - cx) * cos - (p.y - cy) * sin);
    const v = Math.round((p.x - cx) * sin + (p.y - cy) * cos);
    columns.set(u, (columns.get(u) ?? 0) + 1);
    rows.set(v, (rows.get(v) ?? 0) + 1);
  }
  let score = 0;
  for (const count of rows.values()) score += count * count;
  for (const count of columns.values()) score += count * count;
  return score;
}

/**
 * Whether at least three sides of the stamp's box are ruled: along each side, a band a tenth of the stamp deep
 * holds ink over most of the side's length.
 */
function isFramed(points: readonly Point[], stamp: FoundStamp): boolean {
  const covered = frameCoverage(points, stamp);
  return covered.filter((share) => share >= FRAMED_SIDE).length >= 3;
}

/**
 * For each side of the stamp's box (top, bottom, left, right), the longest unbroken share of it along which a band at
 * the edge holds ink: a frame runs the whole side, characters or a signature reaching the edge leave breaks.
 */
export function frameCoverage(points: readonly Point[], stamp: FoundStamp): number[] {
  const cos = Math.cos(-stamp.angle);
  const sin = Math.sin(-stamp.angle);
  const halfW = stamp.width / 2;
  const halfH = stamp.height / 2;
  const bins = 20;
  const band = 0.12;
  const sides = [new Uint8Array(bins), new Uint8Array(bins), new Uint8Array(bins), new Uint8Array(bins)];
  for (const p of points) {
    const u = (p.x - stamp.center.x) * cos - (p.y - stamp.center.y) * sin;
    const v = (p.x - stamp.center.x) * sin + (p.y - stamp.center.y) * cos;
    const along = Math.min(bins - 1, Math.max(0, Math.floor(((u + halfW) / stamp.width) * bins)));
    const down = Math.min(bins - 1, Math.max(0, Math.floor(((v + halfH) / stamp.height) * bins)));
    if (v < -halfH + stamp.height * band) (sides[0] as Uint8Array)[along] = 1;
    if (v > halfH - stamp.height * band) (sides[1] as Uint8Array)[along] = 1;
    if (u < -halfW + stamp.width * band) (sides[2] as Uint8Array)[down] = 1;
    if (u > halfW - stamp.width * band) (sides[3] as Uint8Array)[down] = 1;
  }
  return sides.map((side) => {
    let longest = 0;
    let run = 0;
    for (const on of side) {
      run = on ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest / bins;
  });
}
