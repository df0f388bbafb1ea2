import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { valueFromBoxes } from "../documents/shared/join-boxes.ts";
import { isNameCharacter } from "../documents/shared/name-characters.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { isCommonSurname, isCompoundSurname } from "../documents/shared/surnames.ts";
import { boundsQuad, quadBounds } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Point, Quad, RecognizedChar, TextLine } from "../types.ts";
import { cellMosaic, type MosaicTile } from "./cell-mosaic.ts";
import { glyphSize, glyphSizes } from "./label-glyphs.ts";
import { ALWAYS_FILLED } from "./always-filled.ts";
import { CELL_REACH, labelBox, placedLabels } from "./reread-empty-cells.ts";
import type { TextEngine } from "./text-engine.ts";

/**
 * A page is searched only when this many, and this share, of its always-filled fields were read: a form never
 * filled in (every cell empty) or a page barely read is not, so blank forms stay blank.
 */
const MIN_FILLED = 2;
const MIN_FILLED_SHARE = 1 / 3;
/** The height, px, a label is scaled to in the mosaic: a size the detector finds text at reliably. */
const TEXT_PX = 48;
/** At most this many pixels of tiles in the mosaic, and labels scaled to no less than this height, px. */
const MOSAIC_PIXELS = 800_000;
const MIN_TEXT_PX = 32;
/** Scales a cell is cut at, at most and at least (a page's text already large is not blown up further). */
const MAX_SCALE = 4;
const MIN_SCALE = 0.5;
/** The strip cut for a cell reaches this many label heights past the cell's ends. */
const MARGIN = 0.6;
/** A cell reaches this many label heights above and below the label's centre line. */
const HALF_HEIGHT = 1.5;
/** A box found in a cell is the cell's value only when its centre is this near the label's line (label heights). */
const NEAR_LINE = 1.1;
/** And when its height is within these bounds (label heights): not a ruling, not a smear of background. */
const MIN_BOX_HEIGHT = 0.45;
const MAX_BOX_HEIGHT = 2;
/** A box mostly over text already given to a field or a label (this share of its area) is not a new value. */
const TAKEN_OVERLAP = 0.5;
/** Least mean confidence of what is read, by kind: free text and names invent most easily, so ask most of them. */
const MIN_CONFIDENCE: Readonly<Record<string, number>> = { name: 0.9, text: 0.9 };
const MIN_STRICT_CONFIDENCE = 0.8;
/** A box read with less mean confidence than this is background taken for text, not a doubtful part of a value. */
const NOISE = 0.5;
/**
 * Least mean confidence of a name of a name's shape (see `isNameShaped`): the prior that a surname and given-name
 * characters make a name stands for part of the certainty asked of other text.
 */
const MIN_NAME_SHAPED_CONFIDENCE = 0.75;
/** A name's shape needs its surname read at least this surely. */
const SURE_SURNAME = 0.9;
/** Least confidence of any single character of a name or free text. */
const MIN_CHAR_CONFIDENCE = 0.5;
/** What a value found this way keeps of its confidence: the page's own detection did not see it. */
const FOUND_FACTOR = 0.85;
/** The ruled line under a value, read as a dash at either end of it, and white space. */
const RULING = /^[-—–_－=~·.\s一丨|]$/u;
const CJK = /^[\u3400-\u9fff]$/u;
const LATIN = /[A-Za-z]/u;

/**
 * An empty cell searched for text: its field, the cell in page coordinates, the wider strip cut for it (with
 * margins left and right, so a character printed across the cell's edge is cut whole), and the scale it is cut at.
 */
interface Cell {
  field: FieldSpec;
  box: PageBox;
  cut: PageBox;
  scale: number;
  /** The size of the label's characters, page px: its box's height, less a caption or ruling the box took in. */
  text: number;
}

/** A box found in a cell's tile, and the characters read in it that lie in the cell. */
interface Found {
  cell: number;
  /** Left edge in the tile, px (reading order). */
  left: number;
  chars: RecognizedChar[];
  /** All the characters read in it, those in the cut's margins included. */
  all: RecognizedChar[];
}

/**
 * Looks for the value of each cell still empty once the labels are fitted, where the form always holds one: the
 * detector can miss a lone character on an underline (性别 `女`) or a value over guilloche or under glare at the
 * page's scale. Each such cell (right of its label, up to the next label on its row) is cut out, scaled so its text
 * is detector-sized and its contrast evened out, and all are stacked into one mosaic that is detected and read in
 * one call each. A box is kept only when it sits on the label's line, is of text height, is not text already
 * given to another field or a label, is read with high confidence, and is a valid value of its field's kind (a
 * vocabulary entry, a number in range, a real date, an ID number with its check digit; a name of Chinese
 * characters; no printed label or English caption). A blank form, or a page where most of these cells are empty,
 * is not searched. Changes `reading` in place.
 */
export async function findTextInEmptyCells(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  lines: readonly TextLine[] = [],
): Promise<void> {
  if (reading.blank) return;
  const cells = emptyCells(reading, spec, lines);
  if (cells.length === 0) return;
  withinBudget(cells);
  const { frame } = reading;
  const { image: mosaic, tiles } = cellMosaic(
    image,
    cells.map((cell) => ({
      quad: pageQuad(cell.cut, frame.toImage),
      width: Math.max(1, Math.round((cell.cut.right - cell.cut.left) * cell.scale)),
      height: Math.max(1, Math.round((cell.cut.bottom - cell.cut.top) * cell.scale)),
    })),
  );
  const quads = await engine.detect(mosaic, { longSide: Math.max(mosaic.width, mosaic.height) });
  const taken = takenBoxes(reading);
  const boxes = quads.flatMap((quad) => {
    const placed = placeInTile(quad, tiles, cells, (cell) =>
      taken.filter((box) => box.key !== cell.field.key),
    );
    return placed === undefined ? [] : [{ quad, ...placed }];
  });
  if (boxes.length === 0) return;
  const read = await engine.recognize(
    mosaic,
    boxes.map((box) => box.quad),
  );
  const found: Found[] = boxes.map((box, index) => ({
    cell: box.cell,
    left: box.left,
    chars: charsInCell(read[index] as TextLine, cells[box.cell] as Cell, tiles[box.cell] as MosaicTile),
    all: lineChars(read[index] as TextLine),
  }));
  const always = new Set(ALWAYS_FILLED[spec.type]);
  const give = (field: FieldSpec, value: ReturnType<typeof cellValue>, box: PageBox) => {
    const before = reading.fields.get(field.key);
    if (value === undefined || before === undefined) return;
    const quad = pageQuad(box, frame.toImage);
    const line = {
      text: value.text,
      chars: value.chars,
      quad,
      confidence: value.confidence,
      detectionScore: 1,
    };
    // Read as the page's own reading of the field would have read it (a place's spelling, a house number).
    const chars = spec.refineFound?.(field.key, line, frame) ?? value.chars;
    const text = chars.map((char) => char.text).join("");
    reading.fields.set(field.key, {
      ...before,
      text,
      pieceTexts: [text],
      chars,
      quads: [quad],
      confidence: value.confidence * FOUND_FACTOR,
    });
  };
  cells.forEach((cell, index) => {
    const inCell = found.filter((box) => box.cell === index).sort((a, b) => a.left - b.left);
    const value = cellValue(
      cell.field,
      inCell.map((box) => box.chars),
      spec,
    );
    give(cell.field, value, cell.box);
    // The next label on the row, missed on the page but read here, and its value after it: that field's.
    const whole = inCell.map((box) => box.all);
    const next = nextLabelIn(spec, cell.field, whole);
    const read = next && reading.fields.get(next.field.key);
    if (next && read && always.has(next.field.key) && readsEmpty(next.field, read))
      give(next.field, cellValue(next.field, whole.slice(next.index + 1), spec), cell.box);
  });
}

/**
 * The first box of a cell holding the label of the field printed next on the cell's row of the grid, and that
 * field: a label the page's reading missed, read in the cell.
 */
function nextLabelIn(
  spec: DocumentSpec,
  field: FieldSpec,
  boxes: readonly (readonly RecognizedChar[])[],
): { field: FieldSpec; index: number } | undefined {
  const row = spec.layout.find((keys) => keys.includes(field.key)) ?? [];
  const nextKey = row[row.indexOf(field.key) + 1];
  const next = spec.fields.find((other) => other.key === nextKey);
  if (next === undefined) return undefined;
  const words = next.labels.filter(isChineseWord);
  const index = boxes.findIndex((chars) => {
    const text = chars.map((char) => char.text).join("");
    return words.some((word) => text.endsWith(word));
  });
  return index < 0 ? undefined : { field: next, index };
}

/**
 * Scales the cells down together, so their tiles hold at most {@link MOSAIC_PIXELS} pixels, but never below
 * {@link MIN_TEXT_PX} labels: a page with many empty cells costs at most about one more page detection.
 */
function withinBudget(cells: Cell[]): void {
  const area = cells.reduce(
    (sum, cell) =>
      sum + (cell.cut.right - cell.cut.left) * (cell.cut.bottom - cell.cut.top) * cell.scale ** 2,
    0,
  );
  if (area <= MOSAIC_PIXELS) return;
  const factor = Math.max(MIN_TEXT_PX / TEXT_PX, Math.sqrt(MOSAIC_PIXELS / area));
  for (const cell of cells) cell.scale *= factor;
}

/**
 * The characters of a line read in a cell's tile whose centres lie in the cell proper, not in the margin cut with
 * it (the end of its label, the start of the next): a value printed over its label's end is cut whole, and the
 * label's characters beside it are left out.
 */
function charsInCell(line: TextLine, cell: Cell, tile: MosaicTile): RecognizedChar[] {
  const bounds = quadBounds(line.quad);
  return lineChars(line).filter((char) => {
    const x = bounds.left + ((char.start + char.end) / 2) * (bounds.right - bounds.left);
    const pageX = cell.cut.left + (x - tile.left) / cell.scale;
    return pageX >= cell.box.left && pageX <= cell.box.right;
  });
}

/** The cells of fields always filled but read empty, placed right of their labels (found or placed by the grid). */
export function emptyCells(reading: DocumentReading, spec: DocumentSpec, lines: readonly TextLine[]): Cell[] {
  const { frame } = reading;
  const labels = [...reading.fields.values()].flatMap((field) =>
    field.label && !field.label.english ? [{ key: field.key, box: frame.box(field.label.quad) }] : [],
  );
  const placed = placedLabels(reading);
  const glyphs = glyphSizes(reading);
  const always = new Set(ALWAYS_FILLED[spec.type]);
  const filled = spec.fields.filter((field) => {
    const read = reading.fields.get(field.key);
    return always.has(field.key) && read !== undefined && !readsEmpty(field, read);
  }).length;
  if (filled < Math.max(MIN_FILLED, always.size * MIN_FILLED_SHARE)) return [];
  return spec.fields.flatMap((field) => {
    const read = reading.fields.get(field.key);
    if (!always.has(field.key) || read === undefined || !readsEmpty(field, read)) return [];
    const found =
      labelBox(spec, field, labels) ??
      placed.get(field.key) ??
      placeRowLabel(spec, field, labels, otherPrintOf(spec, field, lines, frame));
    // Else after the value of the field before it on its row: the cell then holds the lost label too.
    const after = found === undefined ? placeAfterMate(spec, field, labels, reading) : undefined;
    const label = found ?? after;
    if (label === undefined || !(label.height > 0)) return [];
    const height = label.height;
    const labelWidth = after === undefined ? 0 : Array.from(field.labels[0] ?? "").length * height;
    const left = label.right;
    const nextOnRow = labels
      .filter(({ box }) => Math.abs(box.centerY - label.centerY) < height * 0.6 && box.left > label.right)
      .map(({ box }) => box.left);
    const reach = labelWidth + height * (CELL_REACH[field.kind] ?? 8);
    const right = Math.max(left + height, Math.min(left + reach, ...nextOnRow));
    const top = label.centerY - height * HALF_HEIGHT;
    const bottom = label.centerY + height * HALF_HEIGHT;
    const box: PageBox = {
      left,
      top,
      right,
      bottom,
      centerX: (left + right) / 2,
      centerY: label.centerY,
      height: bottom - top,
    };
    // A label's box may have taken in its English caption or a ruling (twice the text's height): the text is
    // scaled, and boxes found judged, by the size of its characters, never more than the box's height.
    const text = glyphSize(glyphs, field.key, height);
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, TEXT_PX / text));
    const margin = height * MARGIN;
    const cut = { ...box, left: left - margin, right: right + margin };
    return [{ field, box, cut, scale, text }];
  });
}

/**
 * Where the label of a field printed first on its row of the grid is, when it was not found (washed out by glare,
 * lost in a smear): left-aligned with the other rows' first labels, on the line of its row-mates' labels if any
 * were found, else between the nearest rows above and below whose labels were, in proportion to the rows between
 * them. Its width is its wording's at one label height per character, or reaches to the end of other print found
 * there (a row that starts with a caption and checkboxes). Undefined where the grid does not say.
 */
export function placeRowLabel(
  spec: DocumentSpec,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
  otherPrint: readonly PageBox[] = [],
): PageBox | undefined {
  const rowIndex = spec.layout.findIndex((row) => row[0] === field.key);
  if (rowIndex < 0) return undefined;
  const boxOf = (key: string) => labels.find((label) => label.key === key)?.box;
  const firsts = spec.layout.flatMap((row) => {
    const box = row[0] === undefined ? undefined : boxOf(row[0]);
    return box === undefined ? [] : [box];
  });
  if (firsts.length < 2) return undefined;
  const height = median(labels.map(({ box }) => box.height));
  const left = median(firsts.map((box) => box.left));
  const rowY = spec.layout.map((row) => {
    const ys = row.flatMap((key) => {
      const box = boxOf(key);
      return box === undefined ? [] : [box.centerY];
    });
    return ys.length === 0 ? undefined : ys.reduce((sum, y) => sum + y, 0) / ys.length;
  });
  let centerY = rowY[rowIndex];
  if (centerY === undefined) {
    const above = lastIndex(rowY, rowIndex);
    const below = rowY.findIndex((y, index) => index > rowIndex && y !== undefined);
    if (above < 0 || below < 0) return undefined;
    const top = rowY[above] as number;
    const bottom = rowY[below] as number;
    centerY = top + ((bottom - top) * (rowIndex - above)) / (below - above);
    // Rows are a label height or more apart; closer, the grid is not this one.
    if (Math.min(centerY - top, bottom - centerY) < height) return undefined;
  }
  const width = Array.from(field.labels[0] ?? "").length * height;
  const placed = {
    left,
    right: left + width,
    top: centerY - height / 2,
    bottom: centerY + height / 2,
    centerX: left + width / 2,
    centerY,
    height,
  };
  // Other print where the label should be: the row starts with more print (有效身份证件类别 ☑身份证 before
  // 证件号码), and the value follows all of it.
  const right = Math.max(
    placed.right,
    ...otherPrint.filter((box) => overlap(box, placed) > 0).map((box) => box.right),
  );
  return { ...placed, right, centerX: (left + right) / 2 };
}

/**
 * For a field printed after another on its row of the grid, whose label was not found: a point just after the
 * value read for the field before it, on that field's label's line, as a label box of no width (the cell then
 * starts where the lost label does). Undefined unless that label and value were found.
 */
export function placeAfterMate(
  spec: DocumentSpec,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
  reading: DocumentReading,
): PageBox | undefined {
  const row = spec.layout.find((keys) => keys.includes(field.key)) ?? [];
  const before = row[row.indexOf(field.key) - 1];
  if (before === undefined) return undefined;
  const label = labels.find((one) => one.key === before)?.box;
  const value = reading.fields.get(before);
  if (label === undefined || value === undefined || value.text.trim() === "") return undefined;
  const onLine = value.quads
    .map((quad) => reading.frame.box(quad))
    .filter((box) => Math.abs(box.centerY - label.centerY) < label.height && box.left > label.left);
  if (onLine.length === 0) return undefined;
  const x = Math.max(...onLine.map((box) => box.right)) + label.height * 0.3;
  const half = label.height / 2;
  return {
    left: x,
    right: x,
    top: label.centerY - half,
    bottom: label.centerY + half,
    centerX: x,
    centerY: label.centerY,
    height: label.height,
  };
}

/** Where the page's lines hold printed words (labels, titles, other print) that are not the field's own label. */
function otherPrintOf(
  spec: DocumentSpec,
  field: FieldSpec,
  lines: readonly TextLine[],
  frame: DocumentReading["frame"],
): PageBox[] {
  const own = new Set(field.labels);
  const words = printedWords(spec).filter((word) => !own.has(word) && Array.from(word).length >= 2);
  return lines.flatMap((line) => {
    const text = line.text.replace(/\s+/gu, "");
    return words.some((word) => text.includes(word)) ? [frame.box(line.quad)] : [];
  });
}

function lastIndex(values: readonly (number | undefined)[], before: number): number {
  for (let index = before - 1; index >= 0; index--) if (values[index] !== undefined) return index;
  return -1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/**
 * Whether a field's reading comes out as no value: nothing read, or only what its kind's rules drop (a ruling read
 * as 一 in a vocabulary cell, a label's last character).
 */
function readsEmpty(field: FieldSpec, read: FieldReading): boolean {
  if (read.text.trim() === "") return true;
  const fromBoxes = field.parts ? valueFromBoxes(read.pieceTexts.join(";"), field) : undefined;
  return (fromBoxes ?? normaliseValue(read.text, field, read.chars).value) === "";
}

/** A page box as an image quad, corners listed from the reading direction. */
function pageQuad(box: PageBox, toImage: (point: Point) => Point): Quad {
  return boundsQuad(box).map(toImage) as unknown as Quad;
}

/** The page boxes of text already given to fields (with the field's key), and of the labels found. */
function takenBoxes(reading: DocumentReading): (PageBox & { key: string })[] {
  const { frame } = reading;
  return [...reading.fields.values()].flatMap((field) => [
    ...field.quads.map((quad) => ({ ...frame.box(quad), key: field.key })),
    ...(field.label ? [{ ...frame.box(field.label.quad), key: "" }] : []),
  ]);
}

/**
 * The tile a detected box lies in, and its left edge there, when it may be its cell's value: on the label's line,
 * of text height, and not mostly over text already taken (in page coordinates, back through the tile's scale).
 */
function placeInTile(
  quad: Quad,
  tiles: readonly MosaicTile[],
  cells: readonly Cell[],
  takenFor: (cell: Cell) => readonly PageBox[],
): { cell: number; left: number } | undefined {
  const bounds = quadBounds(quad);
  const centreY = (bounds.top + bounds.bottom) / 2;
  const centreX = (bounds.left + bounds.right) / 2;
  const index = tiles.findIndex(
    (tile) =>
      centreY >= tile.top &&
      centreY < tile.top + tile.height &&
      centreX >= tile.left &&
      centreX < tile.left + tile.width,
  );
  const tile = tiles[index];
  const cell = cells[index];
  if (tile === undefined || cell === undefined) return undefined;
  const labelHeight = cell.scale * (cell.cut.height / (2 * HALF_HEIGHT));
  const textHeight = cell.scale * cell.text;
  const height = bounds.bottom - bounds.top;
  if (height < textHeight * MIN_BOX_HEIGHT || height > labelHeight * MAX_BOX_HEIGHT) return undefined;
  if (Math.abs(centreY - (tile.top + tile.height / 2)) > labelHeight * NEAR_LINE) return undefined;
  const page = {
    left: cell.cut.left + (bounds.left - tile.left) / cell.scale,
    right: cell.cut.left + (bounds.right - tile.left) / cell.scale,
    top: cell.cut.top + (bounds.top - tile.top) / cell.scale,
    bottom: cell.cut.top + (bounds.bottom - tile.top) / cell.scale,
  };
  const area = (page.right - page.left) * (page.bottom - page.top);
  if (!(area > 0)) return undefined;
  const covered = takenFor(cell).reduce((sum, box) => sum + overlap(page, box), 0);
  if (covered > area * TAKEN_OVERLAP) return undefined;
  return { cell: index, left: bounds.left - tile.left };
}

function overlap(
  a: { left: number; right: number; top: number; bottom: number },
  b: { left: number; right: number; top: number; bottom: number },
): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/** What the boxes found in a field's cell say, if they make a value of its kind; undefined when in doubt. */
export function cellValue(
  field: FieldSpec,
  boxes: readonly (readonly RecognizedChar[])[],
  spec: DocumentSpec,
): { text: string; chars: RecognizedChar[]; confidence: number } | undefined {
  const pieces = boxes.flatMap((read) => {
    const chars = trimRulings(read);
    return chars.length === 0 ? [] : [{ chars, text: chars.map((char) => char.text).join("") }];
  });
  // Another field's label read in the cell ends it (the next label on the row, missed on the page): what
  // follows it is that field's value. What precedes it in its box (a value read up to the next cell's label,
  // 博乐市出生日期) is kept.
  const others = otherLabels(spec, field);
  const end = pieces.findIndex((piece) => others.some((word) => piece.text.includes(word)));
  if (end >= 0) {
    const piece = pieces[end] as (typeof pieces)[number];
    const at = Math.min(...others.map((word) => piece.text.indexOf(word)).filter((index) => index >= 0));
    const chars = piece.chars.slice(0, Array.from(piece.text.slice(0, at)).length);
    pieces.splice(
      end,
      pieces.length - end,
      ...(chars.length === 0 ? [] : [{ chars, text: piece.text.slice(0, at) }]),
    );
  }
  if (pieces.length === 0) return undefined;
  const printed = printedWords(spec);
  const strict = !(field.kind === "name" || field.kind === "text");
  if (strict) {
    // One box that is a value by itself, else, for a value printed in boxes between preprinted units (出生时间),
    // all the cell's boxes together.
    const tries = field.parts ? [...pieces.map((piece) => [piece]), pieces] : pieces.map((piece) => [piece]);
    for (const attempt of tries) {
      const chars = attempt.flatMap((piece) => piece.chars);
      const text = attempt.map((piece) => piece.text).join(field.parts ? ";" : "");
      const confidence = meanConfidence(chars);
      if (confidence >= MIN_STRICT_CONFIDENCE && strictValue(text, field))
        return { text: attempt.map((piece) => piece.text).join(" "), chars, confidence };
    }
    return undefined;
  }
  // The field's own label read with its value (a cell placed where the label was lost) is cut off.
  const own = field.labels.filter(isChineseWord);
  for (const [index, piece] of pieces.entries()) {
    const at = Math.max(...own.map((word) => endOf(piece.text, word)));
    if (at <= 0) continue;
    const chars = piece.chars.slice(Array.from(piece.text.slice(0, at)).length);
    pieces[index] = { chars, text: chars.map((char) => char.text).join("") };
  }
  // Print and English captions are not the value; a box read very unsure is background (guilloche, a smear).
  const kept = pieces.filter(
    (piece) =>
      !isPrinted(piece.text, printed) && !LATIN.test(piece.text) && meanConfidence(piece.chars) >= NOISE,
  );
  if (kept.length === 0) return undefined;
  const chosen = field.kind === "name" ? [bestPiece(kept)] : kept;
  // Every piece of the value must be read surely: a part left out or misread would make a wrong value look sure.
  const least = (piece: { chars: RecognizedChar[] }) =>
    field.kind === "name" && isNameShaped(piece.chars)
      ? MIN_NAME_SHAPED_CONFIDENCE
      : (MIN_CONFIDENCE[field.kind] ?? MIN_STRICT_CONFIDENCE);
  const sure = chosen.every(
    (piece) =>
      meanConfidence(piece.chars) >= least(piece) &&
      piece.chars.every((char) => char.confidence >= MIN_CHAR_CONFIDENCE),
  );
  if (!sure) return undefined;
  const chars = chosen.flatMap((piece) => piece.chars);
  const text = chosen.map((piece) => piece.text).join("");
  const confidence = meanConfidence(chars);
  const letters = Array.from(text);
  if (field.kind === "name" && !(letters.length >= 2 && letters.length <= 6 && letters.every(isNameChar)))
    return undefined;
  if (field.kind === "text" && (letters.length < 2 || letters.filter((c) => CJK.test(c)).length < 2))
    return undefined;
  return { text, chars, confidence };
}

/**
 * Whether characters read make a Chinese name's shape: two to four, the first a common surname (or the first two a
 * compound one) read surely, the others characters that given names hold. Background or print read in a cell
 * seldom does, so such a reading is taken less surely read than other text.
 */
function isNameShaped(chars: readonly RecognizedChar[]): boolean {
  const [first] = chars;
  if (first === undefined || chars.length < 2 || chars.length > 4) return false;
  const compound = isCompoundSurname(chars);
  if (!compound && !(isCommonSurname(first.text) && first.confidence >= SURE_SURNAME)) return false;
  return chars.slice(compound ? 2 : 1).every((char) => isNameCharacter(char.text));
}

function isNameChar(char: string): boolean {
  return CJK.test(char) || char === "·";
}

function bestPiece<T extends { chars: RecognizedChar[] }>(pieces: readonly T[]): T {
  return pieces.reduce((best, piece) =>
    meanConfidence(piece.chars) > meanConfidence(best.chars) ? piece : best,
  );
}

function strictValue(text: string, field: FieldSpec): boolean {
  if (field.parts) {
    const boxes = valueFromBoxes(text, field);
    if (boxes !== undefined) return boxes !== "";
  }
  const normalised = normaliseValue(text, field);
  return normalised.valid && normalised.confidence >= 0.8 && normalised.value !== "";
}

function trimRulings(chars: readonly RecognizedChar[]): RecognizedChar[] {
  let start = 0;
  let end = chars.length;
  while (start < end && RULING.test(chars[start]?.text ?? "")) start++;
  while (end > start && RULING.test(chars[end - 1]?.text ?? "")) end--;
  return chars.slice(start, end);
}

function meanConfidence(chars: readonly RecognizedChar[]): number {
  return chars.length ? chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length : 0;
}

/** The Chinese wordings of the labels of the document's other fields (two characters or more). */
function otherLabels(spec: DocumentSpec, field: FieldSpec): string[] {
  const own = new Set(field.labels);
  return [
    ...new Set(
      spec.fields.flatMap((other) => other.labels.filter((word) => !own.has(word) && isChineseWord(word))),
    ),
  ];
}

/** Where `word` ends in `text` (UTF-16 index), or -1. */
function endOf(text: string, word: string): number {
  const index = text.indexOf(word);
  return index < 0 ? -1 : index + word.length;
}

function isChineseWord(word: string): boolean {
  return Array.from(word).length >= 2 && /[\u4e00-\u9fff]/u.test(word);
}

/** The Chinese words printed on the form: its labels, titles and other print. */
function printedWords(spec: DocumentSpec): string[] {
  const words = [
    ...spec.fields.flatMap((field) => field.labels),
    ...spec.titles,
    ...(spec.printed ?? []),
  ].filter((word) => /[\u4e00-\u9fff]/u.test(word));
  return [...new Set(words)];
}

/**
 * Whether a reading is (part of) the form's own print: it holds a printed word of two or more characters, or it
 * is a piece of one (a label's end read past its box, `别`, `名`).
 */
function isPrinted(text: string, printed: readonly string[]): boolean {
  return printed.some((word) => text.includes(word) || word.includes(text));
}
