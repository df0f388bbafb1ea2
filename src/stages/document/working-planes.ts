import type { RawImage } from "../../image/raw-image.ts";

/** One 8-bit channel of a small working copy of the image. */
export interface Plane {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A downscaled copy of an image in two grey planes, and the factors that map its pixels back.
 * Coordinates are continuous with pixel `i` covering `[i, i + 1)`, so a working point (x, y) is the full-size point
 * (x · scaleX, y · scaleY).
 */
export interface WorkingPlanes {
  /** Brightness (Rec. 601 luma). */
  luma: Plane;
  /**
   * The darkest channel of each pixel: high only where a pixel is both light and unsaturated, which is what paper is
   * and what wood, skin and most cloth are not.
   */
  whiteness: Plane;
  /**
   * Colourfulness (brightest minus darkest channel): cream paper on a neutral white scanner bed differs here when
   * it hardly differs in brightness.
   */
  chroma: Plane;
  scaleX: number;
  scaleY: number;
}

/**
 * Averages the image down to at most `longSide` pixels on its long side (area averaging, so text strokes blur into
 * the paper instead of aliasing) and splits it into luma and whiteness planes. Images already small are kept at
 * their size.
 */
export function makeWorkingPlanes(image: RawImage, longSide: number): WorkingPlanes {
  const factor = Math.max(1, Math.max(image.width, image.height) / longSide);
  const width = Math.max(1, Math.round(image.width / factor));
  const height = Math.max(1, Math.round(image.height / factor));
  const columnCell = cellMap(image.width, width);
  const rowCell = cellMap(image.height, height);
  // Luma's sums are fractional and kept in floats; the other two, and the counts, are whole numbers.
  const lumaSum = new Float64Array(width * height);
  const whiteSum = new Uint32Array(width * height);
  const chromaSum = new Uint32Array(width * height);
  const { channels, data } = image;
  // Where each cell's columns start (columns map to cells in order, every cell taking at least one).
  const cellStart = new Int32Array(width + 1);
  for (let x = image.width - 1; x >= 0; x--) cellStart[columnCell[x] as number] = x;
  cellStart[width] = image.width;
  const sums = { luma: lumaSum, white: whiteSum, chroma: chromaSum };
  for (let y = 0; y < image.height; y++) {
    addRow(data, channels, y * image.width * channels, (rowCell[y] as number) * width, cellStart, sums);
  }
  const columnCount = cellCounts(columnCell, width);
  const rowCount = cellCounts(rowCell, height);
  const luma = new Uint8Array(width * height);
  const whiteness = new Uint8Array(width * height);
  const chroma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; i++) {
    const column = i % width;
    const n = Math.max(1, (columnCount[column] as number) * (rowCount[(i - column) / width] as number));
    luma[i] = Math.round((lumaSum[i] as number) / n);
    whiteness[i] = Math.round((whiteSum[i] as number) / n);
    chroma[i] = Math.round((chromaSum[i] as number) / n);
  }
  return {
    luma: { width, height, data: luma },
    whiteness: { width, height, data: whiteness },
    chroma: { width, height, data: chroma },
    scaleX: image.width / width,
    scaleY: image.height / height,
  };
}

/**
 * Adds one source row into its working row's cell sums. Each cell's sums are carried over its columns of the row:
 * the same additions in the same order as adding into the arrays pixel by pixel. A function of its own, called per
 * row, so it is optimised once and stays so.
 */
function addRow(
  data: Uint8Array,
  channels: number,
  rowSource: number,
  rowBase: number,
  cellStart: Int32Array,
  sums: { luma: Float64Array; white: Uint32Array; chroma: Uint32Array },
): void {
  const { luma: lumaSum, white: whiteSum, chroma: chromaSum } = sums;
  const colourOffset = channels === 1 ? 0 : 1;
  const width = cellStart.length - 1;
  for (let column = 0; column < width; column++) {
    const cell = rowBase + column;
    let luma = lumaSum[cell] as number;
    let white = whiteSum[cell] as number;
    let chroma = chromaSum[cell] as number;
    const end = cellStart[column + 1] as number;
    for (
      let x = cellStart[column] as number, source = rowSource + x * channels;
      x < end;
      x++, source += channels
    ) {
      const r = data[source] as number;
      const g = data[source + colourOffset] as number;
      const b = data[source + 2 * colourOffset] as number;
      const low = r < g ? (r < b ? r : b) : g < b ? g : b;
      const high = r > g ? (r > b ? r : b) : g > b ? g : b;
      luma = luma + 0.299 * r + 0.587 * g + 0.114 * b;
      white += low;
      chroma += high - low;
    }
    lumaSum[cell] = luma;
    whiteSum[cell] = white;
    chromaSum[cell] = chroma;
  }
}

/** How many source indices fall into each of the `targetLength` cells. */
function cellCounts(map: Int32Array, targetLength: number): Int32Array {
  const counts = new Int32Array(targetLength);
  for (const cell of map) counts[cell] = (counts[cell] as number) + 1;
  return counts;
}

/** For each source index, the working cell it falls into. */
function cellMap(sourceLength: number, targetLength: number): Int32Array {
  const map = new Int32Array(sourceLength);
  for (let i = 0; i < sourceLength; i++)
    map[i] = Math.min(targetLength - 1, Math.floor((i * targetLength) / sourceLength));
  return map;
}
