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

/**
 * A name's pieces without those that read as part of a seal's printed caption (户口登记机关户口专用章 read
 * `口登记机养` beside a name stamp the stamp reader could not find): a piece holding two consecutive characters of
 * a caption (登记, 户口, 专用) is the caption's, for no name holds them.
 *
 * @example
 * withoutCaptionPieces(pieces, ["户口登记机关户口专用章"]).map((piece) => piece.line.text); // [] from ["口登记机养"]
 */
export function withoutCaptionPieces(
  pieces: readonly ValuePiece[],
  captions: readonly string[],
): ValuePiece[] {
  const pairs = new Set(
    captions.flatMap((caption) => {
      const symbols = Array.from(caption);
      return symbols.slice(1).map((symbol, k) => `${symbols[k]}${symbol}`);
    }),
  );
  return pieces.filter((piece) => {
    const symbols = Array.from(piece.line.text.replace(/\s+/gu, ""));
    return !symbols.slice(1).some((symbol, k) => pairs.has(`${symbols[k]}${symbol}`));
  });
}

/** The printed words of a page that are seal captions (they end in 章: 户口专用章, 出生医学证明专用章). */
export function sealCaptions(printed: readonly string[] = []): string[] {
  return printed.filter((word) => word.endsWith("章"));
}

/**
 * Keys of the officers' names, signed or stamped beside the seals. Only these: a householder's name may be a
 * collective household's (…公安局集体户), which holds a caption's words.
 */
const OFFICER_KEYS: readonly string[] = ["Registrar", "registrar"];

/** {@link withoutCaptionPieces} for the officers' names among the assigned pieces. */
export function dropCaptionsFromNames(
  assigned: Map<string, ValuePiece[]>,
  captions: readonly string[],
): void {
  for (const key of OFFICER_KEYS) {
    const pieces = assigned.get(key);
    if (pieces) assigned.set(key, withoutCaptionPieces(pieces, captions));
  }
}
