import assert from "node:assert/strict";
import { test } from "node:test";
import { segmentPaper } from "./paper-mask.ts";

/** Square-window morphology by brute force, pixels outside the image left out of every window. */
function morph(mask: Uint8Array, width: number, height: number, radius: number, dilate: boolean): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let any = false;
      let all = true;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const u = x + dx;
          const v = y + dy;
          if (u < 0 || v < 0 || u >= width || v >= height) continue;
          if (mask[v * width + u]) any = true;
          else all = false;
        }
      }
      out[y * width + x] = (dilate ? any : all) ? 1 : 0;
    }
  }
  return out;
}

/** 4-connected components of the pixels equal to `value`, each as its list of indices, in scan order of seeds. */
function components(mask: Uint8Array, width: number, height: number, value: number): number[][] {
  const seen = new Uint8Array(mask.length);
  const found: number[][] = [];
  for (let seed = 0; seed < mask.length; seed++) {
    if (mask[seed] !== value || seen[seed]) continue;
    const pixels = [seed];
    seen[seed] = 1;
    for (let k = 0; k < pixels.length; k++) {
      const i = pixels[k] as number;
      const x = i % width;
      const next = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width];
      for (const j of next) {
        if (j < 0 || j >= width * height || seen[j] || mask[j] !== value) continue;
        seen[j] = 1;
        pixels.push(j);
      }
    }
    found.push(pixels);
  }
  return found;
}

/** What segmentPaper is documented to do, written the slow and obvious way. */
function reference(data: Uint8Array, width: number, height: number, threshold: number, radius: number) {
  let mask: Uint8Array = Uint8Array.from(data, (v) => (v > threshold ? 1 : 0));
  mask = morph(morph(mask, width, height, radius, true), width, height, radius, false);
  for (const hole of components(mask, width, height, 0)) {
    const xs = hole.map((i) => i % width);
    const ys = hole.map((i) => Math.floor(i / width));
    const touches = xs.some((x) => x === 0 || x === width - 1) || ys.some((y) => y === 0 || y === height - 1);
    const ring =
      Math.max(...xs) - Math.min(...xs) > 0.6 * width && Math.max(...ys) - Math.min(...ys) > 0.6 * height;
    if (!touches && !ring) for (const i of hole) mask[i] = 1;
  }
  mask = morph(morph(mask, width, height, radius + 1, false), width, height, radius + 1, true);
  let largest: number[] = [];
  for (const part of components(mask, width, height, 1)) if (part.length > largest.length) largest = part;
  const region = new Uint8Array(mask.length);
  for (const i of largest) region[i] = 1;
  return { mask: region, area: largest.length };
}

/** A deterministic pseudo-random plane: light blobs and dark specks. */
function plane(width: number, height: number, seed: number): Uint8Array {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const data = new Uint8Array(width * height);
  const cx = width * next();
  const cy = height * next();
  const r = Math.max(width, height) * (0.2 + 0.4 * next());
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = Math.hypot(x - cx, y - cy) < r;
      data[y * width + x] = (inside ? 150 : 40) + Math.floor(next() * 100) - (next() < 0.08 ? 120 : 0);
    }
  }
  return data;
}

test("segmentPaper answers what the brute-force closing, hole filling, opening and largest part give", () => {
  for (let seed = 1; seed <= 24; seed++) {
    const width = 12 + ((seed * 7) % 37);
    const height = 10 + ((seed * 11) % 31);
    const data = plane(width, height, seed);
    for (const [threshold, radius] of [
      [120, 1],
      [150, 2],
      [90, 3],
    ] as const) {
      const got = segmentPaper({ width, height, data }, threshold, radius);
      const want = reference(data, width, height, threshold, radius);
      assert.equal(got.area, want.area, `area, seed ${seed}, threshold ${threshold}, radius ${radius}`);
      assert.deepEqual([...got.mask], [...want.mask], `mask, seed ${seed}, threshold ${threshold}`);
    }
  }
});

test("a dark ring spanning the frame is not filled: the page inside stays apart from the light surround", () => {
  const width = 40;
  const height = 30;
  const data = new Uint8Array(width * height).fill(220);
  // A dark band 3 px wide round a light page in the middle, light again outside it.
  for (let y = 4; y < 26; y++) {
    for (let x = 5; x < 35; x++) {
      const band = y < 7 || y >= 23 || x < 8 || x >= 32;
      if (band) data[y * width + x] = 30;
    }
  }
  const region = segmentPaper({ width, height, data }, 128, 1);
  const want = reference(data, width, height, 128, 1);
  assert.deepEqual([...region.mask], [...want.mask]);
  // The band was not filled, so the inner page and the outer surround stay two regions.
  assert.ok(region.area < width * height - 3 * (30 + 22) * 2);
});

test("segmentPaper agrees with the brute force on rows of several words and windows wider than a word", () => {
  for (let seed = 31; seed <= 36; seed++) {
    const width = 60 + ((seed * 13) % 50);
    const height = 20 + ((seed * 5) % 23);
    const data = plane(width, height, seed);
    for (const [threshold, radius] of [
      [110, 5],
      [130, 33],
    ] as const) {
      const got = segmentPaper({ width, height, data }, threshold, radius);
      const want = reference(data, width, height, threshold, radius);
      assert.equal(got.area, want.area, `area, seed ${seed}, radius ${radius}`);
      assert.deepEqual([...got.mask], [...want.mask], `mask, seed ${seed}, radius ${radius}`);
    }
  }
});
