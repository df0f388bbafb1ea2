import type { RecognizedChar } from "../../types.ts";

/** What closes a name seal after the name: 印 or 章 ("seal"), often after 之 ("of"). */
const SEAL_WORDS = new Set(["印", "章"]);
const OF = "之";
/** An alternative this likely is enough to read the last character of a seal as 印 / 章. */
const SEAL_WORD_SUPPORT = 0.05;
/**
 * In a four-character seal the last character is 印 unless read surely as something else: square seals of two- and
 * three-character names are filled up with 之印 / 印, and four-character names (compound surnames) are rare.
 */
const SURE_FOURTH = 0.8;

/**
 * The name cut in a seal, from its characters in reading order: the closing 印 / 章 and a 之 before it are not
 * part of the name (张三之印 → 张三, 张三印 → 张三). The last character of a seal counts as 印 / 章 when the
 * recogniser gives that reading some probability even if another one won; in a four-character seal also when it
 * follows 之, or was not read surely. A seal that is nothing but those words names no one.
 */
export function sealName(chars: readonly RecognizedChar[]): RecognizedChar[] {
  const name = [...chars];
  const last = name.at(-1);
  if (last !== undefined && closesSeal(last, name)) {
    name.pop();
    if (name.at(-1)?.text === OF) name.pop();
  }
  return name;
}

function closesSeal(last: RecognizedChar, chars: readonly RecognizedChar[]): boolean {
  if (SEAL_WORDS.has(last.text)) return true;
  if (
    last.alternatives.some((option) => SEAL_WORDS.has(option.text) && option.probability >= SEAL_WORD_SUPPORT)
  ) {
    return true;
  }
  if (chars.length === 4 && chars.at(-2)?.text === OF) return true;
  return chars.length === 4 && last.confidence < SURE_FOURTH;
}
