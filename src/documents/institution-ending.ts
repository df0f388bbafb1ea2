import type { RecognizedChar } from "../types.ts";
import { charsInReadingOrder, merged } from "./institution-consensus.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What stands before 保健院 in the name of a maternal and child health hospital: 妇幼, and rarely 妇女 or 儿童. */
const HEALTH_KINDS = ["妇幼", "妇女", "儿童"];
/** The characters a place's name ends with, before the institution's own words. */
const PLACE_END = /[省市县区州旗盟]/u;
/** What a restored character keeps of the confidence of what was read in its place. */
const RESTORED_FACTOR = 0.8;
/** The confidence of a lost 一 put back, with nothing read in its place. */
const RESTORED_ONE = 0.6;

/**
 * A medical institution's name with the words its kind of name is made of put back where one was misread or lost:
 * an institution's name is a place and a kind (人民医院, 妇幼保健院, 第一人民医院, 中心医院 …), and two misreadings
 * are common where the kind's words are plain. 保健院 follows only 妇幼 (or 妇女, 儿童): one or two other characters
 * read between the place and 保健院 are 妇幼 misread (`利津县助保健院`, `无锡市妇动保健院`). 第 is followed by a
 * numeral: a 第 directly before 人民医院 or 医院 lost the numeral, and the one a reading loses is 一, a single
 * stroke taken for a ruling (`西宁市第人民医院`). Other names are left as read.
 *
 * @example
 * // 利津县助保健院 → 利津县妇幼保健院
 */
export function fixInstitutionEnding(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  const chars = charsInReadingOrder(pieces, frame);
  const fixed = withKindWords(chars);
  if (fixed === undefined) return [...pieces];
  return merged(pieces, fixed, 1) ?? [...pieces];
}

/** The characters with the kind's words put back (see {@link fixInstitutionEnding}), or undefined when none is. */
export function withKindWords(chars: readonly RecognizedChar[]): RecognizedChar[] | undefined {
  const text = chars.map((char) => char.text);
  const joined = text.join("");
  if (joined.endsWith("保健院")) {
    const at = text.length - 3;
    let placeEnd = -1;
    for (let index = at - 1; index >= 0; index--) {
      if (PLACE_END.test(text[index] ?? "")) {
        placeEnd = index;
        break;
      }
    }
    const between = text.slice(placeEnd + 1, at).join("");
    if (between.length < 1 || between.length > 2 || HEALTH_KINDS.includes(between)) return undefined;
    const read = chars.slice(placeEnd + 1, at);
    const confidence = (read.reduce((sum, char) => sum + char.confidence, 0) / read.length) * RESTORED_FACTOR;
    const restored = Array.from("妇幼").map((word, index) =>
      restoredChar(word, read[Math.min(index, read.length - 1)], confidence),
    );
    return [...chars.slice(0, placeEnd + 1), ...restored, ...chars.slice(at)];
  }
  const lost = /第(?=(人民医院|医院)$)/u.exec(joined);
  if (lost !== null) {
    const at = Array.from(joined.slice(0, lost.index)).length + 1;
    const before = chars[at - 1] as RecognizedChar;
    const one = restoredChar("一", before, RESTORED_ONE);
    return [...chars.slice(0, at), one, ...chars.slice(at)];
  }
  return undefined;
}

/** A character put back, where `near` was read, with its reading kept among the alternatives. */
function restoredChar(text: string, near: RecognizedChar | undefined, confidence: number): RecognizedChar {
  const alternatives = [{ text, probability: confidence }];
  if (near !== undefined && near.text !== text)
    alternatives.push({ text: near.text, probability: near.confidence });
  return {
    text,
    confidence,
    start: near?.start ?? 0,
    end: near?.end ?? 0,
    alternatives,
  };
}
