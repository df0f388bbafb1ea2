import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import { verticalRulingColumns } from "../stages/text-recognition/remove-rulings.ts";
import { commonInOrder } from "../stages/text-recognition/widen-at-rulings.ts";
import type { Point, Quad, RecognizedChar, TextLine } from "../types.ts";
import { isLongerName } from "./longer-name.ts";
import type { TextEngine } from "./text-engine.ts";
import { centreOf, insideQuad } from "./value-lines.ts";

/** How far past a value's last box the ink is followed, in line heights. */
const MAX_REACH = 30;
/** A run of this many line heights without ink ends the value. */
const END_GAP = 1.1;
/** Ink past the last box, or in a gap between two boxes, worth reading again: at least this many line heights. */
const MISSED_INK = 0.6;
/** A column of the strip holds ink when at least this share of its pixels are ink (specks are smaller). */
const COLUMN_INK = 0.06;
/** A pixel darker than the paper by this share of the paper-to-ink contrast is ink. */
const INK_SHARE = 0.35;
/** Below this contrast (grey levels) the strip holds no ink worth following. */
const MIN_CONTRAST = 48;
/** The line's end is put this many line heights past the last ink. */
const END_PAD = 0.2;
/** Height of the strip the ink is followed in, px. */
const STRIP_HEIGHT = 32;
/** The longer read must hold the first reading's characters in order, at least this share of them. */
const MIN_KEPT = 0.8;
/** ... and read its added characters at least this surely on average, ... */
const MIN_ADDED_CONFIDENCE = 0.75;
/** ... and be about as sure overall as the first reading. */
const CONFIDENCE_SLACK = 0.05;
/** The span ends this many line heights short of a ruling that stopped the ink. */
const RULING_MARGIN = 0.1;
/** What a ruling at a span's end is read as. */
const RULING_STROKES = new Set(["一", "丨", "|", "」", "]", "l", "I"]);
/** A label's beginning this many characters long, read at a value's end, is cut off it. */
const MIN_LABEL_CUT = 3;
/** Labels that name a kind of place, which an address may end with. */
const PLACE_WORD = /(社区|委会)$/u;
/** Kinds of value followed past their box: free text (an address) and names (a name's last character on a ruling). */
const EXTENDED_KINDS = new Set(["text", "name"]);
/** Two boxes share a row when their vertical overlap is at least this share of the lower one's height. */
const SAME_ROW = 0.5;

/**
 * Reads again, as one line, a free-text value (an address) or a name whose detection stopped short: the detector
 * sometimes leaves part of a line unboxed (a run of narrow characters, text touching a ruling, a seal or a form's
 * guilloche, glare), so the value is read with characters or whole words missing. Fields in `skip` (the officers'
 * name seals, read on their own) are left alone. For each such field on one row, the ink is followed past
 * its last box (until a gap, a vertical ruling, or any other box on the row), and where it goes on, or
 * where a gap between its boxes holds ink, the whole span is read as one line. The longer reading replaces the
 * field's boxes when it keeps the first reading's characters in order, adds sure ones, and is as sure overall.
 * Lines change in place; returns whether any did (the fields are then to be read again).
 */
export async function extendValueLines(
  image: RawImage,
  lines: TextLine[],
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  skip: ReadonlySet<string> = new Set(),
): Promise<boolean> {
  const { frame } = reading;
  const boxes = lines.map((line) => frame.box(line.quad));
  const owner = lineOwners(lines, reading);
  const candidates: {
    indices: number[];
    quad: Quad;
    covered: [number, number][];
    charWidth: number;
    name: boolean;
  }[] = [];
  for (const field of spec.fields) {
    if (!EXTENDED_KINDS.has(field.kind) || skip.has(field.key)) continue;
    const indices = [...owner.entries()].flatMap(([index, key]) => (key === field.key ? [index] : []));
    if (indices.length === 0) continue;
    indices.sort((a, b) => (boxes[a] as PageBox).left - (boxes[b] as PageBox).left);
    const row = indices.map((i) => boxes[i] as PageBox);
    if (!row.every((box) => sameRow(box, row[0] as PageBox))) continue;
    const lastBox = row[row.length - 1] as PageBox;
    const axis = rowAxis(indices.map((i) => (lines[i] as TextLine).quad));
    const unit = axis.height;
    const blockers = boxes.flatMap((box, i) =>
      owner.get(i) !== field.key && box.left >= lastBox.right - unit * 0.2 && sameRow(box, lastBox)
        ? [box.left]
        : [],
    );
    const limit = Math.min(MAX_REACH * unit, ...blockers.map((left) => left - lastBox.right)) / unit;
    const { reach, ruling } = inkReach(image, axis, limit);
    const gapInk = row
      .slice(1)
      .some((box, k) => gapHoldsInk(image, axis, row[k] as PageBox, box, frame.box(axis.quad)));
    if (reach < MISSED_INK && !gapInk) continue;
    // The span ends a little past the ink, but short of a ruling (read, it would add a stroke).
    const past = Math.min(reach + END_PAD, ruling === undefined ? Infinity : ruling - RULING_MARGIN);
    const end = axis.end + Math.max(0, past) * unit;
    const covered = indices.map((i): [number, number] => {
      const [from, to] = axis.extent((lines[i] as TextLine).quad);
      return [(from - axis.start) / (end - axis.start), (to - axis.start) / (end - axis.start)];
    });
    candidates.push({
      indices,
      quad: axisQuad(axis, axis.start, end),
      covered,
      charWidth: unit / (end - axis.start),
      name: field.kind === "name",
    });
  }
  if (candidates.length === 0) return false;
  const read = await engine.recognize(
    image,
    candidates.map((candidate) => candidate.quad),
  );
  const labelStarts = new Set(
    spec.fields.flatMap((field) => field.labels.map((label) => Array.from(label)[0] ?? "")),
  );
  const removed = new Set<number>();
  let changed = false;
  const wordings = labelWordings(spec);
  candidates.forEach((candidate, k) => {
    const longer = withoutTrailingLabel(withoutEndStrokes(read[k]), wordings);
    const pieces = candidate.indices.map((i) => lines[i] as TextLine);
    if (longer === undefined) return;
    const better = candidate.name
      ? isLongerName(pieces, longer, labelStarts)
      : isBetterReading(pieces, longer, candidate);
    if (!better) return;
    const [head, ...rest] = candidate.indices;
    lines[head as number] = {
      ...longer,
      quad: candidate.quad,
      detectionScore: pieces[0]?.detectionScore ?? 1,
    };
    for (const index of rest) removed.add(index);
    changed = true;
  });
  if (removed.size > 0) {
    const kept = lines.filter((_, i) => !removed.has(i));
    lines.splice(0, lines.length, ...kept);
  }
  return changed;
}

/**
 * Which field each line holds a value piece of (by key), or the label of (`label:` and the key); lines of no field
 * are left out.
 */
export function lineOwners(lines: readonly TextLine[], reading: DocumentReading): Map<number, string> {
  const owner = new Map<number, string>();
  for (const field of reading.fields.values()) {
    const centres = field.quads.map(centreOf);
    lines.forEach((line, index) => {
      if (!owner.has(index) && centres.some((centre) => insideQuad(line.quad, centre)))
        owner.set(index, field.key);
    });
  }
  for (const field of reading.fields.values()) {
    if (field.label === undefined) continue;
    const centre = centreOf(field.label.quad);
    lines.forEach((line, index) => {
      if (!owner.has(index) && insideQuad(line.quad, centre)) owner.set(index, `label:${field.key}`);
    });
  }
  return owner;
}

/** Whether two boxes of the page share a row (they overlap over most of the lower one's height). */
export function sameRow(a: PageBox, b: PageBox): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap >= SAME_ROW * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/**
 * The line a row of boxes lies on: the longest box's top-left corner, direction and height, and where along that
 * direction (px from the corner) the row's first box starts and its last ends.
 */
interface RowAxis {
  origin: Point;
  along: Point;
  /** From the top edge to the bottom edge. */
  down: Point;
  height: number;
  start: number;
  end: number;
  quad: Quad;
  /** Where a quad begins and ends along the row, px from `origin`. */
  extent(quad: Quad): [number, number];
}

function rowAxis(quads: readonly Quad[]): RowAxis {
  const lengthOf = (quad: Quad) => Math.hypot(quad[1].x - quad[0].x, quad[1].y - quad[0].y);
  const longest = quads.reduce((best, quad) => (lengthOf(quad) > lengthOf(best) ? quad : best));
  const [tl, tr, , bl] = longest;
  const length = lengthOf(longest) || 1;
  const along = { x: (tr.x - tl.x) / length, y: (tr.y - tl.y) / length };
  const side = Math.hypot(bl.x - tl.x, bl.y - tl.y) || 1;
  const normal = { x: (bl.x - tl.x) / side, y: (bl.y - tl.y) / side };
  const height = side;
  const origin = tl;
  const down = { x: normal.x * height, y: normal.y * height };
  const position = (p: Point) => (p.x - tl.x) * along.x + (p.y - tl.y) * along.y;
  const positions = quads.flatMap((quad) => quad.map(position));
  const start = Math.min(...positions);
  const end = Math.max(...positions);
  const extent = (quad: Quad): [number, number] => {
    const along = quad.map(position);
    return [Math.min(...along), Math.max(...along)];
  };
  return { origin, along, down, height, start, end, quad: longest, extent };
}

/** The quad on a row's line from `from` to `to` px along it (corners from the reading direction). */
function axisQuad(axis: RowAxis, from: number, to: number): Quad {
  const at = (distance: number, below: number): Point => ({
    x: axis.origin.x + axis.along.x * distance + axis.down.x * below,
    y: axis.origin.y + axis.along.y * distance + axis.down.y * below,
  });
  return [at(from, 0), at(to, 0), at(to, 1), at(from, 1)];
}

/**
 * How many line heights of ink follow a row's end: the strip past it is followed column by column, to the last ink
 * before a gap of {@link END_GAP} line heights or a vertical ruling, at most `limit` heights.
 */
function inkReach(image: RawImage, axis: RowAxis, limit: number): { reach: number; ruling?: number } {
  if (!(limit > 0)) return { reach: 0 };
  const length = Math.min(limit, MAX_REACH);
  const width = Math.max(1, Math.round(length * STRIP_HEIGHT));
  const crop = warpImage(
    image,
    axisQuad(axis, axis.end, axis.end + length * axis.height),
    width,
    STRIP_HEIGHT,
  );
  const columns = inkColumns(crop);
  if (columns === undefined) return { reach: 0 };
  const rulings = new Set(verticalRulingColumns(crop));
  let lastInk = -1;
  for (let x = 0; x < width; x++) {
    if (rulings.has(x)) return { reach: (lastInk + 1) / STRIP_HEIGHT, ruling: x / STRIP_HEIGHT };
    if (columns[x]) lastInk = x;
    else if (x - lastInk > END_GAP * STRIP_HEIGHT) break;
  }
  return { reach: (lastInk + 1) / STRIP_HEIGHT };
}

/** Whether the gap between two boxes of a row holds ink a character wide (a character left unboxed). */
function gapHoldsInk(
  image: RawImage,
  axis: RowAxis,
  previous: PageBox,
  box: PageBox,
  axisBox: PageBox,
): boolean {
  const gap = (box.left - previous.right) / axis.height;
  if (gap < MISSED_INK) return false;
  const from = previous.right - axisBox.left;
  const width = Math.max(1, Math.round(gap * STRIP_HEIGHT));
  const crop = warpImage(image, axisQuad(axis, from, from + gap * axis.height), width, STRIP_HEIGHT);
  const columns = inkColumns(crop);
  if (columns === undefined) return false;
  let run = 0;
  let longest = 0;
  for (let x = 0; x < width; x++) {
    run = columns[x] ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  // A character spans most of a line height; a speck or a ruling does not.
  return longest >= 0.4 * STRIP_HEIGHT && columns.filter(Boolean).length >= MISSED_INK * STRIP_HEIGHT;
}

/** For each column of a strip, whether it holds ink; undefined when the strip has no contrast at all. */
function inkColumns(crop: RawImage): boolean[] | undefined {
  const { width, height, channels, data } = crop;
  const grey = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < grey.length; p++, i += channels) {
    grey[p] =
      channels >= 3
        ? Math.round(((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number)) / 3)
        : (data[i] as number);
  }
  const sorted = Uint8Array.from(grey).sort();
  const paper = sorted[Math.floor(sorted.length * 0.9)] as number;
  const dark = sorted[Math.floor(sorted.length * 0.01)] as number;
  if (paper - dark < MIN_CONTRAST) return undefined;
  const threshold = paper - INK_SHARE * (paper - dark);
  const columns: boolean[] = [];
  for (let x = 0; x < width; x++) {
    let ink = 0;
    for (let y = 0; y < height; y++) if ((grey[y * width + x] as number) < threshold) ink++;
    columns.push(ink >= COLUMN_INK * height);
  }
  return columns;
}

/**
 * Whether one reading of a span is better than its boxes' readings: it holds their characters in order (at least
 * {@link MIN_KEPT} of them), adds at least one, reads the added ones surely, and is about as sure overall. Where
 * the boxes lay is known (`covered`, as fractions of the span, and a character's width), an added character
 * inside them that repeats its neighbour is a character read twice (人人民), not one the boxes missed.
 */
export function isBetterReading(
  pieces: readonly TextLine[],
  longer: TextLine,
  where: { covered: readonly (readonly [number, number])[]; charWidth: number } = {
    covered: [],
    charWidth: 0,
  },
): boolean {
  const before = pieces.flatMap((piece) => piece.chars).filter((char) => char.text.trim() !== "");
  const after = longer.chars.filter((char) => char.text.trim() !== "");
  if (after.length <= before.length || before.length === 0) return false;
  const kept = commonInOrder(before, after);
  if (kept.size < MIN_KEPT * before.length) return false;
  const added = after.filter((_, k) => !kept.has(k));
  if (added.length === 0) return false;
  const half = where.charWidth / 2;
  const insideABox = (char: RecognizedChar) => {
    const centre = (char.start + char.end) / 2;
    return where.covered.some(([from, to]) => centre > from + half && centre < to - half);
  };
  const doubled = (k: number) =>
    after[k - 1]?.text === after[k]?.text || after[k + 1]?.text === after[k]?.text;
  if (after.some((char, k) => !kept.has(k) && insideABox(char) && doubled(k))) return false;
  if (mean(added) < MIN_ADDED_CONFIDENCE) return false;
  return mean(after) >= mean(before) - CONFIDENCE_SLACK;
}

/**
 * The printed wordings of the page's labels and their beginnings, each at least {@link MIN_LABEL_CUT} characters
 * long (a label half read: 出生日 of 出生日期). Two-character labels (民族, 住址) are left out, and labels naming a
 * kind of place (社区, 居委会), which an address may end with.
 */
function labelWordings(spec: DocumentSpec): string[] {
  const wordings = new Set<string>();
  for (const field of spec.fields) {
    for (const label of field.labels) {
      const chars = Array.from(label.replace(/\s+/gu, ""));
      if (chars.length < MIN_LABEL_CUT || PLACE_WORD.test(label)) continue;
      wordings.add(chars.join(""));
      for (let end = MIN_LABEL_CUT; end < chars.length; end++) wordings.add(chars.slice(0, end).join(""));
    }
  }
  return [...wordings].sort((a, b) => b.length - a.length);
}

/**
 * A line without a label read at its end: the ink followed past a value runs on into the next cell's label when
 * nothing stops it (…撒拉族自治县出生日期); a value never ends with a label's wording.
 */
function withoutTrailingLabel(line: TextLine | undefined, wordings: readonly string[]): TextLine | undefined {
  if (line === undefined) return undefined;
  const wording = wordings.find((w) => line.text.endsWith(w) && line.text.length > w.length);
  if (wording === undefined) return line;
  const chars = line.chars.slice(0, line.chars.length - Array.from(wording).length);
  return { ...line, chars, text: chars.map((char) => char.text).join(""), confidence: mean(chars) };
}

/** A line without the ruling strokes read at its end (一, 」): the span may end on the ruling that stopped the ink. */
function withoutEndStrokes(line: TextLine | undefined): TextLine | undefined {
  if (line === undefined) return undefined;
  let end = line.chars.length;
  while (end > 0 && RULING_STROKES.has(line.chars[end - 1]?.text ?? "")) end--;
  if (end === line.chars.length) return line;
  const chars = line.chars.slice(0, end);
  return { ...line, chars, text: chars.map((char) => char.text).join(""), confidence: mean(chars) };
}

function mean(chars: readonly RecognizedChar[]): number {
  return chars.reduce((sum, char) => sum + char.confidence, 0) / Math.max(1, chars.length);
}
