import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { valueFromBoxes } from "../documents/shared/join-boxes.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import type { LabelMatch } from "../documents/shared/label-matcher.ts";
import type { PageBox, PageFrame } from "../documents/shared/page-frame.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import { boundsQuad } from "../geometry/quad.ts";
import type { Point, Quad, RecognizedChar, TextLine } from "../types.ts";
import { ALWAYS_FILLED } from "./always-filled.ts";
import { glyphSize, glyphSizes } from "./label-glyphs.ts";
import type { TextEngine } from "./text-engine.ts";

/** Kinds whose value is short and strictly formed, so a cell read on its own is accepted only when it is one. */
const STRICT_KINDS = new Set(["vocabulary", "number", "gestational-age", "id-number", "date", "birth-time"]);
/** How far right of its label a cell reaches when no other label ends it, in label heights, by kind. */
export const CELL_REACH: Readonly<Record<string, number>> = {
  name: 8,
  text: 24,
  vocabulary: 6,
  number: 5,
  "gestational-age": 4,
  "id-number": 14,
  date: 12,
  "birth-time": 18,
  digits: 10,
  "certificate-number": 10,
};
/**
 * Where the cell is tried, as shifts of its centre from the label's in label heights: level with it first, then a
 * little higher and lower, for print that sits off its line (the printer's misregistration).
 */
const OFFSETS = [0, -0.5, 0.5];
/** The ruled line under a value, read as a dash at either end of it, and white space. */
const RULING = /^[-—–_－=~·.\s一丨|]$/u;
/**
 * Kinds read again also when what was read is not a valid value: boxed dates whose boxes did not make one, and
 * numbers out of their range or with a neighbour's digits (a first digit printed over the label and lost with it),
 * and words of a vocabulary read as none of its entries.
 */
const NUMBER_KINDS = new Set(["number", "gestational-age"]);
const DIGIT = /[\d０-９]/u;
/** What may follow a number in its cell: its unit, or the days of a gestational age. */
const UNIT_END = /[周天+⁺＋]/u;
/** How far past the kind's reach a number's printed unit is still looked for, in label heights. */
const UNIT_REACH = 3;
const AGAIN_WHEN_INVALID = new Set(["date", "birth-time", "number", "gestational-age", "vocabulary"]);
/** A character read less surely than this at either end of a vocabulary word read alone may be left out… */
const UNSURE_END = 0.5;
/** …when every character left is read at least this surely. */
const SURE_REST = 0.8;
const HAN = /\p{Script=Han}/u;
/** A Chinese character read at least this surely in a cell says the cell holds print (guilloche reads less so). */
const SEEN = 0.5;
/** What a value read on its own keeps of its confidence: it was not seen by the detector. */
const REREAD_FACTOR = 0.9;

/**
 * Reads again, each on its own, the cells the detector left without text: a single character (性别 `女`) or a short
 * number beside a long label is often missed on a busy background, while the same cell cut out and read directly is
 * read well. A cell is the strip right of the field's label, one label height above and below it, up to the next
 * label on its row; a shared label not found for this field is placed from where it was found for the other. Boxed values (出生时间, 签发日期) whose boxes did not make a value are read again as one strip
 * with their printed units. Only fields of strict form are read again, and what is read is kept only when it is a
 * valid value of its kind (a vocabulary entry, a number, a real date, an ID number with a correct check digit); a
 * blank form is not read again at all. Changes `reading` in place.
 */
export async function rereadEmptyCells(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  lines: readonly TextLine[] = [],
): Promise<void> {
  if (reading.blank) return;
  const { frame } = reading;
  const labels = [...reading.fields.values()].flatMap((field) =>
    field.label && !field.label.english ? [{ key: field.key, box: wholeLabelBox(field.label, frame) }] : [],
  );
  const placed = placedLabels(reading);
  const valueAt = (key: string): string => {
    const field = spec.fields.find((other) => other.key === key);
    const text = reading.fields.get(key)?.text ?? "";
    return field === undefined || text.trim() === "" ? "" : normaliseValue(text, field).value;
  };
  const units = unitBoxes(lines, spec, frame);
  const wanted = spec.fields.filter(
    (field) =>
      needsReread(field, reading.fields.get(field.key), valueAt) ||
      daysLeftOut(field, reading.fields.get(field.key), units, frame),
  );
  const around = { labels, placed, units, valueAt };
  await rereadCells(image, reading, spec, engine, wanted, around);
  // A number judged by another field's value (a weight by the weeks of gestation) that this pass filled in is judged
  // again: `367` beside an empty 孕周 passed, beside `39` weeks it is four digits read with one lost.
  const judgedAgain = spec.fields.filter(
    (field) =>
      field.plausibleWith !== undefined &&
      !wanted.includes(field) &&
      needsReread(field, reading.fields.get(field.key), valueAt),
  );
  if (judgedAgain.length > 0) await rereadCells(image, reading, spec, engine, judgedAgain, around);
}

/** Reads the cells of `wanted` in one call and keeps what is a valid value of each (see {@link rereadEmptyCells}). */
async function rereadCells(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  wanted: readonly FieldSpec[],
  around: {
    labels: readonly { key: string; box: PageBox }[];
    placed: ReadonlyMap<string, PageBox>;
    units: readonly UnitBox[];
    valueAt: (key: string) => string;
  },
): Promise<void> {
  const { frame } = reading;
  const { labels, placed, units, valueAt } = around;
  const glyphs = glyphSizes(reading);
  const cells = wanted.flatMap((field) => {
    const box = labelBox(spec, field, labels) ?? placed.get(field.key);
    if (box === undefined) return [];
    // Last, a strip as high as the label's characters: a lone character in a strip cut by a label box that took
    // in its caption (twice the text's height) is read too small.
    const text = glyphSize(glyphs, field.key, box.height);
    const bands = [...OFFSETS.map((offset) => ({ offset, half: box.height })), { offset: 0, half: text }];
    return bands.map(({ offset, half }, band) => ({
      field,
      band,
      quad: cellQuad(box, half, field, labels, offset, frame.toImage, unitEnd(box, field, units)),
    }));
  });
  if (cells.length === 0) return;
  const plain = await engine.recognize(
    image,
    cells.map((cell) => cell.quad),
  );
  // The value each field took from its first band read acceptably; weeks taken without days may still gain them
  // from a later band (the small raised `+5` is read in the band cut a little higher).
  const done = new Map<string, string>();
  const seen = new Set<string>();
  const take = (cell: { field: FieldSpec; quad: Quad }, line: TextLine | undefined) => {
    const { field, quad } = cell;
    const read = reading.fields.get(field.key);
    const taken = done.get(field.key);
    const mayGainDays = field.kind === "gestational-age" && taken !== undefined && !taken.includes("+");
    if ((taken !== undefined && !mayGainDays) || line === undefined || read === undefined) return;
    const kept = valueChars(lineChars(line), field, valueAt);
    if (lineChars(line).some((char) => HAN.test(char.text) && char.confidence >= SEEN)) seen.add(field.key);
    const text = joined(kept);
    if (!acceptable(text, field, valueAt)) return;
    // Weeks read already, and plausible, are read again only for their days: replaced by the same weeks with days.
    const before = read.text.trim() === "" ? "" : normaliseValue(read.text, field).value;
    const plausible = before !== "" && isPlausibleNumber(before, field, valueAt);
    if (
      field.kind === "gestational-age" &&
      plausible &&
      !normaliseValue(text, field).value.startsWith(`${before}+`)
    )
      return;
    done.set(field.key, normaliseValue(text, field).value);
    reading.fields.set(field.key, {
      ...read,
      text,
      pieceTexts: [text],
      chars: kept,
      quads: [quad],
      confidence: line.confidence * REREAD_FACTOR,
    });
  };
  cells.forEach((cell, index) => {
    take(cell, plain[index]);
  });
  // A word printed across a ruling (a misaligned print: 女 over its cell's left edge) is read again with the
  // rulings painted out: for a vocabulary field the page must fill, one read as something else, or one whose
  // cell showed a Chinese character. A blank optional cell shows none, and costs nothing more.
  const always = new Set(ALWAYS_FILLED[spec.type]);
  const bands = new Set([nearestOffsetBand(reading, labels), OFFSETS.length]);
  const again = cells.filter(
    ({ field, band }) =>
      bands.has(band) &&
      field.kind === "vocabulary" &&
      !done.has(field.key) &&
      (always.has(field.key) ||
        seen.has(field.key) ||
        (reading.fields.get(field.key)?.text.trim() ?? "") !== ""),
  );
  if (again.length > 0) {
    const clean = await engine.recognize(
      image,
      again.map((cell) => cell.quad),
      { withoutRulings: true },
    );
    again.forEach((cell, index) => {
      take(cell, clean[index]);
    });
  }
  // A reading that its characters' alternatives put right (设族 with 汉 among 设's) is left as it is.
  const withLabel = wanted.filter((field) => {
    const read = reading.fields.get(field.key);
    const text = read?.text.trim() ?? "";
    if (field.kind !== "vocabulary" || done.has(field.key) || read === undefined) return false;
    if (text !== "" && normaliseValue(read.text, field, read.chars).valid) return false;
    return always.has(field.key) || seen.has(field.key) || text !== "";
  });
  await readWithLabels(image, reading, engine, withLabel, labels, valueAt);
}

/** Least confidence of each character, and least mean confidence, of a word read together with its label. */
const SURE_WITH_LABEL = 0.6;
const SURE_WITH_LABEL_MEAN = 0.75;
/** The line read with its label reaches this many character sizes above and below the label's centre line. */
const LINE_HALF_HEIGHT = 0.75;
/** A character read past its label's end by less than this many character sizes is still the label's. */
const LABEL_END_SLACK = 0.25;

/**
 * Reads the cells of vocabulary fields still without a valid value together with their labels, as one line from
 * the label's start to the cell's end: a word printed close after a long label (户主或与户主关系 `妻`), or across
 * the ruling that ends the label's cell, is missed by the detector and read poorly alone, but read well in the
 * line it continues. Each is read as it is and with the rulings painted out, in one recogniser call each; what
 * lies past the label's end is kept when it is a valid entry read surely and both readings do not name different
 * entries. A cell where a Chinese character was read past the label but gave no value is noted in
 * `reading.unreadInk`: its empty answer is not sure. Changes `reading` in place.
 */
async function readWithLabels(
  image: RawImage,
  reading: DocumentReading,
  engine: TextEngine,
  fields: readonly FieldSpec[],
  labels: readonly { key: string; box: PageBox }[],
  valueAt: (key: string) => string,
): Promise<void> {
  const { frame } = reading;
  const glyphs = glyphSizes(reading);
  const sizes = [...glyphs.values()].sort((a, b) => a - b);
  const pageText = sizes[sizes.length >> 1] ?? 0;
  const cells = fields.flatMap((field) => {
    const found = reading.fields.get(field.key)?.label;
    const box = labels.find((label) => label.key === field.key)?.box;
    if (found === undefined || box === undefined) return [];
    const text = glyphSize(glyphs, field.key, box.height);
    const end = box.right - text * LABEL_END_SLACK;
    // A long label is printed small to fit its cell (户主或与户主关系): the value is as large as the page's others.
    const half = LINE_HALF_HEIGHT * Math.max(text, pageText);
    const cell = pageBounds(
      cellQuad(box, text, field, labels, 0, (point) => point),
      half,
    );
    const line = { left: box.left, right: cell.right, top: cell.top, bottom: cell.bottom };
    return [{ field, end, line, value: { ...line, left: box.right } }];
  });
  if (cells.length === 0) return;
  const quads = cells.map(({ line }) => boundsQuad(line).map(frame.toImage) as unknown as Quad);
  const readings = [
    await engine.recognize(image, quads),
    await engine.recognize(image, quads, { withoutRulings: true }),
  ];
  cells.forEach(({ field, end, line, value }, index) => {
    const read = reading.fields.get(field.key);
    if (read === undefined) return;
    let ink = false;
    const options = readings.flatMap((lines) => {
      const all = lineChars(lines[index] as TextLine);
      const past = all.filter(
        (char) => line.left + ((char.start + char.end) / 2) * (line.right - line.left) > end,
      );
      if (past.some((char) => HAN.test(char.text) && char.confidence >= SEEN)) ink = true;
      const kept = valueChars(past, field, valueAt);
      const text = joined(kept);
      const unsure =
        kept.some((char) => char.confidence < SURE_WITH_LABEL) || meanOf(kept) < SURE_WITH_LABEL_MEAN;
      if (!acceptable(text, field, valueAt) || unsure) return [];
      return [{ text, kept, value: normaliseValue(text, field).value, confidence: meanOf(kept) }];
    });
    if (options.length === 0 || new Set(options.map((option) => option.value)).size > 1) {
      if (ink) reading.unreadInk = new Set([...(reading.unreadInk ?? []), field.key]);
      return;
    }
    const best = options.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    reading.fields.set(field.key, {
      ...read,
      text: best.text,
      pieceTexts: [best.text],
      chars: best.kept,
      quads: [boundsQuad(value).map(frame.toImage) as unknown as Quad],
      confidence: best.confidence * REREAD_FACTOR,
    });
  });
}

function meanOf(chars: readonly RecognizedChar[]): number {
  return chars.length === 0 ? 0 : chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length;
}

/** The bounds, in page coordinates, of a cell quad made in page coordinates, `half` above and below its centre. */
function pageBounds(quad: Quad, half: number): { left: number; right: number; top: number; bottom: number } {
  const xs = quad.map((point) => point.x);
  const ys = quad.map((point) => point.y);
  const centre = (Math.min(...ys) + Math.max(...ys)) / 2;
  return { left: Math.min(...xs), right: Math.max(...xs), top: centre - half, bottom: centre + half };
}

/**
 * The band of {@link OFFSETS} nearest to where the page's values sit against their labels (the median shift of the
 * values read, in label heights): a printer's misregistration moves every value of a page alike.
 */
function nearestOffsetBand(
  reading: DocumentReading,
  labels: readonly { key: string; box: PageBox }[],
): number {
  const shifts = labels.flatMap(({ key, box }) => {
    const quads = reading.fields.get(key)?.quads ?? [];
    const first = quads[0];
    if (first === undefined || quads.length !== 1 || !(box.height > 0)) return [];
    return [(reading.frame.box(first).centerY - box.centerY) / box.height];
  });
  shifts.sort((a, b) => a - b);
  const shift = shifts[shifts.length >> 1] ?? 0;
  let best = 0;
  OFFSETS.forEach((offset, band) => {
    if (Math.abs(offset - shift) < Math.abs((OFFSETS[best] as number) - shift)) best = band;
  });
  return best;
}

/**
 * What of a cell's reading may be its value: without rulings read at its ends, a number without the label's or
 * the next label's character beside it, and a vocabulary word without an unsure character at an end.
 */
function valueChars(
  all: readonly RecognizedChar[],
  field: FieldSpec,
  valueAt: (key: string) => string,
): RecognizedChar[] {
  let start = 0;
  let end = all.length;
  while (start < end && RULING.test(all[start]?.text ?? "")) start++;
  while (end > start && RULING.test(all[end - 1]?.text ?? "")) end--;
  if (NUMBER_KINDS.has(field.kind)) {
    // The label's last character read before the number (`龄32`), and the next label's first after it (`32国`).
    while (start < end && !DIGIT.test(all[start]?.text ?? "")) start++;
    while (end > start && !DIGIT.test(all[end - 1]?.text ?? "") && !UNIT_END.test(all[end - 1]?.text ?? ""))
      end--;
  }
  const kept = all.slice(start, end);
  if (field.kind !== "vocabulary" || acceptable(joined(kept), field, valueAt)) return kept;
  return withoutUnsureEnds(kept);
}

function joined(chars: readonly RecognizedChar[]): string {
  return chars.map((char) => char.text).join("");
}

/**
 * A word read with an unsure character at either end, the end of its label (族 read 疾) or a stroke of the next
 * ruling, left without them when what remains is read surely; otherwise nothing. The cell's crop starts right
 * after its label and ends at the next, so a piece of either is read with a lone value as often as not.
 */
function withoutUnsureEnds(chars: readonly RecognizedChar[]): RecognizedChar[] {
  let start = 0;
  let end = chars.length;
  while (start < end && (chars[start]?.confidence ?? 0) < UNSURE_END) start++;
  while (end > start && (chars[end - 1]?.confidence ?? 0) < UNSURE_END) end--;
  const rest = chars.slice(start, end);
  if (rest.length === chars.length || rest.some((char) => char.confidence < SURE_REST)) return [];
  return rest;
}

/**
 * The box of a label found with its last characters lost (`出生体` for 出生体重: a number printed over the label's end
 * takes its last character with it), reaching as far as the whole wording would, at the width of the characters read.
 */
function wholeLabelBox(label: LabelMatch, frame: PageFrame): PageBox {
  const box = frame.box(label.quad);
  const read = label.end - label.start;
  const wording = Array.from(label.variant.replace(/\s+/gu, ""));
  const lost = wording.length - read;
  const last = lineChars(label.line)[label.end - 1]?.text;
  if (lost <= 0 || read <= 0 || last === wording[wording.length - 1]) return box;
  const right = box.right + (lost * (box.right - box.left)) / read;
  return { ...box, right, centerX: (box.left + right) / 2 };
}

/**
 * The labels of fields that were neither found nor read, where the grid places them (a label lost with its value:
 * 性别 and `女` both missed by the detector), by key: only that field's own cell is placed by one, never another
 * field's (a placed label does not end the cell before it).
 */
export function placedLabels(reading: DocumentReading): Map<string, PageBox> {
  return new Map(
    [...(reading.placedLabels ?? [])].filter(([key]) => reading.fields.get(key)?.label === undefined),
  );
}

/**
 * Where a field's label is: where it was found, or, for a label printed for several fields (the parents' 年龄, 国籍)
 * and not found for this one, in the column where it was found for another and on the row of this field's
 * row-mates.
 */
export function labelBox(
  spec: DocumentSpec,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
): PageBox | undefined {
  const boxOf = (key: string) => labels.find((label) => label.key === key)?.box;
  const own = boxOf(field.key);
  if (own !== undefined) return own;
  const rowOf = (key: string) => spec.layout.find((row) => row.includes(key)) ?? [];
  const rowCentre = (key: string) => {
    const found = rowOf(key).flatMap((mate) => (mate === key ? [] : [boxOf(mate)?.centerY ?? Number.NaN]));
    const known = found.filter((y) => !Number.isNaN(y));
    return known.length ? known.reduce((sum, y) => sum + y, 0) / known.length : undefined;
  };
  const centerY = rowCentre(field.key);
  const twin = spec.fields.find(
    (other) =>
      other.key !== field.key && other.labels[0] === field.labels[0] && boxOf(other.key) !== undefined,
  );
  const twinBox = twin === undefined ? undefined : boxOf(twin.key);
  if (centerY === undefined || twinBox === undefined) return undefined;
  const half = twinBox.height / 2;
  return { ...twinBox, top: centerY - half, bottom: centerY + half, centerY };
}

/**
 * Whether a gestational age read as weeks alone has room for its days before its printed unit (`29` … `周` with a
 * character's gap between them): the small raised `+0` is often missed or read as a separate mark.
 */
function daysLeftOut(
  field: FieldSpec,
  read: FieldReading | undefined,
  units: readonly UnitBox[],
  frame: PageFrame,
): boolean {
  if (field.kind !== "gestational-age" || read === undefined || read.quads.length === 0) return false;
  if (!/^\d{2}$/u.test(normaliseValue(read.text, field).value)) return false;
  const boxes = read.quads.map((quad) => frame.box(quad));
  const right = Math.max(...boxes.map((box) => box.right));
  const centerY = boxes.reduce((sum, box) => sum + box.centerY, 0) / boxes.length;
  const height = Math.max(...boxes.map((box) => box.height));
  const unit = units
    .filter(
      ({ unit, box }) =>
        field.units?.includes(unit) && Math.abs(box.centerY - centerY) < height && box.left > right,
    )
    .sort((a, b) => a.box.left - b.box.left)[0];
  return (
    unit !== undefined && unit.box.left - right > height * DAYS_GAP && unit.box.left - right < height * 4
  );
}

/** A gap before the unit this many value heights wide may hold a gestational age's days. */
const DAYS_GAP = 0.8;

/** A field of strict form whose value is missing, or, for boxed values and numbers, not a valid value. */
function needsReread(
  field: FieldSpec,
  read: FieldReading | undefined,
  valueAt: (key: string) => string,
): boolean {
  if (!STRICT_KINDS.has(field.kind) || read === undefined) return false;
  if (read.text.trim() === "") return true;
  if (!AGAIN_WHEN_INVALID.has(field.kind)) return false;
  if (NUMBER_KINDS.has(field.kind)) {
    return !isPlausibleNumber(normaliseValue(read.text, field).value, field, valueAt);
  }
  const boxes = field.parts ? valueFromBoxes(read.pieceTexts.join(";"), field) : undefined;
  return !(boxes ?? normaliseValue(read.text, field).valid);
}

/**
 * Whether a number as normalised is one its field can hold, even if doubted for what was read beside it (`3085克 3`
 * is 3085, and is not read again).
 */
function isPlausibleNumber(value: string, field: FieldSpec, valueAt: (key: string) => string): boolean {
  if (field.kind === "gestational-age") {
    const weeks = /^(\d{2})(\+[0-6])?$/u.exec(value)?.[1];
    return weeks !== undefined && Number(weeks) >= 20 && Number(weeks) <= 45;
  }
  if (!/^\d+$/u.test(value)) return false;
  const [low, high] = field.range ?? [0, Number.POSITIVE_INFINITY];
  if (Number(value) < low || Number(value) > high) return false;
  return field.plausibleWith?.(value, valueAt) ?? true;
}

function acceptable(text: string, field: FieldSpec, valueAt: (key: string) => string): boolean {
  if (text.trim() === "") return false;
  if (field.plausibleWith !== undefined) {
    const value = normaliseValue(text, field).value;
    if (!field.plausibleWith(value, valueAt)) return false;
  }
  if (field.parts) {
    const boxes = valueFromBoxes(text, field);
    if (boxes !== undefined) return boxes !== "";
  }
  const normalised = normaliseValue(text, field);
  return normalised.valid && normalised.confidence >= 0.8 && normalised.value !== "";
}

/**
 * The strip read for a cell: from the label's end (over its last character, for a number) up to the next label on
 * the row or the kind's reach, `half` above and below the label's centre line shifted by `offset` times `half`.
 */
function cellQuad(
  label: PageBox,
  half: number,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
  offset: number,
  toImage: (point: Point) => Point,
  unitRight?: number,
): Quad {
  const height = label.height;
  // A number may be printed over the end of its label: its cell starts over the label's last character.
  const left = NUMBER_KINDS.has(field.kind) ? label.right - height * 0.8 : label.right + height * 0.15;
  const nextOnRow = labels
    .filter(({ box }) => Math.abs(box.centerY - label.centerY) < height * 0.6 && box.left > label.right)
    .map(({ box }) => box.left - height * 0.15);
  // A number's cell ends past its printed unit when one was found (`29+0` then `周`: the days are not cut off).
  const reach =
    unitRight === undefined ? left + height * (CELL_REACH[field.kind] ?? 6) : unitRight + height * 0.15;
  const right = Math.max(left + height, Math.min(reach, ...nextOnRow));
  const top = label.centerY + half * (offset - 1);
  const bottom = label.centerY + half * (offset + 1);
  return boundsQuad({ left, top, right, bottom }).map(toImage) as unknown as Quad;
}

/** A box the page's reading found holding only a printed unit (`周`, `克`, `厘米`), in page coordinates. */
interface UnitBox {
  unit: string;
  box: PageBox;
}

/** The lines that read as nothing but one of the document's number units. */
function unitBoxes(lines: readonly TextLine[], spec: DocumentSpec, frame: PageFrame): UnitBox[] {
  const units = new Set(
    spec.fields.flatMap((field) => (NUMBER_KINDS.has(field.kind) ? (field.units ?? []) : [])),
  );
  return lines.flatMap((line) => {
    const text = line.text.replace(/\s+/gu, "");
    return units.has(text) ? [{ unit: text, box: frame.box(line.quad) }] : [];
  });
}

/**
 * The right edge of the nearest of a number field's own units printed after its label on the label's line, within
 * the kind's reach and a little more (`29+0` can run past a reach fitted to two digits), if one was found.
 */
function unitEnd(label: PageBox, field: FieldSpec, units: readonly UnitBox[]): number | undefined {
  if (!NUMBER_KINDS.has(field.kind) || field.units === undefined) return undefined;
  const height = label.height;
  const limit = label.right + height * ((CELL_REACH[field.kind] ?? 6) + UNIT_REACH);
  const after = units.filter(
    ({ unit, box }) =>
      field.units?.includes(unit) &&
      Math.abs(box.centerY - label.centerY) < height * 0.6 &&
      box.left > label.right &&
      box.left < limit,
  );
  if (after.length === 0) return undefined;
  return Math.min(...after.map(({ box }) => box.right));
}
