import type { RawImage } from "../../image/raw-image.ts";

/** A vertical run of ink this share of the crop's height long is a box's side: digits and units are shorter. */
const VERTICAL_RUN = 0.55;
/** A horizontal run of ink this many crop heights long is a box's top or bottom: no stroke is that wide. */
const HORIZONTAL_RUN = 1.2;
/** A box's side is at most this share of the crop's height thick. */
const MAX_THICKNESS = 0.1;
/** A pixel darker than the paper by this share of the paper-to-ink contrast is ink. */
const INK_SHARE = 0.35;
/** Below this contrast (grey levels) a crop holds no ink worth cleaning. */
const MIN_CONTRAST = 48;

/**
 * Removes the sides, tops and bottoms of printed boxes from a crop of a boxed value (出生时间 `2019 年 05 月 …`),
 * where the crop is taller than the boxes (numbers printed off their boxes stand above them) so the page's rulings
 * do not span it: a box's side is a thin vertical run of ink over half the crop's height, a box's edge a horizontal
 * run longer than the crop is high. Painted with the paper's grey. Returns the crop itself when none is found.
 */
export function withoutBoxRulings(crop: RawImage): RawImage {
  const { width, height, channels } = crop;
  if (width < 2 || height < 8) return crop;
  const grey = new Uint8Array(width * height);
  for (let p = 0; p < grey.length; p++) {
    let sum = 0;
    for (let c = 0; c < Math.min(3, channels); c++) sum += crop.data[p * channels + c] as number;
    grey[p] = Math.round(sum / Math.min(3, channels));
  }
  const sorted = Uint8Array.from(grey).sort();
  const paper = sorted[Math.floor(sorted.length * 0.9)] as number;
  const dark = sorted[Math.floor(sorted.length * 0.005)] as number;
  if (paper - dark < MIN_CONTRAST) return crop;
  const threshold = paper - INK_SHARE * (paper - dark);
  const ink = (x: number, y: number) => (grey[y * width + x] as number) < threshold;
  const ruling = new Uint8Array(width * height);
  // Vertical sides: runs of ink down a column, in columns grouped thinly.
  const sideColumns: number[] = [];
  for (let x = 0; x < width; x++) {
    let run = 0;
    let longest = 0;
    for (let y = 0; y < height; y++) {
      run = ink(x, y) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= VERTICAL_RUN * height) sideColumns.push(x);
  }
  for (let i = 0; i < sideColumns.length; ) {
    let j = i;
    while (j + 1 < sideColumns.length && (sideColumns[j + 1] as number) === (sideColumns[j] as number) + 1)
      j++;
    if (j - i + 1 <= Math.max(2, MAX_THICKNESS * height)) {
      for (let k = i; k <= j; k++) markRuns(sideColumns[k] as number, "down");
    }
    i = j + 1;
  }
  // Horizontal edges.
  for (let y = 0; y < height; y++) markRuns(y, "across");
  let painted = 0;
  const data = crop.data.slice();
  for (let p = 0; p < ruling.length; p++) {
    if (!ruling[p]) continue;
    for (let c = 0; c < channels; c++)
      data[p * channels + c] = c < 3 ? paper : (crop.data[p * channels + c] as number);
    painted++;
  }
  return painted === 0 ? crop : { width, height, channels, data };

  function markRuns(index: number, direction: "down" | "across"): void {
    const length = direction === "down" ? height : width;
    const minimum = direction === "down" ? VERTICAL_RUN * height : HORIZONTAL_RUN * height;
    let start = -1;
    for (let t = 0; t <= length; t++) {
      const on = t < length && (direction === "down" ? ink(index, t) : ink(t, index));
      if (on && start === -1) start = t;
      if (!on && start !== -1) {
        if (t - start >= minimum) {
          for (let s = start; s < t; s++)
            ruling[direction === "down" ? s * width + index : index * width + s] = 1;
        }
        start = -1;
      }
    }
  }
}
