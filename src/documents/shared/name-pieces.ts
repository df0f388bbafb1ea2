import type { ValuePiece } from "./value-pieces.ts";

/** Keys of the household pages' fields that hold a person's name. */
export const NAME_KEYS: readonly string[] = [
  "householderName",
  "Registrar",
  "name",
  "formerName",
  "registrar",
];

/**
 * A name's pieces without those that are mostly digits (`106日`, a piece of the issue date beside the signature):
 * a name holds no digits, so such a piece is another field's, cut off by the detector, and none of its characters
 * (the 日 of the date) belong to the name.
 *
 * @example
 * withoutNumberPieces(pieces).map((piece) => piece.line.text); // ["范玲"] from ["106日", "范玲"]
 */
export function withoutNumberPieces(pieces: readonly ValuePiece[]): ValuePiece[] {
  return pieces.filter((piece) => {
    const symbols = Array.from(piece.line.text.replace(/\s+/gu, ""));
    const digits = symbols.filter((symbol) => /[0-9０-９]/u.test(symbol)).length;
    return !(digits >= MIN_DIGITS && digits * 2 >= symbols.length);
  });
}

/** A piece with fewer digits than this is a name misread (a stroke read as 1), not another field's number. */
const MIN_DIGITS = 2;

/** {@link withoutNumberPieces} for each name field of {@link NAME_KEYS} among the assigned pieces. */
export function dropNumbersFromNames(assigned: Map<string, ValuePiece[]>): void {
  for (const key of NAME_KEYS) {
    const pieces = assigned.get(key);
    if (pieces) assigned.set(key, withoutNumberPieces(pieces));
  }
}
