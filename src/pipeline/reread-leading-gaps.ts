import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { VOCABULARIES } from "../documents/shared/vocabularies.ts";
import { subQuad } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

/**
 * The crops a box is read again in, as fractions of its length: widened both ways, started inside its empty start,
 * widened at its start. A character the recognizer skipped in one crop is often read in another.
 */
const CROPS: readonly (readonly [number, number])[] = [
  [-0.15, 1.15],
  [0.1, 1],
  [-0.25, 1],
];
/** How many crops must add the same character. */
const MIN_AGREEING = 2;
/** A box whose first character starts this many character pitches into it has room for a character before it. */
const MIN_GAP_PITCHES = 0.8;
/** How sure each crop must be of the character it adds. */
const MIN_ADDED_CONFIDENCE = 0.7;
/** Kinds whose added character can be checked; ID numbers are re-decoded against their check digit instead. */
const KINDS = new Set(["name", "text", "vocabulary", "digits", "date"]);
const CJK = /^[\u3400-\u9fff]$/u;
const DIGIT = /^[0-9]$/u;

/**
 * Reads again a value box whose first character is read well inside it, with room for a whole character before
 * it: the recognizer, reading a blurred or faint box, can skip its first character (韩晓燕 read 晓燕 with the 韩's
 * place left blank). The box is read in a few other crops; when most of them read one sure character more at the
 * start and then exactly what was read, and that character fits the field (a Chinese character in a name or text,
 * a digit in a number, an entry of the field's vocabulary when added), the value gets it. Values cut from a box
 * after their label are not tried (their box starts at their first character), nor the officers' name stamps.
 * Changes `reading` in place.
 */
export async function rereadLeadingGaps(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  lines: readonly TextLine[],
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (reading.blank) return;
  const candidates = spec.fields.flatMap((field) => {
    const read = reading.fields.get(field.key);
    if (skip.has(field.key) || read === undefined || !KINDS.has(field.kind) || field.parts !== undefined)
      return [];
    const box = wholeBoxOf(read, lines);
    return box !== undefined && hasLeadingGap(box) ? [{ field, read, box }] : [];
  });
  if (candidates.length === 0) return;
  const quads = candidates.flatMap(({ box }) => CROPS.map(([from, to]) => subQuad(box.quad, from, to)));
  const reads = await engine.recognize(image, quads);
  candidates.forEach(({ field, read }, index) => {
    const own = reads.slice(index * CROPS.length, (index + 1) * CROPS.length);
    const ownQuads = quads.slice(index * CROPS.length, (index + 1) * CROPS.length);
    const added = own.flatMap((line, k) => {
      const symbol = addedSymbol(line, read.text, CROPS[k] as readonly [number, number]);
      return symbol === undefined ? [] : [{ symbol, line, quad: ownQuads[k] as Quad }];
    });
    const first = added[0];
    if (first === undefined) return;
    const agreeing = added.filter((other) => other.symbol === first.symbol);
    if (agreeing.length < MIN_AGREEING || agreeing.length < added.length) return;
    if (!fits(field, first.symbol, first.line)) return;
    const best = agreeing.reduce((a, b) => (b.line.confidence > a.line.confidence ? b : a));
    const chars = lineChars(best.line);
    reading.fields.set(field.key, {
      ...read,
      text: best.line.text,
      pieceTexts: [best.line.text],
      chars,
      quads: [best.quad],
      confidence: best.line.confidence,
    });
  });
}

/**
 * The page's box a value was read from whole, when it is one box: value pieces are trimmed to their characters, so
 * the box is found again among the page's lines by its text.
 */
function wholeBoxOf(read: FieldReading, lines: readonly TextLine[]): TextLine | undefined {
  if (read.pieceTexts.length !== 1 || read.text.trim() === "") return undefined;
  const found = lines.filter((line) => line.text === read.text);
  return found.length === 1 ? found[0] : undefined;
}

/** Whether a box's first character starts at least {@link MIN_GAP_PITCHES} of a character into it. */
function hasLeadingGap(box: TextLine): boolean {
  const chars = lineChars(box);
  const first = chars[0];
  const last = chars[chars.length - 1];
  if (first === undefined || last === undefined) return false;
  const pitch = (last.end - first.start) / chars.length;
  return pitch > 0 && first.start >= pitch * MIN_GAP_PITCHES;
}

/**
 * The one character a crop's reading adds before what was read, if read surely and inside the box (not a character
 * of the label before it, taken in by a crop widened to the left), else `undefined`.
 */
function addedSymbol(
  line: TextLine,
  before: string,
  [from, to]: readonly [number, number],
): string | undefined {
  const chars = lineChars(line);
  const first = chars[0];
  if (first === undefined || first.confidence < MIN_ADDED_CONFIDENCE) return undefined;
  const centre = from + ((first.start + first.end) / 2) * (to - from);
  if (centre <= 0) return undefined;
  return line.text === first.text + before ? first.text : undefined;
}

/** Whether a character added at the start suits the field's kind. */
function fits(field: FieldSpec, symbol: string, line: TextLine): boolean {
  switch (field.kind) {
    case "name":
    case "text":
      return CJK.test(symbol);
    case "vocabulary":
      return field.vocabulary !== undefined && VOCABULARIES[field.vocabulary].entries.includes(line.text);
    case "digits":
      return DIGIT.test(symbol);
    case "date":
      return DIGIT.test(symbol) && normaliseValue(line.text, field, lineChars(line)).valid;
    default:
      return false;
  }
}
