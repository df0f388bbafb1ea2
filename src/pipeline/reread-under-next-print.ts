import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { subQuad } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { RecognizedChar, TextLine } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";
import { centreOf, insideQuad } from "./value-lines.ts";

/**
 * Where in the following character the re-read crops end, as fractions of its width: a last character printed
 * over the first strokes of what follows is left whole, with only part of the follower beside it.
 */
const CROP_ENDS = [0.35, 0.5, 0.65, 0.8] as const;
/** How many of the value's last characters the crops take in before the follower (the rest are not read again). */
const TAIL_CHARS = 4;
/** How sure the recognizer must be of the character a re-read adds. */
const MIN_ADDED_CONFIDENCE = 0.7;
/** How many crops must add the same character surely (and more than half of those glimpsing one). */
const MIN_AGREEING = 2;
/**
 * A digit read this surely after a number, but not added, says its last digit may be hidden (after a text, only a
 * character read {@link MIN_ADDED_CONFIDENCE} surely: a label's character cut by the crop reads as look-alikes).
 */
const HINT_CONFIDENCE = 0.3;
/** The most a value whose last character may be hidden under what follows it is trusted. */
const HIDDEN_END_CONFIDENCE = 0.5;
const DIGIT = /^[0-9]$/u;
const CJK_OR_DIGIT = /^[\u3400-\u9fff0-9]$/u;

interface Candidate {
  field: FieldSpec;
  read: FieldReading;
  /** The box holding the value's end and what follows it. */
  line: TextLine;
  /** Index in `line`'s characters of the first character that follows the value (a unit's, a label's). */
  follower: number;
  /** Index in `line`'s characters of the first character read again. */
  from: number;
  /** The value's characters from `from` to the follower, as first read. */
  tail: string;
  /** How many characters of the field's text follow the value (a unit read with it), 0 for a label. */
  after: number;
  /** Whether the follower was read as another character than the one printed (宗 read 家). */
  followerMisread: boolean;
  /** The follower as printed and as read: a crop reaching into it and reading it adds nothing hidden. */
  followerTexts: ReadonlySet<string>;
}

/**
 * Reads again the end of a value printed over what follows it in the same box: a number's last digit across its
 * unit's first strokes (3050克 read 305克: the 0 and 克 read as 克 alone), or a text's last character across the
 * first character of the next cell's label (…1001室 over 宗教信仰, read …1001家教信仰: 室 and 宗 read as one). The
 * value's last characters are read again in crops ending a few ways inside the follower; when most of them add the
 * same sure character (a digit to a number, still in its range; a Chinese character or a digit to a text) and none
 * another, the value gets it. When a crop glimpses a character there (not the follower itself) but the crops do
 * not agree, or the label after a text was read with its first character changed, the value may lack its last character and is trusted
 * at most {@link HIDDEN_END_CONFIDENCE}. Changes `reading` in place.
 */
export async function rereadUnderNextPrint(
  image: RawImage,
  lines: readonly TextLine[],
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
): Promise<void> {
  if (reading.blank) return;
  const candidates = spec.fields.flatMap((field) => {
    const candidate = candidateOf(field, reading, lines);
    return candidate === undefined ? [] : [candidate];
  });
  if (candidates.length === 0) return;
  const quads = candidates.flatMap((candidate) => CROP_ENDS.map((fraction) => cropTo(candidate, fraction)));
  const reads = await engine.recognize(image, quads);
  candidates.forEach((candidate, index) => {
    const own = reads.slice(index * CROP_ENDS.length, (index + 1) * CROP_ENDS.length);
    const glimpsed = own.flatMap((line) => {
      const added = addedAtEnd(line, candidate.tail);
      return added === undefined ||
        added.confidence < HINT_CONFIDENCE ||
        !fitsKind(candidate.field, added.text) ||
        candidate.followerTexts.has(added.text)
        ? []
        : [added];
    });
    const sure = glimpsed.filter((added) => added.confidence >= MIN_ADDED_CONFIDENCE);
    const best = mostGiven(sure);
    const agreed =
      best !== undefined &&
      sure.filter((added) => added.text === best.text).length >= MIN_AGREEING &&
      glimpsed.filter((added) => added.text === best.text).length * 2 > glimpsed.length &&
      completes(candidate, best);
    if (agreed) {
      reading.fields.set(candidate.field.key, completed(candidate, best));
      return;
    }
    // A crop cutting into a label's character reads look-alikes of it (血 as 面): only a sure one counts there.
    const hints = candidate.field.kind === "number" ? glimpsed : sure;
    if (hints.length > 0 || candidate.followerMisread) {
      const read = candidate.read;
      reading.fields.set(candidate.field.key, {
        ...read,
        confidence: Math.min(read.confidence, HIDDEN_END_CONFIDENCE),
      });
    }
  });
}

/**
 * A field whose value ends in a box that goes on with what the form prints after it: a number's unit read with it
 * (its last piece ends with one of the field's units), or a text followed in its box by another field's label.
 */
function candidateOf(
  field: FieldSpec,
  reading: DocumentReading,
  lines: readonly TextLine[],
): Candidate | undefined {
  if (field.parts !== undefined || (field.kind !== "number" && field.kind !== "text")) return undefined;
  const read = reading.fields.get(field.key);
  const piece = read?.pieceTexts.at(-1);
  if (read === undefined || piece === undefined || piece === "") return undefined;
  const quad = read.quads.at(-1);
  if (quad === undefined) return undefined;
  const centre = centreOf(quad);
  const found = lines.filter((line) => insideQuad(line.quad, centre));
  const line = found[0];
  if (found.length !== 1 || line === undefined) return undefined;
  const symbols = lineChars(line).map((char) => char.text);
  const pieceSymbols = Array.from(piece);
  if (field.kind === "number") {
    const start = indexOfRun(symbols, pieceSymbols);
    const unit = (field.units ?? []).find((u) => piece.endsWith(u) && piece.length > u.length);
    if (start < 0 || unit === undefined) return undefined;
    const follower = start + pieceSymbols.length - Array.from(unit).length;
    if (!symbols.slice(start, follower).every((symbol) => DIGIT.test(symbol))) return undefined;
    return withTail(field, read, line, start, follower, Array.from(unit).length, new Set([unit.charAt(0)]));
  }
  // A text: another field's label must begin in the same box right after the value's last character.
  for (const other of reading.fields.values()) {
    const label = other.label;
    if (label === undefined || label.key === field.key || label.joined !== undefined) continue;
    if (label.line.text !== line.text || label.start < 1) continue;
    if (symbols[label.start - 1] !== pieceSymbols.at(-1)) continue;
    const printed = Array.from(label.variant)[0];
    return withTail(field, read, line, 0, label.start, 0, new Set([printed ?? ""]));
  }
  return undefined;
}

function withTail(
  field: FieldSpec,
  read: FieldReading,
  line: TextLine,
  start: number,
  follower: number,
  after: number,
  printed: ReadonlySet<string>,
): Candidate | undefined {
  const readAs = lineChars(line)[follower]?.text;
  if (follower <= start || readAs === undefined) return undefined;
  const followerMisread = !printed.has(readAs);
  const followerTexts = new Set([...printed, readAs]);
  const from = Math.max(start, follower - TAIL_CHARS);
  const tail = lineChars(line)
    .slice(from, follower)
    .map((char) => char.text)
    .join("");
  return { field, read, line, follower, from, tail, after, followerMisread, followerTexts };
}

/** The crop from the first character read again to `fraction` into the follower. */
function cropTo(candidate: Candidate, fraction: number) {
  const chars = lineChars(candidate.line);
  const first = chars[candidate.from] as RecognizedChar;
  const follower = chars[candidate.follower] as RecognizedChar;
  return subQuad(
    candidate.line.quad,
    first.start,
    follower.start + (follower.end - follower.start) * fraction,
  );
}

/** The one character a crop's reading adds after exactly the tail first read, if any. */
function addedAtEnd(line: TextLine, tail: string): RecognizedChar | undefined {
  const chars = lineChars(line);
  const last = chars.at(-1);
  if (last === undefined || chars.length !== Array.from(tail).length + 1) return undefined;
  return line.text.slice(0, line.text.length - last.text.length) === tail ? last : undefined;
}

function fitsKind(field: FieldSpec, symbol: string): boolean {
  return field.kind === "number" ? DIGIT.test(symbol) : CJK_OR_DIGIT.test(symbol);
}

/** Whether the value with the added character is still valid (a number in its range). */
function completes(candidate: Candidate, added: RecognizedChar): boolean {
  if (candidate.field.kind !== "number") return true;
  const next = completed(candidate, added);
  return normaliseValue(next.text, candidate.field, next.chars).valid;
}

/** The field's reading with the character added at the value's end (before a unit read with it). */
function completed(candidate: Candidate, added: RecognizedChar): FieldReading {
  const { read, after } = candidate;
  const insert = (symbols: string[]) => [
    ...symbols.slice(0, symbols.length - after),
    added.text,
    ...symbols.slice(symbols.length - after),
  ];
  const lastPiece = read.pieceTexts.at(-1) as string;
  const piece = insert(Array.from(lastPiece)).join("");
  const text = read.text.slice(0, read.text.length - lastPiece.length) + piece;
  const at = read.chars.length - after;
  const chars = [...read.chars.slice(0, at), added, ...read.chars.slice(at)];
  const confidence = chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length;
  return { ...read, text, pieceTexts: [...read.pieceTexts.slice(0, -1), piece], chars, confidence };
}

/** The character most of the reads add (the first of those most given). */
function mostGiven(added: readonly RecognizedChar[]): RecognizedChar | undefined {
  let best: RecognizedChar | undefined;
  let count = 0;
  for (const char of added) {
    const n = added.filter((other) => other.text === char.text).length;
    if (n > count) {
      best = char;
      count = n;
    }
  }
  return best;
}

/** Where `run` first occurs in `symbols`, or -1. */
function indexOfRun(symbols: readonly string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= symbols.length; i++) {
    if (run.every((symbol, k) => symbols[i + k] === symbol)) return i;
  }
  return -1;
}
