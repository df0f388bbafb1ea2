import { reconcileParentAges } from "../documents/parent-age.ts";
import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { crossCheckIdNumber, idSex, isValidIdNumber } from "../documents/shared/id-number.ts";
import { boxesConfidence, valueFromBoxes } from "../documents/shared/join-boxes.ts";
import { nameDoubt } from "../documents/shared/name-doubt.ts";
import { isNoAnswer, normaliseValue } from "../documents/shared/normalise-value.ts";
import type { PageFrame } from "../documents/shared/page-frame.ts";
import type { KeyValueInfo, Point } from "../types.ts";
import { boundsQuad } from "../geometry/quad.ts";
import { ALWAYS_FILLED, isFilledIn } from "./always-filled.ts";

/** `data` and `prism_keyValueInfo` of a result. */
export interface AssembledFields {
  data: Record<string, string>;
  keyValueInfo: KeyValueInfo[];
}

/** The officers' name seals, whose doubt `doubtStampedName` weighs. */
const OFFICER_KEYS = new Set(["Registrar", "registrar"]);

/** The highest valueProb an ID number whose check digit fails may carry: it must never look trustworthy. */
const INVALID_ID_CEILING = 45;
/** What a disagreement between ID number, birth date and sex leaves of their confidences. */
const DISAGREEMENT_FACTOR = 0.6;

/**
 * Writes each field the service's way (api.md §4) with real confidences: `keyProb` from how well its label was
 * matched and read, `valueProb` from the characters' confidences times what the value rules made of them, lowered
 * where the ID number disagrees with the printed birth date or sex. `valuePos` is the box round the value's pieces,
 * in reading direction, mapped by `toOriginal` into the original image.
 */
export function assembleFields(
  spec: DocumentSpec,
  reading: DocumentReading,
  toOriginal: (point: Point) => Point,
): AssembledFields {
  const data: Record<string, string> = {};
  const probabilities = new Map<string, number>();
  for (const field of spec.fields) {
    const read = reading.fields.get(field.key);
    const { value, probability } = normaliseField(field, read);
    data[field.key] = value;
    probabilities.set(field.key, probability);
  }
  lowerOnDisagreement(spec, data, probabilities);
  sexFromIdNumber(spec, reading, data, probabilities);
  if (spec.type === "birth-certificate") reconcileParentAges(data, probabilities);
  // On a filled-in page, a field such a page always fills that was answered empty is a value not read.
  const unread = isFilledIn(spec.type, data) ? new Set(ALWAYS_FILLED[spec.type]) : new Set<string>();
  // A cell where a Chinese character was read that gave no value (see `rereadEmptyCells`) is no sure blank either.
  for (const key of reading.unreadInk ?? []) unread.add(key);
  const keyValueInfo = spec.fields.map((field): KeyValueInfo => {
    const read = reading.fields.get(field.key);
    const value = data[field.key] ?? "";
    const info: KeyValueInfo = {
      key: field.key,
      keyProb: keyProbability(read),
      value,
      valueProb:
        value === ""
          ? emptyValueProbability(read, reading, unread.has(field.key))
          : toPercent(probabilities.get(field.key) ?? 0),
    };
    if (value !== "" && read && read.quads.length > 0)
      info.valuePos = valueBox(read, reading.frame, toOriginal);
    return info;
  });
  return { data, keyValueInfo };
}

/**
 * How sure an empty answer is: not at all on a page taken for a blank form whose cells held a value's digits (see
 * `DocumentReading.inked`: its values were not read); sure when the whole page is a form never filled in, or when
 * the field's label was found and nothing stood in its cell; not sure at all when something stood there that gave
 * no value (a name stamp read as no one's name, a word too unsure to be any of its vocabulary), when the label was
 * never found, nor when the field is one the filled-in page always holds a value in (`unread`): there an empty
 * answer is a value not read (a line the detector did not find under glare or blur), not a blank cell.
 */
function emptyValueProbability(
  read: FieldReading | undefined,
  page: DocumentReading,
  unread: boolean,
): number {
  if (read?.label === undefined || page.inked === true) return 0;
  if (page.blank === true) return 100;
  return read.quads.length === 0 && !unread ? 100 : 0;
}

function normaliseField(
  field: FieldSpec,
  read: FieldReading | undefined,
): { value: string; probability: number } {
  if (read === undefined || read.text.trim() === "") return { value: "", probability: 0 };
  const fromBoxes = field.parts ? valueFromBoxes(read.pieceTexts.join(";"), field) : undefined;
  const normalised =
    fromBoxes === undefined
      ? normaliseValue(read.text, field, read.chars)
      : { value: fromBoxes, confidence: boxesConfidence(read.pieceTexts.join(";"), field), valid: true };
  // Digits mixed with a seal's characters in a date, a number cell read with no digit: no answer, not that one.
  if (isNoAnswer(normalised.value, field.kind)) return { value: "", probability: 0 };
  let probability = read.confidence * normalised.confidence;
  if (field.kind === "id-number" && !normalised.valid) {
    probability = Math.min(probability, INVALID_ID_CEILING / 100);
  }
  if (field.kind === "certificate-number") probability = Math.min(probability, allTogether(read.chars));
  // A person's name that does not look like one (one character, no surname, a character no name holds) is doubted.
  if (field.kind === "name" && !OFFICER_KEYS.has(field.key)) probability *= nameDoubt(normalised.value);
  // A date's digit misread is caught by nothing when the date it makes is real: the date is as sure as its digits
  // together (`2010年` with its 0 read 0.59 beside a 9 is no sure 2010, however sure its other characters).
  if (field.kind === "date" && field.parts === undefined && fromBoxes === undefined)
    probability = Math.min(probability, allTogether(read.chars.filter((char) => /^\d$/u.test(char.text))));
  return { value: normalised.value, probability };
}

/**
 * How sure a number without a check digit is (the birth certificate's, a letter and nine digits): a digit misread
 * is caught by nothing, so it is only as sure as all its characters together, the product of their confidences.
 * One digit read 0.61 (`0`, beside `6` at 0.38) leaves the number near 0.6 however sure the other nine. Without
 * characters (a value put together from elsewhere), 1: the field's own confidence stands.
 */
function allTogether(chars: readonly { text: string; confidence: number }[]): number {
  const read = chars.filter((char) => char.text.trim() !== "");
  return read.length === 0 ? 1 : read.reduce((all, char) => all * char.confidence, 1);
}

/** The resident page's ID number agrees with its printed birth date and sex; where not, all three are doubted. */
function lowerOnDisagreement(
  spec: DocumentSpec,
  data: Record<string, string>,
  probabilities: Map<string, number>,
): void {
  const id = data.idCardNumber;
  if (spec.type !== "household-resident" || !id) return;
  const agreement = crossCheckIdNumber(id, { birthDate: data.birthDate ?? "", sex: data.sex ?? "" });
  const doubt = (key: string) => probabilities.set(key, (probabilities.get(key) ?? 0) * DISAGREEMENT_FACTOR);
  if (agreement.birthDate === "disagree") ["idCardNumber", "birthDate"].forEach(doubt);
  if (agreement.sex === "disagree") ["idCardNumber", "sex"].forEach(doubt);
}

/** What the ID number's confidence is worth as the confidence of a sex taken from it (the cell itself was unread). */
const SEX_FROM_ID_FACTOR = 0.7;

/**
 * The resident page's sex, when its cell was read as nothing, from the ID number printed on the same card (its
 * seventeenth digit is odd for men, even for women; the card prints both, so they agree): only from a valid ID
 * number whose birth date agrees with the card's, and with a confidence well below the number's own.
 */
function sexFromIdNumber(
  spec: DocumentSpec,
  reading: DocumentReading,
  data: Record<string, string>,
  probabilities: Map<string, number>,
): void {
  const id = data.idCardNumber ?? "";
  if (spec.type !== "household-resident" || data.sex !== "" || !isValidIdNumber(id)) return;
  if (reading.fields.get("sex")?.label === undefined) return;
  if (crossCheckIdNumber(id, { birthDate: data.birthDate ?? "", sex: "" }).birthDate !== "agree") return;
  const sex = idSex(id);
  if (sex === undefined) return;
  data.sex = sex;
  probabilities.set("sex", (probabilities.get("idCardNumber") ?? 0) * SEX_FROM_ID_FACTOR);
}

function keyProbability(read: FieldReading | undefined): number {
  const label = read?.label;
  if (!label) return 0;
  const chars = label.line.chars.slice(label.start, label.end);
  const confidence = chars.length ? chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length : 1;
  return toPercent(label.score * confidence);
}

/** The page-aligned box round every piece, corners in reading order, mapped back to the original image. */
function valueBox(read: FieldReading, frame: PageFrame, toOriginal: (point: Point) => Point): Point[] {
  const points = read.quads.flatMap((quad) => quad.map(frame.toPage));
  const left = Math.min(...points.map((p) => p.x));
  const right = Math.max(...points.map((p) => p.x));
  const top = Math.min(...points.map((p) => p.y));
  const bottom = Math.max(...points.map((p) => p.y));
  return boundsQuad({ left, top, right, bottom }).map((corner) => {
    const original = toOriginal(frame.toImage(corner));
    return { x: Math.round(original.x), y: Math.round(original.y) };
  });
}

function toPercent(probability: number): number {
  return Math.max(0, Math.min(100, Math.round(probability * 100)));
}
