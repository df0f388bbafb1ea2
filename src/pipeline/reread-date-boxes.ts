import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import { DATE_UNITS, digitsBeforeUnits } from "../documents/shared/date-box-choice.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { boxesConfidence, valueFromBoxes } from "../documents/shared/join-boxes.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import { LINE_HEIGHT, lineCropWidth } from "../stages/text-recognition/preprocess.ts";
import { withoutBoxRulings } from "../stages/text-recognition/remove-box-rulings.ts";
import type { Point, Quad, TextLine } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

export { digitsBeforeUnits };

/** How far the strip reaches past the pieces read, in their heights: a last unit (分) lost, a first digit cut. */
const REACH_BEFORE = 0.3;
const REACH_AFTER = 1;
/** What a value joined from two readings keeps of its confidence: boxes filled in from a second reading. */
const JOINED = 0.7;
/** What it keeps when the two readings disagreed on a box other than by lost digits. */
const DOUBTFUL = 0.6;

/**
 * Reads again, with the boxes' rulings removed, the boxed dates (出生时间, 签发日期) whose boxes read doubtfully
 * (no value, or units lost and a box of one digit: numbers printed across the boxes' rulings lose digits). The strip
 * round the pieces is cut out, the boxes' sides and edges painted out, and read again. The new reading is kept only
 * when its boxes make a valid value that is not doubtful, and, where the first reading made a value, every box of it
 * holds the digits first read there (`2` → `12`). Changes `reading` in place.
 */
export async function rereadDateBoxes(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
): Promise<void> {
  if (reading.blank) return;
  for (const field of spec.fields) {
    if (!field.parts || (field.kind !== "date" && field.kind !== "birth-time")) continue;
    const read = reading.fields.get(field.key);
    if (read === undefined || read.quads.length === 0) continue;
    const first = read.pieceTexts.join(";");
    const before = valueFromBoxes(first, field);
    if (before === "" || (before !== undefined && boxesConfidence(first, field) === 1)) continue;
    const quad = stripQuad(read.quads);
    const line = await readWithoutBoxes(image, quad, engine);
    const joined = line === undefined ? undefined : joinReadings(first, line.text, field);
    if (line === undefined || joined === undefined) continue;
    reading.fields.set(field.key, {
      ...read,
      text: joined.value,
      pieceTexts: [joined.value],
      chars: lineChars(line),
      quads: [quad],
      confidence: Math.min(read.confidence, line.confidence) * (joined.doubtful ? DOUBTFUL : JOINED),
    } satisfies FieldReading);
  }
}

/**
 * Joins two readings of a value's boxes box by box, the boxes placed by the units read after them: where one box
 * reads as the other with digits more (`2` and `12`, `9` and `09`), the longer; where they differ otherwise, the
 * first reading's. `undefined` unless every box was read in one of them and the joined boxes make a valid value.
 * `doubtful` is set when the readings disagreed on a box other than by lost digits.
 */
export function joinReadings(
  first: string,
  again: string,
  field: FieldSpec,
): { value: string; doubtful: boolean } | undefined {
  if (field.kind !== "date" && field.kind !== "birth-time") return undefined;
  const one = digitsBeforeUnits(first);
  const two = digitsBeforeUnits(again);
  let doubtful = false;
  const boxes: string[] = [];
  for (const unit of DATE_UNITS[field.kind]) {
    const a = one.get(unit);
    const b = two.get(unit);
    if (a === undefined && b === undefined) return undefined;
    if (a === undefined || b === undefined) {
      boxes.push(`${a ?? b}${unit}`);
      continue;
    }
    if (a !== b && !isSubsequence(a, b) && !isSubsequence(b, a)) doubtful = true;
    boxes.push(`${b.length > a.length && isSubsequence(a, b) ? b : a}${unit}`);
  }
  const value = valueFromBoxes(boxes.join(""), field);
  return value === undefined || value === "" ? undefined : { value, doubtful };
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

async function readWithoutBoxes(
  image: RawImage,
  quad: Quad,
  engine: TextEngine,
): Promise<TextLine | undefined> {
  const width = lineCropWidth(quad);
  if (width <= 0) return undefined;
  const crop = withoutBoxRulings(warpImage(image, quad, width, LINE_HEIGHT));
  const whole: Quad = [
    { x: 0, y: 0 },
    { x: crop.width, y: 0 },
    { x: crop.width, y: crop.height },
    { x: 0, y: crop.height },
  ];
  const [line] = await engine.recognize(crop, [whole]);
  return line === undefined || line.text.trim() === "" ? undefined : line;
}

/**
 * The strip round a value's pieces along the first piece's reading direction: a little before the first piece to
 * past the last (a unit at the end may have been lost), as high as the pieces reach.
 */
export function stripQuad(quads: readonly Quad[]): Quad {
  const [tl, tr] = quads[0] as Quad;
  const length = Math.hypot(tr.x - tl.x, tr.y - tl.y) || 1;
  const u = { x: (tr.x - tl.x) / length, y: (tr.y - tl.y) / length };
  const v = { x: -u.y, y: u.x };
  const points = quads.flat();
  const along = points.map((p) => p.x * u.x + p.y * u.y);
  const across = points.map((p) => p.x * v.x + p.y * v.y);
  const top = Math.min(...across);
  const bottom = Math.max(...across);
  const height = bottom - top;
  const from = Math.min(...along) - REACH_BEFORE * height;
  const to = Math.max(...along) + REACH_AFTER * height;
  const at = (a: number, c: number): Point => ({ x: a * u.x + c * v.x, y: a * u.y + c * v.y });
  return [at(from, top), at(to, top), at(to, bottom), at(from, bottom)];
}
