import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import { cleanDigits } from "../documents/shared/dates.ts";
import type { PageFrame } from "../documents/shared/page-frame.ts";
import {
  type BoxedDateKind,
  boxCandidates,
  boxDigits,
  boxDigitsPadded,
  DATE_UNITS,
  digitsBeforeUnits,
  type FirstBox,
  firstBoxes,
  isWholeBox,
  stripBoxDigits,
  writeFromCandidates,
  writeInOrder,
  type YearOrder,
} from "../documents/shared/date-box-choice.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { DATE_UNIT_OF, valueFromBoxes } from "../documents/shared/join-boxes.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { RecognizedChar, TextLine } from "../types.ts";
import { boxInk, cropBoxInk, inkiestBand, PITCH_PX, readCropsAtOnce, rowBands } from "./box-digit-crops.ts";
import { cutDateStrip, cutRowStrip, type RowStrip, stripLine } from "./date-row-strip.ts";
import { type DateRow, findUnits, placeUnits, rowOfLabel, type UnitMark } from "./date-units.ts";
import type { TextEngine } from "./text-engine.ts";

/** A first reading this sure (mean character confidence), its boxes all read surely, is not read again. */
const SURE = 0.95;
/** What a value made from boxes read again keeps of its confidence. */
const REREAD = 0.9;
/** A crop of plain paper: a box found empty. */
const BLANK: RawImage = { width: 16, height: 48, channels: 1, data: new Uint8Array(16 * 48).fill(255) };

/**
 * Reads the boxed dates (出生时间, 签发日期) again box by box, placed by their printed units. The units read on the label's
 * row say where each box lies (one not read is placed by those read); where fewer than two were read among the page's
 * lines, the row's band at the label's height is read on its own for them (one recogniser call for all such rows).
 * Each box's digits are cut out between the unit before and its own, taller than the row (numbers printed off their
 * boxes stand above or below it), the boxes' rulings and the unit before painted out, and all boxes of the page are
 * read in one recogniser call; where the boxes of a row find their digits at different heights (a seal across a box),
 * a box whose own crop gives no digits takes its crop at the row's other heights. Where the first reading left a box
 * without digits, the whole row, its rulings painted out, is read in that same call (reaching the digits where they
 * stand off the row). A box of a first reading less sure than {@link UNSURE_FIRST}, or whose own digits were read
 * unsurely with the digits read again among their likely readings (see `agreesWithAlternatives`), read again surely as
 * other whole digits is the box read again, the value's confidence lowered as where readings disagree. Each box has
 * its candidates: the first reading's (by unit, or by where its pieces of digits stand) and the box read again, in the
 * order `chooseBox` prefers them, and last the digits the row's reading gives before the box's unit; the value is the
 * combination that departs least from the preferred and is valid and in order with the page's other date (a
 * certificate issued on or after the birth); a year read with three digits is completed by it. Its confidence is the
 * least of the readings it took boxes from, lowered where a box's readings disagreed. A value kept as first read is
 * trusted at most {@link UNCONFIRMED} where a box of it, first read as one digit or with a digit read unsurely, was
 * not read so again. Readings already sure (each digit too) are left alone. Changes `reading` in place.
 */
export async function readDatesByUnits(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  lines: readonly TextLine[],
): Promise<void> {
  if (reading.blank) return;
  const rows: {
    field: FieldSpec & { kind: BoxedDateKind };
    row: DateRow;
    units: (UnitMark | undefined)[];
  }[] = [];
  for (const field of spec.fields) {
    if (!field.parts || (field.kind !== "date" && field.kind !== "birth-time")) continue;
    const read = reading.fields.get(field.key);
    if (read === undefined || isSure(read, { ...field, kind: field.kind })) continue;
    const units = DATE_UNITS[field.kind];
    const row = rowOfLabel(read, reading.frame, units.length);
    if (row === undefined) continue;
    const found = findUnits(lines, reading.frame, row, units);
    rows.push({ field: { ...field, kind: field.kind }, row, units: found });
  }
  await findUnitsInStrips(image, reading, engine, rows);
  const jobs: {
    field: FieldSpec;
    kind: BoxedDateKind;
    first: FirstBox[];
    at: number;
    withStrip: boolean;
    /** Per box, where its crops at the row's other bands are among `crops`. */
    others: number[][];
  }[] = [];
  // Crops of boxes at their row's other bands, read after the others.
  const otherCrops: RawImage[] = [];
  const crops: RawImage[] = [];
  for (const { field, row, units: found } of rows) {
    const placed = placeUnits(found, row);
    if (placed === undefined) continue;
    const read = reading.fields.get(field.key);
    if (read === undefined) continue;
    const first = withPlacedPieces(firstBoxes(read.pieceTexts.join(";"), field), read, reading.frame, placed);
    // The whole row is read too where the first reading left a box without digits.
    const withStrip = first.some((box) => box.digits === "");
    const others: number[][] = [];
    jobs.push({ field, kind: field.kind, first, at: crops.length, withStrip, others });
    const boxes = placed.map((unit, k) => boxInk(image, reading.frame, row, placed[k - 1], unit));
    // The value was printed at one height: where the boxes' inkiest bands differ (a seal across a box), each box is
    // read at the others' bands too.
    const bands = rowBands(boxes);
    const offsets: number[] = [];
    for (const box of boxes) {
      const crop = box === undefined ? undefined : cropBoxInk(box);
      if (crop !== undefined) offsets.push(crop.offset);
      crops.push(crop ?? BLANK);
      const own = box === undefined ? undefined : inkiestBand(box);
      const at: number[] = [];
      if (box !== undefined && own !== undefined && bands.length > 1)
        for (const band of bands) {
          if (Math.abs(band - own) <= BAND_APART_PX) continue;
          const other = cropBoxInk(box, band);
          if (other === undefined) continue;
          at.push(otherCrops.length);
          otherCrops.push(other);
        }
      others.push(at);
    }
    // The strip reaches the digits where the boxes' digits stand off the units' row (their median offset).
    const offset = offsets.sort((a, b) => a - b)[Math.floor(offsets.length / 2)] ?? 0;
    if (withStrip)
      crops.push(
        cutDateStrip(
          image,
          reading.frame,
          row,
          (placed[placed.length - 1] as UnitMark).right,
          Math.abs(offset) > STRIP_OFF_ROW ? offset : 0,
        ) ?? BLANK,
      );
  }
  if (crops.length === 0) return;
  const all = await readCropsAtOnce(engine, [...crops, ...otherCrops]);
  const read = all.slice(0, crops.length);
  const readOther = all.slice(crops.length);
  for (const job of jobs) {
    const units = DATE_UNITS[job.kind];
    // Each box's reading: of its crops at the row's bands, the one whose digits fill the box best.
    const lines = read
      .slice(job.at, job.at + units.length)
      .map((line, k) =>
        bestBoxReading([line, ...(job.others[k] ?? []).map((at) => readOther[at])], units[k] as string, k),
      );
    const strip = job.withStrip ? read[job.at + units.length] : undefined;
    const stripBoxes = strip === undefined ? new Map<string, string>() : digitsBeforeUnits(strip.text);
    const fromStrip = new Set<number>();
    const current = reading.fields.get(job.field.key);
    const candidates = units.map((unit, k) => {
      const again = againDigits(lines[k], unit, k);
      const first = job.first[k] as FirstBox;
      // A box of an unsure first reading, or whose own digits were read unsurely (`04日`, its 4 at 0.81 with 2 the
      // next likeliest), is not sure where read again surely, whole, otherwise.
      const unsure =
        (current?.confidence ?? 0) < UNSURE_FIRST ||
        (current !== undefined && agreesWithAlternatives(current, units, k, again));
      const overruled =
        first.sure &&
        unsure &&
        (lines[k]?.confidence ?? 0) >= SURE_AGAIN &&
        again !== first.digits &&
        isWholeBox(again, k);
      const own = boxCandidates(overruled ? { ...first, sure: false } : first, again, k);
      const whole = stripBoxDigits(stripBoxes.get(unit) ?? "", k);
      if (whole === undefined || own.includes(whole)) return own;
      // Read only in the strip: the last candidate, and the value's confidence is the strip's too.
      fromStrip.add(k);
      return [...own, whole];
    });
    const order = yearOrder(job.field, spec, reading);
    const value =
      writeFromCandidates(job.kind, candidates, order) ??
      writeInOrder(
        job.kind,
        job.first.map((box) => box.digits),
        order,
      );
    if (value === undefined || current === undefined) continue;
    const boxes = value.match(/\d+/gu) ?? [];
    if (valueFromBoxes(current.pieceTexts.join(";"), job.field) === value) {
      // A box first read as one digit before its unit (a tens digit lost over a ruling or under a seal: `12月` read
      // `1月`), or with a digit read unsurely, that no reading again confirmed leaves the value in doubt.
      const firstRead = digitsBeforeUnits(current.pieceTexts.join(";"));
      const unconfirmed = units.some((unit, k) => {
        const digits = firstRead.get(unit);
        const short = k > 0 && digits !== undefined && digits.length === 1;
        if (!short && (digitsConfidence(current, units, k) ?? 1) >= UNSURE_DIGIT) return false;
        return (
          againDigits(lines[k], unit, k) !== boxes[k] &&
          stripBoxDigits(stripBoxes.get(unit) ?? "", k) !== boxes[k]
        );
      });
      if (unconfirmed)
        reading.fields.set(job.field.key, {
          ...current,
          confidence: Math.min(current.confidence, UNCONFIRMED),
        });
      continue;
    }
    const usedStrip = [...fromStrip].some(
      (k) => !(candidates[k] as string[]).slice(0, -1).includes(boxes[k] ?? ""),
    );
    // The confidences of the readings the value took its boxes from: the first reading's, each box read again that
    // gave a box of it, and the strip's where a box was read only there.
    const againUsed = lines.filter((line, k) => {
      const digits = againDigits(line, units[k] as string, k);
      // A single digit the value writes with its leading zero is the box it gave.
      const gave = digits === boxes[k] || (digits.length === 1 && `0${digits}` === boxes[k]);
      return digits !== "" && gave && digits !== (job.first[k] as FirstBox).digits;
    });
    // A box whose readings disagree (one not the other with digits lost) leaves the value in doubt.
    const disagreed = units.some((unit, k) =>
      [(job.first[k] as FirstBox).digits, againDigits(lines[k], unit, k)].some(
        (digits) => digits !== "" && digits !== boxes[k] && !isSubsequence(digits, boxes[k] ?? ""),
      ),
    );
    const confidence =
      Math.min(
        current.confidence,
        ...againUsed.map((line) => line?.confidence ?? 0),
        ...(usedStrip && strip !== undefined ? [strip.confidence * STRIP_ONLY] : []),
      ) * (disagreed ? DISAGREED : 1);
    reading.fields.set(job.field.key, {
      ...current,
      text: value,
      pieceTexts: [value],
      chars: [],
      confidence: confidence * REREAD,
    });
  }
}

/**
 * The first reading's boxes, those it gave no digits filled in from its pieces of digits alone by where they stand:
 * a piece belongs to the box whose stretch of the row (past the unit before's middle, up to its own unit's middle)
 * holds its middle. Where two pieces fall in one box, neither is taken.
 */
export function withPlacedPieces(
  first: readonly FirstBox[],
  read: FieldReading,
  frame: PageFrame,
  placed: readonly UnitMark[],
): FirstBox[] {
  const middle = (mark: UnitMark) => (mark.left + mark.right) / 2;
  const found = new Map<number, string | undefined>();
  // Only pieces as first found, each with its own box.
  if (read.quads.length !== read.pieceTexts.length) return [...first];
  read.pieceTexts.forEach((text, p) => {
    const quad = read.quads[p];
    const digits = cleanDigits(text);
    if (quad === undefined || !/^\d+$/u.test(digits)) return;
    const box = frame.box(quad);
    const k = placed.findIndex((unit, u) => {
      const before = placed[u - 1];
      return (before === undefined || box.centerX > middle(before)) && box.centerX <= middle(unit);
    });
    if (k === -1) return;
    found.set(k, found.has(k) ? undefined : digits);
  });
  return first.map((box, k) => {
    const digits = found.get(k);
    return box.digits === "" && digits !== undefined ? { digits, sure: false } : box;
  });
}

/** A box's digits as read again: a single digit read surely before its unit with its leading zero. */
function againDigits(line: TextLine | undefined, unit: string, index: number): string {
  if (line === undefined) return "";
  return line.confidence >= PADDED_SURE
    ? boxDigitsPadded(line.text, unit, index)
    : boxDigits(line.text, unit);
}

/**
 * A box's reading, the crop at its own band's, or where that gave no digits it has room for, the surest of its
 * crops at the row's other bands that gives whole digits in range, else any it has room for.
 */
function bestBoxReading(
  lines: readonly (TextLine | undefined)[],
  unit: string,
  index: number,
): TextLine | undefined {
  const room = index === 0 ? 4 : 2;
  const score = (line: TextLine | undefined): number => {
    const digits = againDigits(line, unit, index);
    if (isWholeBox(digits, index)) return 2;
    return digits !== "" && digits.length <= room ? 1 : 0;
  };
  const [own, ...others] = lines;
  if (score(own) > 0) return own;
  let best = own;
  for (const line of others) {
    const better = score(line) - score(best);
    if (better > 0 || (better === 0 && (line?.confidence ?? 0) > (best?.confidence ?? 0))) best = line;
  }
  return best;
}

/** How far apart, in crop pixels, another band of a box's row stands from the box's own to be read too. */
const BAND_APART_PX = 0.25 * PITCH_PX;

/** The most a value is trusted with a box first read as one digit that no reading again confirmed. */
const UNCONFIRMED = 0.6;

/** What a value keeps of its confidence where a box's readings disagreed. */
const DISAGREED = 0.75;

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/** What a value keeps of the strip's confidence where a box of it was read only in the strip. */
const STRIP_ONLY = 0.6;

/** A first reading less sure than this (its value's confidence) gives way, box by box, to boxes read again surely. */
const UNSURE_FIRST = 0.7;
/** A box read again this surely (the line's confidence), whole and in range, overrules an unsure first reading. */
const SURE_AGAIN = 0.95;

/** The strip is moved to reach the digits where their median band stands this many pitches off the row. */
const STRIP_OFF_ROW = 0.3;

/** A single digit read before its unit this surely is the box's whole reading. */
const PADDED_SURE = 0.9;

/**
 * Where fewer than two of a row's units were found among the page's lines, the band of the row at its label's
 * height is read on its own (all such rows in one recogniser call) and the units read there fill in those missing.
 * Changes `rows` in place.
 */
async function findUnitsInStrips(
  image: RawImage,
  reading: DocumentReading,
  engine: TextEngine,
  rows: { field: FieldSpec & { kind: BoxedDateKind }; row: DateRow; units: (UnitMark | undefined)[] }[],
): Promise<void> {
  const wanted: { index: number; strip: RowStrip }[] = [];
  rows.forEach((entry, index) => {
    if (entry.units.filter((unit) => unit !== undefined).length >= 2) return;
    const strip = cutRowStrip(image, reading.frame, entry.row);
    if (strip !== undefined) wanted.push({ index, strip });
  });
  if (wanted.length === 0) return;
  const read = await readCropsAtOnce(
    engine,
    wanted.map((w) => w.strip.crop),
  );
  wanted.forEach(({ index, strip }, k) => {
    const entry = rows[index];
    const line = read[k];
    if (entry === undefined || line === undefined) return;
    const units = DATE_UNITS[entry.field.kind];
    const again = findUnits([stripLine(strip, line)], reading.frame, entry.row, units);
    // The strip's units where it found at least two, else each unit found either way.
    const known = again.filter((unit) => unit !== undefined).length;
    entry.units = known >= 2 ? again : entry.units.map((unit, u) => unit ?? again[u]);
  });
}

/** A first reading that made a value of boxes each read whole or with its unit, surely, and each digit surely. */
function isSure(read: FieldReading, field: FieldSpec & { kind: BoxedDateKind }): boolean {
  return (
    read.confidence > SURE &&
    firstBoxes(read.pieceTexts.join(";"), field).every((box) => box.sure) &&
    DATE_UNITS[field.kind].every((_, k, units) => (digitsConfidence(read, units, k) ?? 1) >= UNSURE_DIGIT)
  );
}

/** A box's digit first read less surely than this (its own confidence) gives way to the box read again surely. */
const UNSURE_DIGIT = 0.9;

/** A character's alternative at least this likely is one of its readings. */
const LIKELY_ALTERNATIVE = 0.1;

/**
 * Whether a box's digits read again differ from the first reading's only where a digit of it was read unsurely
 * (below {@link UNSURE_DIGIT}) and had the digit read again among its likely readings (at least
 * {@link LIKELY_ALTERNATIVE}): two readings that agree (`04日` with its 4 at 0.81 and 2 at 0.17, read again `02`).
 */
export function agreesWithAlternatives(
  read: FieldReading,
  units: readonly string[],
  index: number,
  again: string,
): boolean {
  const chars = boxDigitChars(read, units, index);
  if (chars === undefined || chars.length !== again.length) return false;
  let differs = false;
  for (const [k, char] of chars.entries()) {
    const digit = again[k] as string;
    if (cleanDigits(char.text) === digit) continue;
    if (char.confidence >= UNSURE_DIGIT) return false;
    const likely = char.alternatives.some(
      (alternative) =>
        cleanDigits(alternative.text) === digit && alternative.probability >= LIKELY_ALTERNATIVE,
    );
    if (!likely) return false;
    differs = true;
  }
  return differs;
}

/**
 * The least confidence of the digits a reading gave a box, each digit's own: those right before the box's unit, or
 * where that was not read, right after the unit before (a last unit lost: `…01时55`). `undefined` where its
 * characters are not known apart or no such digits were read.
 */
export function digitsConfidence(
  read: FieldReading,
  units: readonly string[],
  index: number,
): number | undefined {
  const chars = boxDigitChars(read, units, index);
  if (chars === undefined || chars.length === 0) return undefined;
  return Math.min(...chars.map((char) => char.confidence));
}

/**
 * The characters of the digits a reading gave a box: those right before the box's unit, or where that was not read,
 * right after the unit before. `undefined` where its characters are not known apart or neither unit was read.
 */
function boxDigitChars(
  read: FieldReading,
  units: readonly string[],
  index: number,
): RecognizedChar[] | undefined {
  if (read.chars.map((char) => char.text).join("") !== read.pieceTexts.join("")) return undefined;
  const texts = read.chars.map((char) => cleanDigits(char.text));
  const unitAt = (unit: string | undefined) => texts.findIndex((text) => DATE_UNIT_OF[text] === unit);
  const isDigit = (k: number) => /^\d$/u.test(texts[k] ?? "");
  const at = unitAt(units[index]);
  if (at !== -1) {
    let from = at;
    while (from > 0 && isDigit(from - 1)) from--;
    return read.chars.slice(from, at);
  }
  const before = index === 0 ? -1 : unitAt(units[index - 1]);
  if (before === -1) return undefined;
  let to = before + 1;
  while (to < texts.length && isDigit(to)) to++;
  return read.chars.slice(before + 1, to);
}

/**
 * The years a date keeps with the page's other date: not before the year of its `notBefore` field (an issue date
 * and the birth), and not after the year of a field that may not precede it.
 */
function yearOrder(field: FieldSpec, spec: DocumentSpec, reading: DocumentReading): YearOrder {
  const yearOf = (key: string): number | undefined => {
    const text = reading.fields.get(key)?.pieceTexts.join(";") ?? "";
    const year = /(?:^|\D)((?:19|20)\d\d)(?!\d)/u.exec(text)?.[1];
    return year === undefined ? undefined : Number(year);
  };
  const order: YearOrder = {};
  const notBefore = field.notBefore === undefined ? undefined : yearOf(field.notBefore);
  if (notBefore !== undefined) order.notBefore = notBefore;
  const later = spec.fields.find((other) => other.notBefore === field.key);
  const notAfter = later === undefined ? undefined : yearOf(later.key);
  if (notAfter !== undefined) order.notAfter = notAfter;
  return order;
}
