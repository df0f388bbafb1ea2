import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import type { LabelMatch } from "../documents/shared/label-matcher.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { subQuad } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, RecognizedChar, TextLine } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

/**
 * Where in the label's last character the re-read crops begin, as fractions of its width: the value's first
 * character printed over the label's end is left whole, with only part of the label's stroke beside it.
 */
const CROP_STARTS = [0.3, 0.45, 0.6] as const;
/** How sure the recognizer must be of the character a re-read adds. */
const MIN_ADDED_CONFIDENCE = 0.7;
/** A digit read this surely before the value, but not added, says a digit may be hidden under the label's end. */
const HINT_CONFIDENCE = 0.3;
/** The most a value whose first digit may be hidden under its label's end is trusted. */
const HIDDEN_DIGIT_CONFIDENCE = 0.5;
/**
 * Kinds read here; ID numbers have their own re-decoding, names and vocabularies no check on an added character.
 * A number (a weight, a length, an age) is checked against its range once the digit is added.
 */
const KINDS = new Set(["digits", "date", "text", "number"]);
/** Kinds whose value, with the added digit, must still be valid. */
const CHECKED_KINDS = new Set(["date", "number"]);
const DIGIT = /^[0-9]$/u;

interface Candidate {
  key: string;
  field: FieldSpec;
  read: FieldReading;
  /** The box holding the label's end and the value after it. */
  line: TextLine;
  /** The label's last character, in `line`'s characters. */
  labelEnd: RecognizedChar;
  /** What the box holds after the label, as first read. */
  rest: string;
  /** Whether the label's last character was not read at all before the value (户号 read 户). */
  labelEndLost: boolean;
}

/**
 * Reads again a numeric value printed over the end of its label, when the detector boxed label and value together
 * and the value reads as beginning right after the label: a misaligned print puts the value's first digit across
 * the label's last character (户号 over 5, 身高 over 1), and the recognizer reads the pair as the label's character
 * alone. The box is read again from inside the label's last character, at a few starting points; a reading that is
 * one sure digit followed by exactly what was read before gives the value its lost first digit. When a reading
 * glimpses a digit other than 1 (a label's stroke) there but the readings give no sure one, or the label's last
 * character was not read at all (户号 read 户 before the number), the first digit may be hidden under the label: the value is trusted at most
 * {@link HIDDEN_DIGIT_CONFIDENCE}. Only values whose first character read is a digit are tried, and ID numbers not
 * at all (they are re-decoded against their check digit). Changes `reading` in place.
 */
export async function rereadOverLabelEnds(
  image: RawImage,
  lines: readonly TextLine[],
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
): Promise<void> {
  if (reading.blank) return;
  const candidates = spec.fields.flatMap((field) => {
    const candidate = candidateOf(field, reading.fields.get(field.key), lines);
    return candidate === undefined ? [] : [candidate];
  });
  if (candidates.length === 0) return;
  const crops = candidates.flatMap((candidate) =>
    CROP_STARTS.map((fraction) => cropFrom(candidate, fraction)),
  );
  const reads = await engine.recognize(
    image,
    crops.map((crop) => crop.quad),
  );
  candidates.forEach((candidate, index) => {
    const own = reads.slice(index * CROP_STARTS.length, (index + 1) * CROP_STARTS.length);
    const owned = crops.slice(index * CROP_STARTS.length, (index + 1) * CROP_STARTS.length);
    const added = own.flatMap((line, k) => {
      const first = digitBefore(line, candidate.rest, HINT_CONFIDENCE);
      return first === undefined ? [] : [{ line, quad: (owned[k] as { quad: Quad }).quad, digit: first }];
    });
    // The label's stroke left at the crop's edge reads as a 1: only another digit glimpsed says one is hidden.
    const glimpsed = added.filter(({ digit }) => digit !== "1");
    const sure = added.filter(({ line }) => (lineChars(line)[0]?.confidence ?? 0) >= MIN_ADDED_CONFIDENCE);
    // Two starting points that add different digits say the label's stroke was read as one: keep what was read.
    const best = sure[0];
    const agreed =
      best !== undefined &&
      !sure.some((other) => other.digit !== best.digit) &&
      (!CHECKED_KINDS.has(candidate.field.kind) ||
        normaliseValue(best.line.text, candidate.field, lineChars(best.line)).valid);
    let read = candidate.read;
    if (agreed) {
      const chars = lineChars(best.line);
      const confidence = chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length;
      read = {
        ...read,
        text: best.line.text,
        pieceTexts: [best.line.text],
        chars,
        quads: [best.quad],
        confidence,
      };
    }
    // A digit glimpsed under the label's end but not read surely (8 or 3 under 重), or a label whose last character
    // was not read at all (户号 read 户 before the number): the value's first digit may be hidden there.
    const hidden = (!agreed && glimpsed.length > 0) || candidate.labelEndLost;
    if (hidden) read = { ...read, confidence: Math.min(read.confidence, HIDDEN_DIGIT_CONFIDENCE) };
    if (read !== candidate.read) reading.fields.set(candidate.key, read);
  });
}

/** A field whose only piece is the rest of the box holding its label's end, beginning with a digit. */
function candidateOf(
  field: FieldSpec,
  read: FieldReading | undefined,
  lines: readonly TextLine[],
): Candidate | undefined {
  if (!KINDS.has(field.kind) || field.parts !== undefined) return undefined;
  const label = read?.label;
  if (read === undefined || label === undefined || read.pieceTexts.length !== 1) return undefined;
  const end = labelEndIn(label, lines);
  if (end === undefined) return undefined;
  const chars = lineChars(end.line);
  const rest = chars
    .slice(end.index + 1)
    .map((char) => char.text)
    .join("");
  if (rest === "" || rest !== read.pieceTexts[0] || !DIGIT.test(rest.charAt(0))) return undefined;
  const labelEnd = chars[end.index];
  if (labelEnd === undefined) return undefined;
  return {
    key: field.key,
    field,
    read,
    line: end.line,
    labelEnd,
    rest,
    labelEndLost: label.end - label.start < Array.from(label.variant).length,
  };
}

/** The digit a re-read finds before exactly what was first read, read at least `least` surely. */
function digitBefore(line: TextLine, rest: string, least: number): string | undefined {
  const chars = lineChars(line);
  const first = chars[0];
  if (first === undefined || chars.length !== Array.from(rest).length + 1) return undefined;
  if (!DIGIT.test(first.text) || first.confidence < least) return undefined;
  return line.text.slice(first.text.length) === rest ? first.text : undefined;
}

/**
 * The box holding the label's last character, and that character's index in it. The match's line indices count
 * the lines as the label search saw them (wrapped labels stacked), so the box is found again by its text.
 */
function labelEndIn(
  label: LabelMatch,
  lines: readonly TextLine[],
): { line: TextLine; index: number } | undefined {
  const text =
    label.joined === undefined
      ? label.line.text
      : Array.from(label.line.text).slice(label.joined.offset).join("");
  const index = label.end - 1 - (label.joined?.offset ?? 0);
  const found = lines.filter((line) => line.text === text);
  const line = found[0];
  return found.length !== 1 || line === undefined || index < 0 ? undefined : { line, index };
}

/** The box from a fraction into the label's last character to its end. */
function cropFrom(candidate: Candidate, fraction: number): { quad: Quad } {
  const { labelEnd, line } = candidate;
  const start = labelEnd.start + (labelEnd.end - labelEnd.start) * fraction;
  return { quad: subQuad(line.quad, start, 1) };
}
