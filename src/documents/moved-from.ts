import type { RecognizedChar, TextLine } from "../types.ts";
import { inReadingOrder } from "./institution-name.ts";
import { areConfusable } from "./shared/confusable-chars.ts";
import {
  fixPlaceStart,
  matchPlace,
  type PreferredPlaces,
  placeForms,
  placeNamed,
} from "./shared/divisions.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What a character put in from the divisions or the wording keeps of its confidence. */
const FIXED_CONFIDENCE = 0.6;
/** A date (year and month) and 由 before the place the person moved from. */
const DATE_THEN_FROM = /^(\D{0,3}?)(\d{4}年\d{1,2}月)由/u;
/** How the value ends after its place. */
const ENDING = Array.from("迁来");
/** The most the ending may be misread by (one character misread, and one confused with a look-alike). */
const MAX_ENDING_COST = 1.4;
/** What an ending character costs when the recognizer had it among its other readings, or read a look-alike. */
const ALTERNATIVE_COST = 0.3;
const CONFUSION_COST = 0.4;

/**
 * The pieces of a resident page's 何时由何地迁来本市（县）/本址 written as the register writes it, `<year>年<month>月由
 * <place>迁来` (`2022年10月由吉林省白城市通榆县迁来`), with that structure read right: the place after 由 spelt as
 * the divisions spell it (see `fixPlaceStart`; `preferred`: places other fields of the page name), the ending read
 * as 迁来 where it is one misread character from it (`任来`, `适离`), and what was read after the ending or before
 * the date (a seal's or a label's characters, `分局`, `县分`) left out. Only where the value holds the date and 由
 * and a place of the divisions follows it; otherwise, and for other wordings (出生, 由本市迁来), as they are.
 */
export function fixMovedFrom(
  pieces: readonly ValuePiece[],
  frame: PageFrame,
  preferred: PreferredPlaces = new Map(),
): ValuePiece[] {
  return doubtUnended(readMovedFrom(pieces, frame, preferred), frame);
}

/** What a value of the wording `<date>由<place>迁来` read without its ending is trusted at most. */
const UNENDED_CONFIDENCE = 0.5;
/** A date and 由, however many of the year's digits were read. */
const SOME_DATE_THEN_FROM = /\d年\d{1,2}月由/u;

/**
 * The pieces, their characters trusted at most {@link UNENDED_CONFIDENCE} where they hold a date and 由 but no
 * ending 迁来 after them (`2010年07月由广东省韶关市南`): the value was cut short, what is missing is not known, and a
 * sure-looking answer would hide that. Other wordings (出生, 购房迁入) and whole ones are left as they are.
 */
function doubtUnended(pieces: ValuePiece[], frame: PageFrame): ValuePiece[] {
  const ordered = inReadingOrder(pieces, frame);
  const text = ordered.map((piece) => piece.line.text.replace(/\s+/gu, "")).join("");
  if (!SOME_DATE_THEN_FROM.test(text) || text.endsWith(ENDING.join(""))) return pieces;
  return pieces.map((piece) => {
    const chars = lineChars(piece.line).map((char) =>
      char.confidence <= UNENDED_CONFIDENCE ? char : { ...char, confidence: UNENDED_CONFIDENCE },
    );
    return {
      ...piece,
      line: { ...piece.line, chars, confidence: Math.min(piece.line.confidence, UNENDED_CONFIDENCE) },
    };
  });
}

/** See {@link fixMovedFrom}: the value's structure read right, its doubt aside. */
function readMovedFrom(
  pieces: readonly ValuePiece[],
  frame: PageFrame,
  preferred: PreferredPlaces,
): ValuePiece[] {
  if (pieces.length === 0) return [...pieces];
  const ordered = inReadingOrder(pieces, frame);
  const owned = ordered.flatMap((piece, index) =>
    lineChars(piece.line)
      .filter((char) => char.text.trim() !== "")
      .map((char) => ({ char, index })),
  );
  const chars = owned.map(({ char }) => char);
  const text = chars.map((char) => char.text).join("");
  const match = DATE_THEN_FROM.exec(text);
  if (match === null) return [...pieces];
  const lead = Array.from(match[1] ?? "").length;
  const from = Array.from(match[0]).length;
  const after = chars.slice(from);
  const fixed = fixPlaceStart(after, preferred);
  let place: RecognizedChar[];
  let rest: RecognizedChar[];
  if (fixed !== undefined) {
    place = fixed.symbols.map((symbol) => {
      const char = symbol.from === undefined ? undefined : after[symbol.from];
      return char !== undefined && char.text === symbol.text ? char : putIn(symbol.text, char ?? after[0]);
    });
    rest = after.slice(fixed.consumed);
  } else {
    const whole = wholePlace(after, preferred);
    const exact = placeLength(after.map((char) => char.text).join(""));
    if (whole !== undefined) {
      place = whole.place;
      rest = after.slice(whole.consumed);
    } else if (exact === 0) return [...pieces];
    else {
      place = after.slice(0, exact);
      rest = after.slice(exact);
    }
  }
  const ending = endingOf(rest);
  if (fixed === undefined && lead === 0 && ending === undefined) return [...pieces];
  const result = [...chars.slice(lead, from), ...place, ...(ending ?? rest)];
  if (result.map((char) => char.text).join("") === text) return [...pieces];
  // The pieces the value keeps characters of give its box: what was left out (a seal's remnant) is elsewhere.
  const kept = [
    ...new Set(result.flatMap((char) => owned.filter((own) => own.char === char).map((own) => own.index))),
  ]
    .sort((a, b) => a - b)
    .map((index) => ordered[index] as ValuePiece);
  const boxed = kept.length > 0 ? kept : ordered;
  return [{ line: lineOf(result, boxed, frame), lineIndex: (boxed[0] as ValuePiece).lineIndex }];
}

/** The fewest Chinese characters a place between 由 and 迁来 must have been read as to be matched whole. */
const MIN_WHOLE_PLACE = 5;
/** How many characters the place may have that its reading lacks, or lack that it has: never a county put in. */
const MAX_LENGTH_DIFFERENCE = 1;
/** How many of a place's first characters must have been read as printed to match it whole. */
const WHOLE_PLACE_ANCHOR = 2;

/**
 * The place between 由 and the ending 迁来 (read as it, or one character off, at the value's end) matched whole
 * to the county-level place of the divisions nearest it (see `matchPlace`; `preferred`: places the page's other
 * fields name, which are likelier), where its start reads no place and the fit is close: `百色市西，` before 迁来 →
 * `百色市西林县`, `贺州市的华镇` → `贺州市昭平县`. Its characters not read as printed are put in with at most
 * {@link FIXED_CONFIDENCE}. `undefined` when no ending closes the place, the place is read as one already, none
 * fits closely and alone, or the place is longer or shorter than the reading by more than a character (a place
 * printed to its city only is given no county).
 */
function wholePlace(
  after: readonly RecognizedChar[],
  preferred: PreferredPlaces,
): { place: RecognizedChar[]; consumed: number } | undefined {
  const texts = after.map((char) => char.text);
  let end = texts.join("").lastIndexOf(ENDING.join(""));
  if (end >= 0) end = Array.from(texts.join("").slice(0, end)).length;
  else if (endingOf(after.slice(-ENDING.length)) !== undefined) end = after.length - ENDING.length;
  else return undefined;
  const segment = after.slice(0, end);
  const read = segment.map((char) => char.text).join("");
  const chinese = read.replace(/[^\u4e00-\u9fff]/gu, "");
  if (Array.from(chinese).length < MIN_WHOLE_PLACE || placeLength(chinese) === Array.from(chinese).length)
    return undefined;
  const match = matchPlace(
    [
      {
        text: read,
        confidences: segment.map((char) => char.confidence),
        alternatives: segment.map((char) => char.alternatives),
      },
    ],
    preferred,
  );
  const named = match === undefined ? undefined : placeNamed(match.value);
  if (named === undefined) return undefined;
  const value = Array.from(named.province + (named.city === named.province ? "" : named.city) + named.county);
  if (
    value.join("") === read ||
    Math.abs(value.length - segment.length) > MAX_LENGTH_DIFFERENCE ||
    value.slice(0, WHOLE_PLACE_ANCHOR).join("") !== texts.slice(0, WHOLE_PLACE_ANCHOR).join("")
  )
    return undefined;
  // The characters read as printed at its start and end stay as read; those between are the divisions'.
  let same = 0;
  while (same < Math.min(value.length, segment.length) && value[same] === segment[same]?.text) same++;
  let tail = 0;
  while (
    tail < Math.min(value.length, segment.length) - same &&
    value[value.length - 1 - tail] === segment[segment.length - 1 - tail]?.text
  )
    tail++;
  const middle = segment.slice(same, segment.length - tail);
  const place = [
    ...segment.slice(0, same),
    ...value.slice(same, value.length - tail).map((text, index) => putIn(text, middle[index] ?? middle[0])),
    ...segment.slice(segment.length - tail),
  ];
  return { place, consumed: end };
}

/** How many characters of the text are the longest place it begins with, 0 for none. */
function placeLength(text: string): number {
  const forms = placeForms(text).filter((form) => text.startsWith(form));
  return Math.max(0, ...forms.map((form) => Array.from(form).length));
}

/**
 * The ending 迁来 from what follows the place: read as it is or one misread character from it (what follows it
 * left out), else `undefined`.
 */
function endingOf(rest: readonly RecognizedChar[]): RecognizedChar[] | undefined {
  if (rest.length < ENDING.length) return undefined;
  let cost = 0;
  const chars = ENDING.map((want, index) => {
    const char = rest[index] as RecognizedChar;
    if (char.text === want) return char;
    const alternative = char.alternatives.some((other) => other.text === want && other.probability >= 0.003);
    cost += alternative ? ALTERNATIVE_COST : areConfusable(want, char.text) ? CONFUSION_COST : 1;
    return putIn(want, char);
  });
  return cost <= MAX_ENDING_COST ? chars : undefined;
}

function putIn(text: string, near: RecognizedChar | undefined): RecognizedChar {
  const confidence = Math.min(near?.confidence ?? FIXED_CONFIDENCE, FIXED_CONFIDENCE);
  return {
    text,
    confidence,
    start: near?.start ?? 0,
    end: near?.end ?? 0,
    alternatives: [{ text, probability: confidence }],
  };
}

/** One line holding `chars` over the pieces' box (their row's, when they are on one row; else the first's). */
function lineOf(
  chars: readonly RecognizedChar[],
  ordered: readonly ValuePiece[],
  frame: PageFrame,
): TextLine {
  const first = ordered[0] as ValuePiece;
  const last = ordered[ordered.length - 1] as ValuePiece;
  const top = frame.box(first.line.quad);
  const sameRow = ordered.every(
    (piece) => Math.abs(frame.box(piece.line.quad).centerY - top.centerY) < top.height * 0.5,
  );
  const count = chars.length;
  const spread = chars.map((char, index) => ({ ...char, start: index / count, end: (index + 1) / count }));
  return {
    text: spread.map((char) => char.text).join(""),
    confidence: spread.reduce((sum, char) => sum + char.confidence, 0) / Math.max(1, count),
    quad: sameRow
      ? [first.line.quad[0], last.line.quad[1], last.line.quad[2], first.line.quad[3]]
      : first.line.quad,
    detectionScore: first.line.detectionScore,
    chars: spread,
  };
}
