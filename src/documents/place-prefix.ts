import type { RecognizedChar } from "../types.ts";
import { addressDigits } from "./shared/address-digits.ts";
import { fixPlacePrefix, restoreLostInside, restorePlaceStart } from "./shared/divisions.ts";
import type { DocumentSpec } from "./shared/field-spec.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What a character replaced by the divisions' spelling keeps of its confidence. */
const FIXED_CONFIDENCE = 0.6;

/**
 * The pieces of a value that begins with a place (an address, a hospital's name) with that place's misread
 * characters replaced by the divisions' spelling (see `fixPlacePrefix`), across pieces in reading order, after a
 * province's lost first characters are put back or a stray character before it dropped (see `restorePlaceStart`).
 * The pieces, their boxes and their order stay.
 */
export function fixPiecesPrefix(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  boxed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * 0.5;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  const ordered = restoreStart(boxed.map(({ piece }) => piece));
  const chars = ordered.flatMap((piece) => lineChars(piece.line));
  const fixed = fixPlacePrefix(
    chars.map((char) => char.text).join(""),
    chars.map((char) => char.confidence),
  );
  if (fixed === undefined) return ordered;
  const symbols = Array.from(fixed.text);
  const changed = new Set(fixed.changed);
  let offset = 0;
  return ordered.map((piece) => {
    const own = lineChars(piece.line);
    const from = offset;
    offset += own.length;
    if (!own.some((_, index) => changed.has(from + index))) return piece;
    const replaced = own.map((char, index) => {
      if (!changed.has(from + index)) return char;
      const text = symbols[from + index] ?? char.text;
      const confidence = Math.min(char.confidence, FIXED_CONFIDENCE);
      return { ...char, text, confidence, alternatives: [{ text, probability: confidence }] };
    });
    const text = replaced.map((char) => char.text).join("");
    return { ...piece, line: { ...piece.line, text, chars: replaced } };
  });
}

/**
 * The pieces with the first one's place name put right (see `restorePlaceStart`, `restoreLostInside`): characters
 * put back get {@link FIXED_CONFIDENCE}; as they were when nothing fits.
 */
function restoreStart(ordered: ValuePiece[]): ValuePiece[] {
  const [first, ...rest] = ordered;
  if (first === undefined) return ordered;
  const own = lineChars(first.line);
  const read = own.map((char) => char.text).join("");
  const start = restorePlaceStart(read);
  const inside = start === undefined ? restoreLostInside(read) : undefined;
  let chars: RecognizedChar[];
  if (start !== undefined) chars = [...putBack(start.added, own[0]), ...own.slice(start.dropped)];
  else if (inside !== undefined)
    chars = [...own.slice(0, inside.at), ...putBack(inside.added, own[inside.at]), ...own.slice(inside.at)];
  else return ordered;
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
export function fixAddressPieces(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  return fixPiecesPrefix(pieces, frame).map((piece) => {
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
