import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { detectPhotocopy } from "./detect-photocopy.ts";

/** A 100×100 page: paper of the given tint, dark text strokes, and an optional red seal blob. */
function page(paper: [number, number, number], withSeal: boolean): RawImage {
  const width = 100;
  const height = 100;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let colour = paper;
      if (y % 10 < 2 && x > 10 && x < 90) colour = [35, 35, 40];
      if (withSeal && (x - 70) ** 2 + (y - 70) ** 2 < 144) colour = [210, 50, 60];
      data.set(colour, (y * width + x) * 3);
    }
  }
  return { width, height, channels: 3, data };
}

test("a colour original with a red seal is not a photocopy", () => {
  assert.equal(detectPhotocopy(page([240, 238, 230], true)), false);
});

test("a grey copy is a photocopy, even under a warm light cast", () => {
  assert.equal(detectPhotocopy(page([235, 235, 235], false)), true);
  assert.equal(detectPhotocopy(page([250, 225, 190], false)), true);
});

test("a single-channel image is a photocopy", () => {
  assert.equal(detectPhotocopy({ width: 2, height: 2, channels: 1, data: new Uint8Array(4) }), true);
});

const PALE_BORDER: [number, number, number] = [0.8, 0.95, 0.84];

/** A 200×200 page lit unevenly: each pixel's reflectance times a light that runs from `left` to `right`. */
function litPage(
  reflectance: (x: number, y: number) => [number, number, number],
  left: [number, number, number],
  right: [number, number, number],
): RawImage {
  const size = 200;
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const t = x / (size - 1);
      const own = reflectance(x, y);
      for (let c = 0; c < 3; c++) {
        const light = (left[c] as number) * (1 - t) + (right[c] as number) * t;
        data[(y * size + x) * 3 + c] = Math.round((own[c] as number) * light);
      }
    }
  }
  return { width: size, height: size, channels: 3, data };
}

/** Paper with dark text rows and, optionally, a green border band as a certificate prints. */
function certificateReflectance(withBorder: boolean) {
  return (x: number, y: number): [number, number, number] => {
    if (withBorder && (x < 12 || x >= 188 || y < 12 || y >= 188)) return [0.55, 0.8, 0.62];
    if (y % 12 < 3 && x > 30 && x < 170) return [0.15, 0.15, 0.15];
    return [0.95, 0.95, 0.95];
  };
}

test("a dim, shadowed photo of an original keeps its faint coloured border: not a photocopy", () => {
  // At this light the border differs from grey by about 25 levels, under the old fixed chroma bar of 48.
  const image = litPage(certificateReflectance(true), [125, 120, 110], [110, 112, 118]);
  assert.equal(detectPhotocopy(image), false);
});

test("a grey copy under light that turns from warm to bluish across the page is a photocopy", () => {
  const image = litPage(certificateReflectance(false), [255, 225, 180], [190, 210, 250]);
  assert.equal(detectPhotocopy(image), true);
});

test("an original whose colours glare and blur washed out to a pale tint is not a photocopy", () => {
  // The border differs from the paper round it by about 0.12 in reflectance: a colour a copier never prints.
  const pale = (x: number, y: number): [number, number, number] => {
    if (x < 12 || x >= 188 || y < 12 || y >= 188) return PALE_BORDER;
    return certificateReflectance(false)(x, y);
  };
  assert.equal(detectPhotocopy(litPage(pale, [240, 236, 228], [236, 236, 240])), false);
});

test("a grey copy whose text rows have a camera's colour fringe is still a photocopy", () => {
  // Dark print that leans blue by 0.06 in reflectance, as a lens's colour fringe or white balance leaves it.
  const fringed = (x: number, y: number): [number, number, number] => {
    if (y % 12 < 3 && x > 30 && x < 170) return [0.16, 0.18, 0.22];
    return [0.95, 0.95, 0.95];
  };
  assert.equal(detectPhotocopy(litPage(fringed, [240, 236, 228], [236, 236, 240])), true);
});
