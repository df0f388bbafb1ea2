import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import type { Quad } from "../types.ts";
import { boxMeans } from "../image/box-means.ts";

/** One cell to cut out: its quad in the image (listed from its reading direction) and its size in the mosaic. */
export interface MosaicCell {
  quad: Quad;
  width: number;
  height: number;
}

/** Where a cell was placed in the mosaic: its tile's top-left corner and size. */
export interface MosaicTile {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Blank margin around and between tiles, px: text of one tile never runs into the next one's. */
export const TILE_GAP = 24;
/** The detector reads sides in multiples of this. */
const STRIDE = 32;

/**
 * Cuts cells out of an image, straightens and scales each to its given size, evens out its contrast (see
 * {@link normaliseContrast}), and lays them out apart on one white grey image, so the text detector and recogniser
 * read them all in one call each. The mosaic's sides are multiples of 32, the detector's stride.
 *
 * @example
 * const { image, tiles } = cellMosaic(page, [{ quad, width: 320, height: 64 }]);
 */
export function cellMosaic(
  image: RawImage,
  cells: readonly MosaicCell[],
): { image: RawImage; tiles: MosaicTile[] } {
  const tiles = packTiles(cells);
  const width = roundUp(Math.max(0, ...tiles.map((tile) => tile.left + tile.width)) + TILE_GAP);
  const height = roundUp(Math.max(0, ...tiles.map((tile) => tile.top + tile.height)) + TILE_GAP);
  const data = new Uint8Array(width * height).fill(255);
  cells.forEach((cell, index) => {
    const tile = tiles[index] as MosaicTile;
    const grey = normaliseContrast(smooth(toGrey(warpImage(image, cell.quad, cell.width, cell.height))));
    for (let row = 0; row < cell.height; row++) {
      data.set(
        grey.data.subarray(row * cell.width, (row + 1) * cell.width),
        (tile.top + row) * width + tile.left,
      );
    }
  });
  return { image: { width, height, channels: 1, data }, tiles };
}

/** The mosaic's rows are this wide (px), or the widest cell's with its margins if wider. */
const ROW_WIDTH = 1024;

/**
 * Places cells on shelves, widest first, each on the first row it still fits in (first-fit decreasing), else on a
 * new row below the last; {@link TILE_GAP} apart everywhere. Boxes found by the detector are told apart by the tile
 * they fall in, so no two tiles share a pixel. Tiles are returned in the cells' order.
 */
function packTiles(cells: readonly MosaicCell[]): MosaicTile[] {
  const rowWidth = Math.max(ROW_WIDTH, ...cells.map((cell) => cell.width + 2 * TILE_GAP));
  const order = cells
    .map((_, index) => index)
    .sort((a, b) => (cells[b]?.width ?? 0) - (cells[a]?.width ?? 0));
  const rows: { top: number; height: number; used: number }[] = [];
  const tiles: MosaicTile[] = new Array(cells.length);
  for (const index of order) {
    const cell = cells[index] as MosaicCell;
    let row = rows.find(
      (shelf) => shelf.used + cell.width + TILE_GAP <= rowWidth && cell.height <= shelf.height,
    );
    if (row === undefined) {
      const last = rows[rows.length - 1];
      row = {
        top: last === undefined ? TILE_GAP : last.top + last.height + TILE_GAP,
        height: cell.height,
        used: TILE_GAP,
      };
      rows.push(row);
    }
    tiles[index] = { left: row.used, top: row.top, width: cell.width, height: cell.height };
    row.used += cell.width + TILE_GAP;
  }
  return tiles;
}

/** The darkness (0–255 below the paper) the darkest ink around a pixel is stretched to. */
const INK_DARKNESS = 190;
/** At most this stretch: a blank tile's faint background print must stay faint, not be blown up into "text". */
const MAX_GAIN = 5;
/** Darkness below this is never taken for the local ink (noise, JPEG ringing): the gain is not raised for it. */
const MIN_INK = 24;

/**
 * Evens out a grey tile's contrast: each pixel's darkness is measured against the brightest of its neighbourhood
 * (the paper there, bright under glare or dim in shadow), then stretched so the darkest ink near it is nearly
 * black: print washed out by glare comes back as dark as print beside it. The stretch is capped, so a cell with no
 * ink keeps its background pattern pale.
 */
export function normaliseContrast(tile: RawImage): RawImage {
  const { width, height, data } = tile;
  const paper = smoothedMaximum(data, width, height, Math.max(4, Math.round(height / 2)));
  const darkness = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) darkness[i] = Math.max(0, (paper[i] as number) - (data[i] as number));
  const ink = smoothedMaximum(darkness, width, height, Math.max(4, height));
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const gain = Math.min(MAX_GAIN, INK_DARKNESS / Math.max(MIN_INK, ink[i] as number));
    out[i] = Math.max(0, Math.round(255 - (darkness[i] as number) * gain));
  }
  return { width, height, channels: 1, data: out };
}

/** A 3×3 binomial blur: takes the grain (paper texture, sensor noise, JPEG blocks) out before the stretch. */
function smooth(image: RawImage): RawImage {
  const { width, height, data } = image;
  const at = (x: number, y: number) =>
    data[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))] as number;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum =
        at(x - 1, y - 1) +
        2 * at(x, y - 1) +
        at(x + 1, y - 1) +
        2 * at(x - 1, y) +
        4 * at(x, y) +
        2 * at(x + 1, y) +
        at(x - 1, y + 1) +
        2 * at(x, y + 1) +
        at(x + 1, y + 1);
      out[y * width + x] = Math.round(sum / 16);
    }
  }
  return { width, height, channels: 1, data: out };
}

function toGrey(image: RawImage): RawImage {
  if (image.channels === 1) return image;
  const { width, height, channels, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) {
    out[i] = Math.round(
      0.299 * (data[j] as number) + 0.587 * (data[j + 1] as number) + 0.114 * (data[j + 2] as number),
    );
  }
  return { width, height, channels: 1, data: out };
}

/**
 * The brightest value within `radius` of each pixel (a square window), smoothed by a box mean of the same radius so
 * the estimate of the paper does not jump at the edge of a stroke: separable max filters, then a summed-area mean.
 */
function smoothedMaximum(data: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const rows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) slidingMax(data, y * width, 1, width, radius, rows);
  const both = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) slidingMax(rows, x, width, height, radius, both);
  return boxMean(both, width, height, radius);
}

/** Max over a window of ±radius along one row or column (`count` values `step` apart from `start`). */
function slidingMax(
  source: Uint8Array,
  start: number,
  step: number,
  count: number,
  radius: number,
  out: Uint8Array,
): void {
  // Monotone deque of indices: O(count) per line.
  const deque = new Int32Array(count);
  let head = 0;
  let tail = 0;
  let next = 0;
  for (let i = 0; i < count; i++) {
    const reach = Math.min(count - 1, i + radius);
    for (; next <= reach; next++) {
      const value = source[start + next * step] as number;
      while (tail > head && (source[start + (deque[tail - 1] as number) * step] as number) <= value) tail--;
      deque[tail++] = next;
    }
    while ((deque[head] as number) < i - radius) head++;
    out[start + i * step] = source[start + (deque[head] as number) * step] as number;
  }
}

function boxMean(data: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return Uint8Array.from(boxMeans(data, width, height, radius), Math.round);
}

function roundUp(value: number): number {
  return Math.max(STRIDE, Math.ceil(value / STRIDE) * STRIDE);
}
