import type { RecognizedChar } from "../types.ts";
import { addressDigits } from "./shared/address-digits.ts";
import { fixPlaceStart, type PreferredPlaces, restorePlaceStart } from "./shared/divisions.ts";
import type { DocumentSpec } from "./shared/field-spec.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What a character replaced by the divisions' spelling keeps of its confidence. */
const FIXED_CONFIDENCE = 0.6;

/**
 * The pieces of a value that begins with a place (an address, a hospital's name) with that place read as the
 * divisions spell it (see `fixPlaceStart`: misread characters replaced, lost ones put back, extra ones dropped),
 * across pieces in reading order, after a province's lost first characters are put back or a stray character
 * before it dropped (see `restorePlaceStart`). `preferred` holds the forms of places other fields of the page name.
 * The pieces, their boxes and their order stay.
 */
export function fixPiecesPrefix(
  pieces: readonly ValuePiece[],
  frame: PageFrame,
  preferred: PreferredPlaces = new Map(),
): ValuePiece[] {
  const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  boxed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * 0.5;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  const ordered = restoreStart(boxed.map(({ piece }) => piece));
  const owners = ordered.flatMap((piece, index) => lineChars(piece.line).map(() => index));
  const chars = ordered.flatMap((piece) => lineChars(piece.line));
  const fixed = fixPlaceStart(chars, preferred);
  if (fixed === undefined) return ordered;
  const rebuilt: RecognizedChar[][] = ordered.map(() => []);
  fixed.symbols.forEach((symbol, index) => {
    if (symbol.from !== undefined) {
      const char = chars[symbol.from] as RecognizedChar;
      (rebuilt[owners[symbol.from] as number] as RecognizedChar[]).push(
        char.text === symbol.text ? char : replaced(char, symbol.text),
      );
      return;
    }
    // A character put in goes into the piece of the next character read (the last one's, at the end).
    const next = fixed.symbols.slice(index + 1).find((later) => later.from !== undefined)?.from;
    const at = next ?? Math.min(fixed.consumed, chars.length - 1);
    (rebuilt[owners[at] as number] as RecognizedChar[]).push(...putBack(symbol.text, chars[at]));
  });
  chars.forEach((char, index) => {
    if (index >= fixed.consumed) (rebuilt[owners[index] as number] as RecognizedChar[]).push(char);
  });
  return ordered.flatMap((piece, index) => {
    const own = rebuilt[index] as RecognizedChar[];
    if (own.length === 0) return [];
    const before = lineChars(piece.line);
    if (own.length === before.length && own.every((char, k) => char === before[k])) return [piece];
    const text = own.map((char) => char.text).join("");
    return [{ ...piece, line: { ...piece.line, text, chars: own } }];
  });
}

/** A character read as another of the place's, replaced by the place's with at most {@link FIXED_CONFIDENCE}. */
function replaced(char: RecognizedChar, text: string): RecognizedChar {
  const confidence = Math.min(char.confidence, FIXED_CONFIDENCE);
  return { ...char, text, confidence, alternatives: [{ text, probability: confidence }] };
}

/**
 * The pieces with the first one's province start put right (see `restorePlaceStart`): characters put back get
 * {@link FIXED_CONFIDENCE}; as they were when nothing fits.
 */
function restoreStart(ordered: ValuePiece[]): ValuePiece[] {
  const [first, ...rest] = ordered;
  if (first === undefined) return ordered;
  const own = lineChars(first.line);
  const start = restorePlaceStart(own.map((char) => char.text).join(""));
  if (start === undefined) return ordered;
  const chars = [...putBack(start.added, own[0]), ...own.slice(start.dropped)];
  const text = chars.map((char) => char.text).join("");
  return [{ ...first, line: { ...first.line, text, chars } }, ...rest];
}

/** Characters put back before `next`, where it begins, with {@link FIXED_CONFIDENCE}. */
function putBack(added: string, next: RecognizedChar | undefined): RecognizedChar[] {
  return Array.from(added).map((text) => ({
    text,
    confidence: FIXED_CONFIDENCE,
    start: next?.start ?? 1,
    end: next?.start ?? 1,
    alternatives: [{ text, probability: FIXED_CONFIDENCE }],
  }));
}

/**
 * The pieces of an address: the place it begins with put right (see {@link fixPiecesPrefix}) and letters read among
 * its numbers taken for the digits they stand for (see `addressDigits`).
 */
export function fixAddressPieces(
  pieces: readonly ValuePiece[],
  frame: PageFrame,
  preferred: PreferredPlaces = new Map(),
): ValuePiece[] {
  return fixPiecesPrefix(pieces, frame, preferred).map((piece) => {
    const own = lineChars(piece.line);
    const chars = addressDigits(own);
    if (chars.every((char, index) => char === own[index])) return piece;
    const text = chars.map((char) => char.text).join("");
    return { ...piece, line: { ...piece.line, text, chars } };
  });
}

/** Fills a spec's `regroup`: the fields that hold an address or a place have their pieces put right. */
export function fixPlaceFields(keys: readonly string[]): NonNullable<DocumentSpec["regroup"]> {
  return (assigned, _found, frame) => {
    for (const key of keys) {
      const pieces = assigned.get(key);
      if (pieces) assigned.set(key, fixAddressPieces(pieces, frame));
    }
  };
}
