import type { PageFrame } from "./page-frame.ts";
import { isCommonSurname, isCompoundSurname } from "./surnames.ts";
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

/** Whether a key is one of the officers' names (stamped or signed beside the seals). */
export function isOfficerKey(key: string): boolean {
  return OFFICER_KEYS.includes(key);
}

/** A Chinese name has at most this many characters (a compound surname and two given ones). */
const MAX_NAME_CHARACTERS = 4;

/**
 * A person's name without the pieces read after it when together they are too long for a name: the first piece
 * (in reading order) is a whole name of two to four Chinese characters beginning with a surname, and what follows
 * it is another cell's text or a smear taken in (`盛依诺` + `作钢`, `刘强` + `山县街通和平号…`). A name printed in
 * two boxes (`欧阳` `娜娜`, `张` `三`) stays whole, and so does a collective household's (`…公司` `集体户`).
 *
 * @example
 * withoutTextAfterName(pieces, frame).map((piece) => piece.line.text); // ["盛依诺"] from ["盛依诺", "作钢"]
 */
export function withoutTextAfterName(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  if (pieces.length < 2) return [...pieces];
  const placed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  placed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * 0.5;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  const han = (text: string) => Array.from(text.replace(/[^\u3400-\u4dbf\u4e00-\u9fff]/gu, ""));
  const first = han((placed[0] as { piece: ValuePiece }).piece.line.text);
  const all = placed.flatMap(({ piece }) => han(piece.line.text));
  if (first.length < 2 || first.length > MAX_NAME_CHARACTERS || all.length <= MAX_NAME_CHARACTERS)
    return [...pieces];
  if (all[all.length - 1] === "户") return [...pieces];
  const surname = isCompoundSurname(first.map((text) => ({ text }))) || isCommonSurname(first[0] as string);
  return surname ? [(placed[0] as { piece: ValuePiece }).piece] : [...pieces];
}
