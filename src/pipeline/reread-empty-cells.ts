import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { valueFromBoxes } from "../documents/shared/join-boxes.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Point, Quad } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

/** Kinds whose value is short and strictly formed, so a cell read on its own is accepted only when it is one. */
const STRICT_KINDS = new Set(["vocabulary", "number", "gestational-age", "id-number", "date", "birth-time"]);
/** How far right of its label a cell reaches when no other label ends it, in label heights, by kind. */
const REACH: Readonly<Record<string, number>> = {
  vocabulary: 6,
  number: 3,
  "gestational-age": 4,
  "id-number": 14,
  date: 12,
  "birth-time": 18,
};
/**
 * Where the cell is tried, as shifts of its centre from the label's in label heights: level with it first, then a
 * little higher and lower, for print that sits off its line (the printer's misregistration).
 */
const OFFSETS = [0, -0.5, 0.5];
/** The ruled line under a value, read as a dash at either end of it, and white space. */
const RULING = /^[-—–_－=~·.\s]$/u;
/** What a value read on its own keeps of its confidence: it was not seen by the detector. */
const REREAD_FACTOR = 0.9;

/**
 * Reads again, each on its own, the cells the detector left without text: a single character (性别 `女`) or a short
 * number beside a long label is often missed on a busy background, while the same cell cut out and read directly is
 * read well. A cell is the strip right of the field's label, one label height above and below it, up to the next
 * label on its row. Boxed values (出生时间, 签发日期) whose boxes did not make a value are read again as one strip
 * with their printed units. Only fields of strict form are read again, and what is read is kept only when it is a
 * valid value of its kind (a vocabulary entry, a number, a real date, an ID number with a correct check digit); a
 * blank form is not read again at all. Changes `reading` in place.
 */
export async function rereadEmptyCells(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
): Promise<void> {
  if (reading.blank) return;
  const { frame } = reading;
  const labels = [...reading.fields.values()].flatMap((field) =>
    field.label && !field.label.english ? [{ key: field.key, box: frame.box(field.label.quad) }] : [],
  );
  const wanted = spec.fields.filter((field) => needsReread(field, reading.fields.get(field.key)));
  const cells = wanted.flatMap((field) => {
    const label = labels.find((candidate) => candidate.key === field.key);
    if (label === undefined) return [];
    return OFFSETS.map((offset) => ({
      field,
      quad: cellQuad(label.box, field, labels, offset, frame.toImage),
    }));
  });
  if (cells.length === 0) return;
  const lines = await engine.recognize(
    image,
    cells.map((cell) => cell.quad),
  );
  const done = new Set<string>();
  cells.forEach(({ field, quad }, index) => {
    const line = lines[index];
    const read = reading.fields.get(field.key);
    if (done.has(field.key) || line === undefined || read === undefined) return;
    const all = lineChars(line);
    let start = 0;
    let end = all.length;
    while (start < end && RULING.test(all[start]?.text ?? "")) start++;
    while (end > start && RULING.test(all[end - 1]?.text ?? "")) end--;
    const chars = all.slice(start, end);
    const text = chars.map((char) => char.text).join("");
    if (!acceptable(text, field)) return;
    done.add(field.key);
    reading.fields.set(field.key, {
      ...read,
      text,
      pieceTexts: [text],
      chars,
      quads: [quad],
      confidence: line.confidence * REREAD_FACTOR,
    });
  });
}

/** A field of strict form whose label was found and whose value is missing, or, for boxed values, unreadable. */
function needsReread(field: FieldSpec, read: FieldReading | undefined): boolean {
  if (!STRICT_KINDS.has(field.kind) || read?.label === undefined) return false;
  if (read.text.trim() === "") return true;
  if (field.kind !== "date" && field.kind !== "birth-time") return false;
  const boxes = field.parts ? valueFromBoxes(read.pieceTexts.join(";"), field) : undefined;
  return !(boxes ?? normaliseValue(read.text, field).valid);
}

function acceptable(text: string, field: FieldSpec): boolean {
  if (text.trim() === "") return false;
  if (field.parts) {
    const boxes = valueFromBoxes(text, field);
    if (boxes !== undefined) return boxes !== "";
  }
  const normalised = normaliseValue(text, field);
  return normalised.valid && normalised.confidence >= 0.8 && normalised.value !== "";
}

function cellQuad(
  label: PageBox,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
  offset: number,
  toImage: (point: Point) => Point,
): Quad {
  const height = label.height;
  const left = label.right + height * 0.15;
  const nextOnRow = labels
    .filter(({ box }) => Math.abs(box.centerY - label.centerY) < height * 0.6 && box.left > label.right)
    .map(({ box }) => box.left - height * 0.15);
  const right = Math.max(left + height, Math.min(left + height * (REACH[field.kind] ?? 6), ...nextOnRow));
  const top = label.centerY + height * (offset - 1);
  const bottom = label.centerY + height * (offset + 1);
  const corners: Point[] = [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
  return corners.map(toImage) as unknown as Quad;
}
