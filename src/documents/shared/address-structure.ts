import type { RecognizedChar } from "../../types.ts";
import { MIN_ALTERNATIVE } from "./divisions.ts";

const DIGIT = /^[0-9]$/u;
const HYPHEN = /^[-－—]$/u;
/** The words a house number's parts are counted in, which alone stand between two of its numbers (83号2, 5栋3). */
const UNIT_WORDS = new Set(Array.from("号栋幢楼门室组层座排户社"));
/** What a house number ends with where the address ends: its last unit, or a room number's last digit. */
const END_WORDS = new Set(Array.from("号室"));
/** The words after which a village's group is numbered (南京村5组, 龚垭村10社). */
const GROUP_WORDS = new Set(Array.from("组社"));
/** A character read this surely is taken as read. */
const SURE = 0.97;
/** What a character replaced by the word the structure asks for keeps of its confidence. */
const FIXED_CONFIDENCE = 0.6;
/** The most characters after an address's end taken for stray marks, and the confidence each stays under. */
const MAX_TRAILING = 3;
const STRAY_CONFIDENCE = 0.5;
/** Punctuation no address ends with (a closing bracket stays where its opening one was read before it). */
const TRAILING_PUNCTUATION = /^[!！?？.。,，、;；:：'"“”‘’·~～)）\]】」』]$/u;
/**
 * A lone mark after a number: a small Latin letter (a speck read as `e` or `m`, no building's letter: those are
 * capitals), or a stroke (a ruling's end read as 一 or 丨).
 */
const LONE_MARK = /^[a-z一丨|]$/u;

/**
 * An address's characters read as its structure says (Chinese addresses end in a house number: digits counted in
 * 号, 栋, 单元, 室, or hyphens between digits): a character between two numbers, or after the last one, that is
 * no unit word taken for the unit word among its other readings (`83房2` with 号 among 房's → `83号2`, `69串` →
 * `69号`), and 单 where 元 follows it between two
 * numbers (`4羊元1501` → `4单元1501`); the word before a village group's
 * number taken for 村 where it is among its other readings (`南京材5组` → `南京村5组`); and a few unsure
 * characters after the house number's end (`2603室烟加`, `1号日`: a guilloche's or seal's stroke), and punctuation
 * there (`附15号！`), left out.
 * Returns the characters, `undefined` for one left out; a character replaced keeps at most
 * {@link FIXED_CONFIDENCE}. Characters read surely are changed only to 单.
 *
 * @example
 * addressStructure(chars).map((char) => char?.text ?? "").join(""); // "东风路83号21-1001"
 */
export function addressStructure(chars: readonly RecognizedChar[]): (RecognizedChar | undefined)[] {
  const out: (RecognizedChar | undefined)[] = chars.map((char, index) => {
    const before = chars[index - 1]?.text ?? "";
    const after = chars[index + 1]?.text ?? "";
    if (DIGIT.test(char.text) || HYPHEN.test(char.text)) return char;
    // 单元 between a building's number and a unit's: no other word is written there.
    if (
      DIGIT.test(before) &&
      after === "元" &&
      DIGIT.test(chars[index + 2]?.text ?? "") &&
      char.text !== "单"
    )
      return replaced(char, "单");
    if (char.confidence >= SURE) return char;
    const last = index === chars.length - 1;
    if (DIGIT.test(before) && (DIGIT.test(after) || HYPHEN.test(after) || last) && !UNIT_WORDS.has(char.text))
      return asAlternative(char, (text) => UNIT_WORDS.has(text));
    if (char.text !== "村" && DIGIT.test(after) && GROUP_WORDS.has(groupWordAfter(chars, index + 1)))
      return asAlternative(char, (text) => text === "村");
    return char;
  });
  return withoutTrailingMarks(out);
}

/** The character after the run of digits that begins at `start`. */
function groupWordAfter(chars: readonly RecognizedChar[], start: number): string {
  let at = start;
  while (DIGIT.test(chars[at]?.text ?? "")) at++;
  return chars[at]?.text ?? "";
}

/** The character read as its likeliest other reading that `wanted` accepts, or as read when none is. */
function asAlternative(char: RecognizedChar, wanted: (text: string) => boolean): RecognizedChar {
  const other = char.alternatives.find(
    (alternative) =>
      alternative.text !== char.text &&
      wanted(alternative.text) &&
      alternative.probability >= MIN_ALTERNATIVE,
  );
  return other === undefined ? char : replaced(char, other.text);
}

/** The character read as `text`, with at most {@link FIXED_CONFIDENCE}. */
function replaced(char: RecognizedChar, text: string): RecognizedChar {
  const confidence = Math.min(char.confidence, FIXED_CONFIDENCE);
  return { ...char, text, confidence, alternatives: [{ text, probability: confidence }] };
}

/**
 * The characters with those after the house number's end left out where they are few and each unsure (or a lone
 * small Latin letter): an address's last unit (号, 室) or room number ends it; a unit word after it stays.
 */
function withoutTrailingMarks(chars: (RecognizedChar | undefined)[]): (RecognizedChar | undefined)[] {
  let end = chars.length - 1;
  while (end >= 0 && (chars[end] === undefined || !endsNumber(chars, end))) end--;
  if (end < 0) return chars;
  const after = chars.slice(end + 1).filter((char): char is RecognizedChar => char !== undefined);
  if (after.length === 0 || after.length > MAX_TRAILING) return chars;
  // A unit word after the number (10组, 3号楼) is the address's own end, however unsurely read.
  if (after.some((char) => UNIT_WORDS.has(char.text))) return chars;
  // Punctuation after the house number (`附15号！`, `925号）`) is a speck or a ruling's end however surely read.
  const stray = after.every(
    (char) =>
      char.confidence < STRAY_CONFIDENCE ||
      TRAILING_PUNCTUATION.test(char.text) ||
      (LONE_MARK.test(char.text) && after.length === 1),
  );
  return stray ? [...chars.slice(0, end + 1), ...chars.slice(end + 1).map(() => undefined)] : chars;
}

/** Whether the character at `index` ends a house number: 号 or 室 after a digit, or a digit. */
function endsNumber(chars: readonly (RecognizedChar | undefined)[], index: number): boolean {
  const text = chars[index]?.text ?? "";
  if (DIGIT.test(text)) return true;
  if (!END_WORDS.has(text)) return false;
  for (let at = index - 1; at >= 0; at--) {
    const before = chars[at];
    if (before !== undefined) return DIGIT.test(before.text);
  }
  return false;
}

/**
 * A number at an address's end that is always counted in 号: an annex's (`附6号`), a house's after its road or
 * village group (`解放路355号`, `7组69号`), a door's (`3门610号`).
 */
const HOUSE_NUMBER_END = /[附组社路街道巷弄门][0-9]+$/u;

/**
 * The character an address lost at its end, where its structure says which: 号 after a number counted in it (see
 * {@link HOUSE_NUMBER_END}: `附6` → `附6号`, `7组69` → `7组69号`), with {@link FIXED_CONFIDENCE}, placed just past the last character (within its line);
 * `undefined` where nothing is missing or the structure does not say.
 *
 * @example
 * lostEnd(chars)?.text; // "号" for 迎宾大道382号附6
 */
export function lostEnd(chars: readonly RecognizedChar[]): RecognizedChar | undefined {
  const last = chars[chars.length - 1];
  if (last === undefined || !HOUSE_NUMBER_END.test(chars.map((char) => char.text).join(""))) return undefined;
  const width = last.end - last.start;
  return {
    text: "号",
    confidence: FIXED_CONFIDENCE,
    start: Math.min(1, last.end),
    end: Math.min(1, last.end + width),
    alternatives: [{ text: "号", probability: FIXED_CONFIDENCE }],
  };
}
