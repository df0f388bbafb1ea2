import type { DocumentReading } from "../documents/read-fields.ts";
import {
  type BoxedDateKind,
  boxDigits,
  chooseBox,
  DATE_UNITS,
  type FirstBox,
  firstBoxes,
  writeInOrder,
  type YearOrder,
} from "../documents/shared/date-box-choice.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { valueFromBoxes } from "../documents/shared/join-boxes.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { TextLine } from "../types.ts";
import { cropBoxDigits, readCropsAtOnce } from "./box-digit-crops.ts";
import { findUnits, placeUnits, rowOfLabel } from "./date-units.ts";
import type { TextEngine } from "./text-engine.ts";

/** A first reading this sure (mean character confidence), its boxes all read surely, is not read again. */
const SURE = 0.95;
/** What a value made from boxes read again keeps of its confidence. */
const REREAD = 0.9;
/** A crop of plain paper: a box found empty. */
const BLANK: RawImage = { width: 16, height: 48, channels: 1, data: new Uint8Array(16 * 48).fill(255) };

/**
 * Reads the boxed dates (出生时间, 签发日期) again box by box, placed by their printed units. The units read on the
 * label's row say where each box lies (one not read is placed by those read); each box's digits are cut out between
 * the unit before and its own, taller than the row (numbers printed off their boxes stand above or below it), the
 * boxes' rulings painted out, and all boxes of the page are read in one recogniser call. A box keeps its first
 * reading where that was whole with its unit; else the box read again when whole and in range (see `chooseBox`).
 * The value is kept when valid and in order with the page's other date (a certificate issued on or after the
 * birth); a year read with three digits is completed by it. Readings already sure are left alone. Changes `reading`
 * in place.
 */
export async function readDatesByUnits(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  lines: readonly TextLine[],
): Promise<void> {
  if (reading.blank) return;
  const jobs: { field: FieldSpec; kind: BoxedDateKind; first: FirstBox[]; at: number }[] = [];
  const crops: RawImage[] = [];
  for (const field of spec.fields) {
    if (!field.parts || (field.kind !== "date" && field.kind !== "birth-time")) continue;
    const read = reading.fields.get(field.key);
    if (read === undefined || isSure(read.pieceTexts.join(";"), read.confidence, field)) continue;
    const units = DATE_UNITS[field.kind];
    const row = rowOfLabel(read, reading.frame, units.length);
    if (row === undefined) continue;
    const placed = placeUnits(findUnits(lines, reading.frame, row, units), row);
    if (placed === undefined) continue;
    jobs.push({
      field,
      kind: field.kind,
      first: firstBoxes(read.pieceTexts.join(";"), field),
      at: crops.length,
    });
    let from = row.start;
    for (const unit of placed) {
      crops.push(cropBoxDigits(image, reading.frame, row, from, unit) ?? BLANK);
      from = unit.right;
    }
  }
  if (crops.length === 0) return;
  const read = await readCropsAtOnce(engine, crops);
  for (const job of jobs) {
    const units = DATE_UNITS[job.kind];
    const lines = read.slice(job.at, job.at + units.length);
    const boxes = units.map((unit, k) =>
      chooseBox(job.first[k] as FirstBox, boxDigits(lines[k]?.text ?? "", unit), k),
    );
    const order = yearOrder(job.field, spec, reading);
    const value =
      writeInOrder(job.kind, boxes, order) ??
      writeInOrder(
        job.kind,
        job.first.map((box) => box.digits),
        order,
      );
    const current = reading.fields.get(job.field.key);
    if (value === undefined || current === undefined) continue;
    if (valueFromBoxes(current.pieceTexts.join(";"), job.field) === value) continue;
    const confidence = Math.min(current.confidence, ...lines.map((line) => line.confidence));
    reading.fields.set(job.field.key, {
      ...current,
      text: value,
      pieceTexts: [value],
      chars: [],
      confidence: confidence * REREAD,
    });
  }
}

/** A first reading that made a value of boxes each read whole or with its unit, surely. */
function isSure(text: string, confidence: number, field: FieldSpec): boolean {
  return confidence > SURE && firstBoxes(text, field).every((box) => box.sure);
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
