import type { ValuePiece } from "./value-pieces.ts";

/** The longest piece that may be a stray mark: a speck, a ruling's end, a seal's stroke read as `3#）` or `e`. */
const MAX_MARK_SYMBOLS = 3;
const HAN = /\p{Script=Han}/u;
/** A number, or a number's part (`12`, `-3`): what an address's or a date's own piece may be. */
const NUMBER = /^[0-9０-９\-－—.]+$/u;

/**
 * Whether a piece of a Chinese text value is a stray mark rather than part of it: a few symbols with no Chinese
 * character and that are not a number (an address's house number may stand on its own).
 */
export function isStrayMark(piece: ValuePiece): boolean {
  const symbols = Array.from(piece.line.text.replace(/\s+/gu, ""));
  if (symbols.length === 0 || symbols.length > MAX_MARK_SYMBOLS) return false;
  const text = symbols.join("");
  return !HAN.test(text) && !NUMBER.test(text);
}

/** Takes the stray marks (see {@link isStrayMark}) out of the given fields' pieces. */
export function dropStrayMarks(assigned: Map<string, ValuePiece[]>, keys: readonly string[]): void {
  for (const key of keys) {
    const pieces = assigned.get(key);
    if (pieces)
      assigned.set(
        key,
        pieces.filter((piece) => !isStrayMark(piece)),
      );
  }
}
