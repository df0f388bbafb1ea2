import { isNameCharacter } from "../documents/shared/name-characters.ts";
import type { RecognizedChar, TextLine } from "../types.ts";

/** A Chinese name read longer holds at most this many characters (a compound surname and a two-character name). */
const MAX_NAME_LENGTH = 4;
/** The character a longer reading adds is read at least this surely... */
const MIN_ADDED_CONFIDENCE = 0.75;
/**
 * ... or this surely when it repeats the character before it: a given name of one character doubled (婷婷, 丽丽) is
 * common, and the second of the pair, half over a ruling or a form's background, is read less surely.
 */
const MIN_REPEATED_CONFIDENCE = 0.4;

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]$/u;

/**
 * Whether a name read again over a longer span is the name its boxes held with its last character, which the
 * detection left out, put back: the longer reading is the boxes' characters, unchanged and in order, and one Chinese
 * character more at the end, one that given names hold, read surely (or, repeating the one before, fairly surely),
 * and the name no longer than {@link MAX_NAME_LENGTH} characters; not the first character of one of the form's
 * labels (`labelStarts`: the span may run into the next cell's label). Nothing else is added to a name.
 *
 * @example
 * isLongerName([makeTextLine("冯婷")], makeTextLine("冯婷婷", { confidence: 0.6 })); // true
 */
export function isLongerName(
  pieces: readonly TextLine[],
  longer: TextLine,
  labelStarts: ReadonlySet<string> = new Set(),
): boolean {
  const before = pieces.flatMap((piece) => piece.chars).filter((char) => char.text.trim() !== "");
  const after = longer.chars.filter((char) => char.text.trim() !== "");
  if (before.length === 0 || after.length !== before.length + 1 || after.length > MAX_NAME_LENGTH)
    return false;
  if (!after.every((char) => HAN.test(char.text))) return false;
  if (!before.every((char, k) => char.text === after[k]?.text)) return false;
  const added = after[after.length - 1] as RecognizedChar;
  // The first character of a label (年 of 年龄 after a mother's name) is the next cell's print, not the name's.
  if (!isNameCharacter(added.text) || labelStarts.has(added.text)) return false;
  const repeats = added.text === before[before.length - 1]?.text;
  return added.confidence >= (repeats ? MIN_REPEATED_CONFIDENCE : MIN_ADDED_CONFIDENCE);
}
