import { fixPlacePrefix } from "./shared/divisions.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What a character replaced by the divisions' spelling keeps of its confidence. */
const FIXED_CONFIDENCE = 0.6;

/**
 * The pieces of a value that begins with a place (an address, a hospital's name) with that place's misread
 * characters replaced by the divisions' spelling (see `fixPlacePrefix`), across pieces in reading order. Only
 * characters are replaced; the pieces, their boxes and their order stay.
 */
export function fixPiecesPrefix(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  boxed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * 0.5;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  const ordered = boxed.map(({ piece }) => piece);
  const chars = ordered.flatMap((piece) => lineChars(piece.line));
  const fixed = fixPlacePrefix(
    chars.map((char) => char.text).join(""),
    chars.map((char) => char.confidence),
  );
  if (fixed === undefined) return [...pieces];
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
