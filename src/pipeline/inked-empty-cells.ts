import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import { computeHomography } from "../geometry/homography.ts";
import { boundsQuad } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import { toGrayscale } from "../image/to-grayscale.ts";
import { findComponents } from "../stages/text-detection/connected-components.ts";
import type { Quad, TextLine } from "../types.ts";

/**
 * A cell is looked at this many label heights right of its label at most (less where the next label ends it): a
 * value starts near its label, and further on a wide cell reaches under the next column's print.
 */
const REACH = 10;
/** A cell's patch is cut at this many pixels per label height. */
const PATCH_LINE_HEIGHT = 16;
/** The patch reaches this many label heights above and below the label's centre line. */
const HALF_HEIGHT = 1.1;
/** How much darker than the paper ink is, as a share of the patch's darkest ink against its paper… */
const INK_CONTRAST = 0.5;
/** …and at least this (0–255): the guilloche and the paper's grain are lighter. */
const MIN_INK_CONTRAST = 40;
/** A row (column) inked across this share of the patch's width (height) is a ruling, not a value. */
const RULING_SHARE = 0.5;
/** Ink that is a character's: a component at least this tall, in label heights… */
const MIN_MARK_HEIGHT = 0.5;
/** …and this wide (a character's part, not a speck or a lone stroke)… */
const MIN_MARK_WIDTH = 0.4;
/** …holding at least this many pixels per label height squared (a dot of dust or a thin hairline does not). */
const MIN_MARK_INK = 0.1;
/** A component longer than this many label heights, and on average thinner than this share of one, is a ruling. */
const LINE_EXTENT = 2.5;
/** An upright component this many label heights tall and at most this wide is a vertical ruling. */
const RULING_HEIGHT = 1.4;
const RULING_WIDTH = 0.3;
const LINE_THICKNESS = 0.15;
/** Ink this much redder than it is green or blue (0–255) is a seal's, left over from its whitening. */
const SEAL_REDNESS = 20;
/** Ink starting within this many label heights of a cell's end at the next label is that label's. */
const NEXT_LABEL_SLACK = 1.2;
/** A component touching the patch's top or bottom and lying wholly in this share of it is the row above's or below's. */
const EDGE_BAND = 0.3;

/**
 * Notes in `reading.unreadInk` the cells that were answered empty although ink of a character stands in them: the
 * detector found no text there (a value printed across a ruling, or faint under glare), yet the cell is no sure
 * blank, so its empty answer must not be given as certain. Only fields whose label was read in Chinese, not read
 * at all (no piece), are judged; the judgement is of the ink alone, on a small grey patch of the cell (right of its
 * label up to the next label on its row), the rulings across it left out. A blank form is left alone. Changes
 * `reading` in place; values are never changed.
 */
export function noteInkedEmptyCells(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  lines: readonly TextLine[] = [],
): void {
  if (reading.blank) return;
  const { frame } = reading;
  const labels = [...reading.fields.values()].flatMap((field) =>
    field.label && !field.label.english ? [{ key: field.key, box: frame.box(field.label.quad) }] : [],
  );
  const heights = labels.map(({ box }) => box.height).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 4)] ?? 0;
  if (!(lineHeight > 0)) return;
  // Cells end where the page's print does: past it lies the desk or the next page.
  const pageRight = Math.max(
    ...labels.map(({ box }) => box.right),
    ...[...reading.fields.values()].flatMap((field) => field.quads.map((quad) => frame.box(quad).right)),
  );
  const read = lines.map((line) => frame.box(line.quad));
  const unread = new Set(reading.unreadInk ?? []);
  const before = unread.size;
  for (const field of spec.fields) {
    const found = reading.fields.get(field.key);
    const own = labels.find((label) => label.key === field.key)?.box;
    if (found === undefined || own === undefined || found.text.trim() !== "" || found.quads.length > 0)
      continue;
    if (unread.has(field.key)) continue;
    const label = { ...own, height: Math.min(own.height, lineHeight) };
    const reach = label.height * REACH;
    const box = cellBox(label, labels, Math.min(reach, pageRight - label.right));
    if (box === undefined) continue;
    const scale = PATCH_LINE_HEIGHT / label.height;
    const width = Math.max(1, Math.round((box.right - box.left) * scale));
    const height = Math.max(1, Math.round((box.bottom - box.top) * scale));
    const patch = cutPatch(image, boundsQuad(box).map(frame.toImage) as unknown as Quad, width, height);
    // Ink right at the cell's end is the next label's character lost to its box (血 of 血型 read as 型).
    const tail = box.bounded ? label.height * NEXT_LABEL_SLACK * scale : 0;
    // Text the page's reading found in the cell and gave to no field here is another's (a label, a seal's words).
    const others = read.flatMap((other) =>
      other.right <= box.left || other.left >= box.right || other.bottom <= box.top || other.top >= box.bottom
        ? []
        : [
            {
              left: (other.left - box.left) * scale,
              right: (other.right - box.left) * scale,
              top: (other.top - box.top) * scale,
              bottom: (other.bottom - box.top) * scale,
            },
          ],
    );
    if (holdsCharacterInk(patch, PATCH_LINE_HEIGHT, tail, others)) unread.add(field.key);
  }
  if (unread.size > before) reading.unreadInk = unread;
}

function cellBox(
  label: PageBox,
  labels: readonly { box: PageBox }[],
  reach: number,
): { left: number; top: number; right: number; bottom: number; bounded: boolean } | undefined {
  const h = label.height;
  const left = label.right + h * 0.2;
  const next = labels
    .filter(({ box }) => Math.abs(box.centerY - label.centerY) < h * 0.6 && box.left > label.right)
    .map(({ box }) => box.left - h * 0.2);
  const right = Math.min(left + reach, ...next);
  if (right - left < h) return undefined;
  const bounded = next.length > 0 && Math.min(...next) < left + reach;
  return {
    left,
    top: label.centerY - h * HALF_HEIGHT,
    right,
    bottom: label.centerY + h * HALF_HEIGHT,
    bounded,
  };
}

/**
 * Whether a grey patch (`lineHeight` pixels per label height) holds ink of a character: after the rows and columns
 * inked across most of it (rulings) are cleared, a component of at least {@link MIN_MARK_HEIGHT} label heights and
 * {@link MIN_MARK_INK} of ink, not a piece of the row above or below cut by the patch's edge.
 */
export function holdsCharacterInk(
  patch: RawImage,
  lineHeight: number,
  tail = 0,
  others: readonly { left: number; top: number; right: number; bottom: number }[] = [],
): boolean {
  const grey = toGrayscale(patch);
  const { width, height, data } = grey;
  const colour = patch.channels >= 3 ? patch.data : undefined;
  const paper = percentile(data, 0.85);
  const darkest = percentile(data, 0.005);
  const threshold = Math.max(MIN_INK_CONTRAST, (paper - darkest) * INK_CONTRAST);
  const darkness = new Float32Array(width * height);
  for (let i = 0; i < darkness.length; i++) {
    // What is left of a whitened seal is red ink, not a value's black or blue.
    const red = colour === undefined ? 0 : redness(colour, i * patch.channels);
    darkness[i] = red > SEAL_REDNESS ? 0 : Math.max(0, paper - (data[i] as number));
  }
  for (const other of others) {
    const x0 = Math.max(0, Math.floor(other.left));
    const x1 = Math.max(x0, Math.min(width, Math.ceil(other.right)));
    for (let y = Math.max(0, Math.floor(other.top)); y < Math.min(height, Math.ceil(other.bottom)); y++)
      darkness.fill(0, y * width + x0, y * width + x1);
  }
  const rowInk = new Int32Array(height);
  const columnInk = new Int32Array(width);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if ((darkness[y * width + x] as number) > threshold) {
        rowInk[y] = (rowInk[y] as number) + 1;
        columnInk[x] = (columnInk[x] as number) + 1;
      }
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const ruled =
        (rowInk[y] as number) > width * RULING_SHARE || (columnInk[x] as number) > height * RULING_SHARE;
      // A ruling a pixel or two thick leaves its blurred edges: clear its neighbours too.
      const nearRuled =
        ruled ||
        (y > 0 && (rowInk[y - 1] as number) > width * RULING_SHARE) ||
        (y + 1 < height && (rowInk[y + 1] as number) > width * RULING_SHARE) ||
        (x > 0 && (columnInk[x - 1] as number) > height * RULING_SHARE) ||
        (x + 1 < width && (columnInk[x + 1] as number) > height * RULING_SHARE);
      if (nearRuled) darkness[y * width + x] = 0;
    }
  const minInk = MIN_MARK_INK * lineHeight * lineHeight;
  for (const component of findComponents(darkness, width, height, threshold)) {
    if (component.pixelCount < minInk) continue;
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < component.runs.length; i += 3) {
      top = Math.min(top, component.runs[i] as number);
      bottom = Math.max(bottom, component.runs[i] as number);
    }
    if (bottom - top + 1 < lineHeight * MIN_MARK_HEIGHT) continue;
    let left = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    for (let i = 1; i < component.runs.length; i += 3) {
      left = Math.min(left, component.runs[i] as number);
      right = Math.max(right, component.runs[i + 1] as number);
    }
    if (left >= width - tail || right - left + 1 < lineHeight * MIN_MARK_WIDTH) continue;
    // A ruling the patch cuts at a slant (a photo's perspective) is long and thin: no character is.
    const extent = Math.max(right - left + 1, bottom - top + 1);
    if (extent > lineHeight * LINE_EXTENT && component.pixelCount / extent < lineHeight * LINE_THICKNESS)
      continue;
    // A vertical ruling cut at a slant (or dashed) stands as a thin upright component as tall as the cell.
    if (bottom - top + 1 >= lineHeight * RULING_HEIGHT && right - left + 1 <= lineHeight * RULING_WIDTH)
      continue;
    const atEdge = top === 0 || bottom === height - 1;
    if (atEdge && (bottom < height * EDGE_BAND || top > height * (1 - EDGE_BAND))) continue;
    return true;
  }
  return false;
}

function redness(data: Uint8Array, at: number): number {
  const r = data[at] as number;
  const g = data[at + 1] as number;
  const b = data[at + 2] as number;
  return r - Math.max(g, b);
}

/** The grey level below which `share` of the pixels lie, from their histogram. */
function percentile(data: Uint8Array, share: number): number {
  const counts = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) counts[data[i] as number] = (counts[data[i] as number] as number) + 1;
  const wanted = Math.floor(data.length * share);
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += counts[level] as number;
    if (seen > wanted) return level;
  }
  return 255;
}

/**
 * The quad of `image` as a `width`×`height` patch, each pixel the source pixel nearest its place: enough to tell ink
 * from paper, and far cheaper than a filtered warp for the few thousand pixels of a cell.
 */
function cutPatch(image: RawImage, quad: Quad, width: number, height: number): RawImage {
  const { channels } = image;
  const data = new Uint8Array(width * height * channels).fill(255);
  const corners: Quad = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const h = computeHomography(corners, quad);
  if (h === undefined) return { width, height, channels, data };
  const [a, b, c, d, e, f, g, k, l] = Array.from(h) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = g * (x + 0.5) + k * (y + 0.5) + l;
      const sx = Math.floor((a * (x + 0.5) + b * (y + 0.5) + c) / w);
      const sy = Math.floor((d * (x + 0.5) + e * (y + 0.5) + f) / w);
      if (sx < 0 || sy < 0 || sx >= image.width || sy >= image.height) continue;
      const from = (sy * image.width + sx) * channels;
      const to = (y * width + x) * channels;
      for (let channel = 0; channel < channels; channel++)
        data[to + channel] = image.data[from + channel] as number;
    }
  }
  return { width, height, channels, data };
}
