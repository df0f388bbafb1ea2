import { subQuad } from "../../geometry/quad.ts";
import type { Point, Quad, TextLine } from "../../types.ts";
import type { Anchor } from "./assign-pieces.ts";
import type { DocumentSpec, FieldSpec } from "./field-spec.ts";
import { SEPARATOR } from "./label-candidates.ts";
import { type LabelMatch, labelSegments } from "./label-matcher.ts";
import type { PageBox, PageFrame } from "./page-frame.ts";
import { lineChars } from "./slice-text-line.ts";
import { median } from "./median.ts";

/** Labels the matcher missed, placed by the printed grid. */
export interface InferredLabels {
  /**
   * Text read where a missing label must be printed, taken as that label (its first piece per field first): a
   * garbled `籍费`, a lone `户` of `户 别`, the halves `公民身` / `份号码` of a wrapped label. Cut from the values.
   */
  labels: { key: string; match: LabelMatch }[];
  /** Missing labels with nothing read at their place: where they must be, so the values on their row find them. */
  anchors: Anchor[];
}

/** Fewer labels than this and the grid is not known well enough to place the others. */
const MIN_FOUND = 4;
/** How far (in line heights) a line's left edge may be from its column's to stand at a label's place. */
const COLUMN_SLACK = 1.2;
/** How far right of its column (in line heights) the rest of a label whose first characters were lost may start. */
const LOST_HEAD_SLACK = 3;
const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9０-９]/u;
/** How far (in row pitches) a line's centre may be from its row's. */
const ROW_SLACK = 0.42;

/**
 * Places the labels of a document the matcher did not find (OCR garbled them beyond a fuzzy match, or the detector
 * lost half of a letter-spaced one) from those it did: rows from the layout (interpolated between found rows), columns
 * from {@link DocumentSpec.columns} (labels printed left-aligned under each other). What is read at such a place is
 * the label when it is short or shares a character with it; a label of no known column must share characters and
 * sit between its row-mates. A field only some forms print must show some of its label's characters, and is not
 * placed where nothing was read. `isValue` tells a value that shares characters with a label (中国 and 国籍) from a
 * garbled label. Pure: geometry and text only.
 */
export function inferMissingLabels(
  spec: DocumentSpec,
  lines: readonly TextLine[],
  matches: readonly LabelMatch[],
  resolved: ReadonlyMap<string, LabelMatch>,
  frame: PageFrame,
  isValue: (text: string) => boolean = () => false,
): InferredLabels {
  const inferred: InferredLabels = { labels: [], anchors: [] };
  if (spec.columns === undefined || resolved.size < MIN_FOUND) return inferred;
  // Grows as labels are placed, so a placed label gives its column to the next (户 别 → 户 号).
  const boxes = new Map([...resolved].map(([key, match]) => [key, frame.box(match.quad)]));
  const height = median([...boxes.values()].map((box) => box.height));
  const grid = rowGrid(spec, boxes);
  if (grid === undefined) return inferred;
  const covered = coveredStarts(matches);
  const used = new Set<number>();
  const lineBoxes = lines.map((line) => frame.box(line.quad));
  for (const field of spec.fields) {
    if (resolved.has(field.key)) continue;
    const row = spec.layout.findIndex((keys) => keys.includes(field.key));
    if (row === -1) continue;
    const y = columnRowY(spec, field.key, row, boxes, grid.pitch) ?? grid.rowY(row);
    const x = columnX(spec, field.key, boxes);
    const { minX, maxX } = betweenRowMates(spec.layout[row] ?? [], field.key, boxes, height);
    const wording = shortestWording(field);
    const found: { index: number; end: number; shared: number; distance: number }[] = [];
    lines.forEach((line, index) => {
      const box = lineBoxes[index] as PageBox;
      if (used.has(index) || covered.has(index)) return;
      if (Math.abs(box.centerY - y) > grid.pitch * ROW_SLACK || box.left < minX || box.left >= maxX) return;
      const symbols = lineChars(line).map((char) => char.text);
      // Labels are Chinese: a lone digit or letter at a label's place is a value's stray mark.
      if (!symbols.some((symbol) => HAN.test(symbol))) return;
      // Nor is a word of the form's vocabularies (中国 shares 国 with 国籍, 汉族 族 with 民族): a value.
      if (isValue(symbols.join("").replace(/\s+/gu, ""))) return;
      const head = symbols.slice(0, wording.length + 1);
      const shared = sharedCount(head, field.labels);
      const short = symbols.length <= wording.length + 1;
      const offset = x === undefined ? 0 : box.left - x;
      // In its column; or a little right of it when the label's first characters were lost (职业 read as 业).
      const inColumn = Math.abs(offset) <= height * COLUMN_SLACK;
      const lostHead = offset > 0 && offset <= height * LOST_HEAD_SLACK && short && shared >= 1;
      if (x !== undefined && !inColumn && !lostHead) return;
      // A field only some forms print (户号 at the top of a card) needs some of its label read to be placed.
      const enough =
        x === undefined || field.optional ? shared >= Math.max(1, wording.length >> 1) : short || shared >= 1;
      if (!enough) return;
      // A short line is the label, up to a digit (labels hold none: `年32` is 年(龄) and the age 32) or up to a
      // vocabulary word after the label's characters (`国中国` is 国(籍) and 中国).
      const labelEnd = lastSharedIndex(head, field.labels) + 1;
      // Nor is a vocabulary word that merely ends in the label's character where the line goes on (`中国民族`: the
      // value 中国 and the next label 民族, this label lost).
      if (!short && labelEnd > 1 && isValue(symbols.slice(0, labelEnd).join(""))) return;
      const firstDigit = symbols.findIndex((symbol) => DIGIT.test(symbol));
      const end = !short
        ? labelEnd
        : firstDigit !== -1
          ? firstDigit
          : labelEnd > 0 && isValue(symbols.slice(labelEnd).join(""))
            ? labelEnd
            : symbols.length;
      if (end <= 0) return;
      const distance = Math.abs(box.centerY - y) + (x === undefined ? 0 : Math.abs(box.left - x));
      found.push({ index, end, shared, distance });
    });
    found.sort((a, b) => b.shared - a.shared || a.distance - b.distance);
    for (const [rank, candidate] of found.entries()) {
      // The first is the label; others stand with it only as the short pieces of one label wrapped in its cell.
      const line = lines[candidate.index] as TextLine;
      if (rank > 0 && (x === undefined || lineChars(line).length > wording.length)) continue;
      used.add(candidate.index);
      inferred.labels.push({ key: field.key, match: matchOf(field, line, candidate.index, candidate.end) });
      if (rank > 0) continue;
      boxes.set(field.key, lineBoxes[candidate.index] as PageBox);
      const whole = candidate.end === lineChars(line).length;
      for (const piece of letterSpacedPieces(
        candidate.index,
        whole,
        lineBoxes,
        lines,
        field.labels,
        height,
      )) {
        if (used.has(piece.index) || covered.has(piece.index)) continue;
        used.add(piece.index);
        const pieceLine = lines[piece.index] as TextLine;
        inferred.labels.push({ key: field.key, match: matchOf(field, pieceLine, piece.index, piece.end) });
      }
    }
    if (found.length === 0 && x !== undefined && !field.optional) {
      const box = makeBox(x, x + wording.length * height, y, height);
      // Where a found label already stands, the grid is contradicted: better no anchor than a wrong one.
      if ([...boxes.values()].some((other) => overlaps(box, other))) continue;
      inferred.anchors.push({ key: field.key, match: virtualMatch(field, box, frame), box });
    }
  }
  for (const tail of labelTails(spec, lines, resolved, frame, height, used, covered))
    inferred.labels.push(tail);
  return inferred;
}

/**
 * The rest of a label found by a shorter wording, read as a box of its own inside or beside it: the `（县）` of
 * 何时由何地迁来本市（县） wrapped in its cell when 何时由何地迁来本市 matched. Not a value.
 */
function labelTails(
  spec: DocumentSpec,
  lines: readonly TextLine[],
  resolved: ReadonlyMap<string, LabelMatch>,
  frame: PageFrame,
  height: number,
  used: Set<number>,
  covered: ReadonlySet<number>,
): { key: string; match: LabelMatch }[] {
  const fold = (text: string) => text.replace(/\s+/gu, "").replace(/（/gu, "(").replace(/）/gu, ")");
  const tails: { key: string; match: LabelMatch }[] = [];
  for (const field of spec.fields) {
    const match = resolved.get(field.key);
    if (match === undefined) continue;
    const variant = fold(match.variant);
    const rests = field.labels
      .map(fold)
      .filter((longer) => longer.length > variant.length && longer.startsWith(variant))
      .map((longer) => longer.slice(variant.length));
    if (rests.length === 0) continue;
    const label = frame.box(match.quad);
    lines.forEach((line, index) => {
      if (used.has(index) || covered.has(index) || !rests.includes(fold(line.text))) return;
      const box = frame.box(line.quad);
      const near =
        box.left >= label.left &&
        box.left <= label.right + height &&
        box.centerY >= label.top - height / 2 &&
        box.centerY <= label.bottom + height / 2;
      if (!near) return;
      used.add(index);
      tails.push({ key: field.key, match: matchOf(field, line, index, lineChars(line).length) });
    });
  }
  return tails;
}

/**
 * The other boxes of a letter-spaced label cut by the detector (住 | 址江苏省…, 籍 | 贯): next to the placed label on
 * its row, a box wholly of the label's characters before it, or a box after it that begins with them (cut there).
 */
function letterSpacedPieces(
  placed: number,
  whole: boolean,
  lineBoxes: readonly PageBox[],
  lines: readonly TextLine[],
  labels: readonly string[],
  height: number,
): { index: number; end: number }[] {
  const characters = new Set(labels.flatMap((label) => Array.from(label)));
  const own = lineBoxes[placed] as PageBox;
  const pieces: { index: number; end: number }[] = [];
  lines.forEach((line, index) => {
    const box = lineBoxes[index] as PageBox;
    if (index === placed || Math.abs(box.centerY - own.centerY) > height * 0.6) return;
    const symbols = lineChars(line).map((char) => char.text);
    const before = box.centerX < own.left && own.left - box.right < height * 1.5;
    const after = whole && box.centerX > own.right && box.left - own.right < height * 1.5;
    if (before && symbols.every((symbol) => characters.has(symbol) || SEPARATOR.test(symbol))) {
      pieces.push({ index, end: symbols.length });
    }
    if (after) {
      // Only the characters the placed part lacks, and no more than the label has (职业 | 职员 is a value).
      const placedText = lineChars(lines[placed] as TextLine)
        .map((char) => char.text)
        .filter((symbol) => !SEPARATOR.test(symbol));
      const missing = new Set([...characters].filter((symbol) => !placedText.includes(symbol)));
      const room = Math.max(...labels.map((label) => Array.from(label).length)) - placedText.length;
      let end = 0;
      while (end < Math.min(symbols.length, room) && missing.has(symbols[end] ?? "")) end++;
      while (end > 0 && end < symbols.length && SEPARATOR.test(symbols[end] ?? "")) end++;
      if (end > 0) pieces.push({ index, end });
    }
  });
  return pieces;
}

/** The y of each layout row: measured where a label of it was found, else interpolated or stepped by the pitch. */
function rowGrid(
  spec: DocumentSpec,
  boxes: ReadonlyMap<string, PageBox>,
): { rowY(row: number): number; pitch: number } | undefined {
  const measured = new Map<number, number>();
  spec.layout.forEach((keys, row) => {
    const ys = keys.flatMap((key) => {
      const box = boxes.get(key);
      return box ? [box.centerY] : [];
    });
    if (ys.length > 0) measured.set(row, median(ys));
  });
  const rows = increasingRows(measured);
  const steps = rows
    .slice(1)
    .map((row, index) => {
      const previous = rows[index] as number;
      return ((measured.get(row) as number) - (measured.get(previous) as number)) / (row - previous);
    })
    .filter((step) => step > 0)
    .sort((a, b) => a - b);
  // The lower quartile: rows are mostly evenly spaced, but a seal area leaves a wide gap on some pages.
  const pitch = steps[Math.floor((steps.length - 1) / 4)];
  if (pitch === undefined) return undefined;
  const rowY = (row: number): number => {
    const exact = rows.includes(row) ? measured.get(row) : undefined;
    if (exact !== undefined) return exact;
    const before = rows.filter((other) => other < row).at(-1);
    const after = rows.find((other) => other > row);
    const yBefore = before === undefined ? undefined : (measured.get(before) as number);
    const yAfter = after === undefined ? undefined : (measured.get(after) as number);
    if (before !== undefined && after !== undefined && yBefore !== undefined && yAfter !== undefined) {
      return yBefore + ((yAfter - yBefore) * (row - before)) / (after - before);
    }
    if (before !== undefined && yBefore !== undefined) return yBefore + pitch * (row - before);
    return (yAfter as number) - pitch * ((after as number) - row);
  };
  return { rowY, pitch };
}

/**
 * The longest run of measured rows whose heights increase with their place in the layout: a label found on the
 * wrong row (a neighbouring page's 承办人签章 at the top of a photo) is left out of the grid.
 */
function increasingRows(measured: Map<number, number>): number[] {
  const rows = [...measured.keys()].sort((a, b) => a - b);
  const longest: number[][] = [];
  rows.forEach((row, index) => {
    let best: number[] = [];
    for (let before = 0; before < index; before++) {
      const chain = longest[before] as number[];
      const last = chain[chain.length - 1] as number;
      if ((measured.get(last) as number) < (measured.get(row) as number) && chain.length > best.length)
        best = chain;
    }
    longest.push([...best, row]);
  });
  return longest.reduce<number[]>((best, chain) => (chain.length > best.length ? chain : best), []);
}

function overlaps(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The y of a row in the field's own printed column, from the labels found in that column (interpolated between the
 * nearest above and below, or stepped by the column's own pitch past the last): under perspective or a page's
 * curl the rows slope across the page, and a row's label found in the other column stands higher or lower than
 * this one's (the 承办人签章 of a card photographed at a slant stands a line above its 登记日期). Undefined when
 * fewer than two of the column's labels were found in order.
 */
function columnRowY(
  spec: DocumentSpec,
  key: string,
  row: number,
  boxes: ReadonlyMap<string, PageBox>,
  gridPitch: number,
): number | undefined {
  const column = spec.columns?.find((keys) => keys.includes(key));
  if (column === undefined) return undefined;
  const measured = new Map<number, number>();
  for (const other of column) {
    const box = boxes.get(other);
    const otherRow = spec.layout.findIndex((keys) => keys.includes(other));
    if (box !== undefined && otherRow !== -1 && otherRow !== row) measured.set(otherRow, box.centerY);
  }
  const rows = increasingRows(measured);
  if (rows.length < 2) return undefined;
  const at = (r: number) => measured.get(r) as number;
  const before = rows.filter((other) => other < row).at(-1);
  const after = rows.find((other) => other > row);
  if (before !== undefined && after !== undefined)
    return at(before) + ((at(after) - at(before)) * (row - before)) / (after - before);
  const steps = rows
    .slice(1)
    .map((r, index) => (at(r) - at(rows[index] as number)) / (r - (rows[index] as number)))
    .sort((a, b) => a - b);
  const pitch = steps[steps.length >> 1] as number;
  // A column's pitch far from the page's is no measure of its rows (a label found on the wrong row).
  if (!(pitch > gridPitch * 0.8 && pitch < gridPitch * 1.25)) return undefined;
  if (before !== undefined) return at(before) + pitch * (row - before);
  return at(after as number) - pitch * ((after as number) - row);
}

/** The left edge shared by the found labels of the field's printed column, if the spec gives it one. */
function columnX(spec: DocumentSpec, key: string, boxes: ReadonlyMap<string, PageBox>): number | undefined {
  const column = spec.columns?.find((keys) => keys.includes(key));
  const lefts = (column ?? []).flatMap((other) => {
    const box = boxes.get(other);
    return box ? [box.left] : [];
  });
  return lefts.length === 0 ? undefined : median(lefts);
}

/** A label sits right of the found label before it on its row and left of the one after it. */
function betweenRowMates(
  row: readonly string[],
  key: string,
  boxes: ReadonlyMap<string, PageBox>,
  height: number,
): { minX: number; maxX: number } {
  const slot = row.indexOf(key);
  let minX = Number.NEGATIVE_INFINITY;
  let maxX = Number.POSITIVE_INFINITY;
  for (const [index, other] of row.entries()) {
    const box = boxes.get(other);
    if (box === undefined) continue;
    if (index < slot) minX = Math.max(minX, box.right + height);
    if (index > slot) maxX = Math.min(maxX, box.left - height);
  }
  return { minX, maxX };
}

/** Lines whose first character some label already covers: not free to be another label. */
function coveredStarts(matches: readonly LabelMatch[]): Set<number> {
  const covered = new Set<number>();
  for (const match of matches) {
    for (const segment of labelSegments(match)) if (segment.start <= 1) covered.add(segment.lineIndex);
  }
  return covered;
}

function shortestWording(field: FieldSpec): string[] {
  const wordings = field.labels.map((label) => Array.from(label.replace(/\s+/gu, "")));
  return wordings.sort((a, b) => a.length - b.length)[0] ?? [];
}

/** How many of `head`'s characters occur in a wording of the label. */
function sharedCount(head: readonly string[], labels: readonly string[]): number {
  const characters = new Set(labels.flatMap((label) => Array.from(label)));
  return head.filter((symbol) => characters.has(symbol)).length;
}

/**
 * The index of the last character of `head` that a wording of the label holds, each of the label's characters taken
 * once: in `国中国`, only the first 国 is 国籍's (the second is the value 中国's).
 */
function lastSharedIndex(head: readonly string[], labels: readonly string[]): number {
  const unused = new Set(labels.flatMap((label) => Array.from(label)));
  let last = -1;
  head.forEach((symbol, index) => {
    if (!unused.has(symbol)) return;
    unused.delete(symbol);
    last = index;
  });
  return last;
}

function matchOf(field: FieldSpec, line: TextLine, lineIndex: number, end: number): LabelMatch {
  const chars = lineChars(line);
  return {
    key: field.labels[0] ?? field.key,
    variant: field.labels[0] ?? field.key,
    english: false,
    lineIndex,
    line,
    start: 0,
    end,
    quad: subQuad(line.quad, chars[0]?.start ?? 0, chars[end - 1]?.end ?? 1),
    // Placed by the grid, not read: a weak match.
    score: 0.4,
    atLineStart: true,
  };
}

/** A match standing for a label nothing was read of: no characters, its box where the grid puts it. */
function virtualMatch(field: FieldSpec, box: PageBox, frame: PageFrame): LabelMatch {
  const quad = corners(box).map(frame.toImage) as unknown as Quad;
  return {
    key: field.labels[0] ?? field.key,
    variant: field.labels[0] ?? field.key,
    english: false,
    lineIndex: -1,
    line: { text: "", confidence: 0, quad, detectionScore: 0, chars: [] },
    start: 0,
    end: 0,
    quad,
    score: 0,
    atLineStart: true,
  };
}

function corners(box: PageBox): Point[] {
  return [
    { x: box.left, y: box.top },
    { x: box.right, y: box.top },
    { x: box.right, y: box.bottom },
    { x: box.left, y: box.bottom },
  ];
}

function makeBox(left: number, right: number, centerY: number, height: number): PageBox {
  return {
    left,
    right,
    top: centerY - height / 2,
    bottom: centerY + height / 2,
    centerX: (left + right) / 2,
    centerY,
    height,
  };
}
