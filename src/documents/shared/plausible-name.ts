import type { RecognizedChar } from "../../types.ts";
import { isNameCharacter, preferNameCharacter } from "./name-characters.ts";
import { isCommonSurname, isCompoundSurname, preferSurname } from "./surnames.ts";

/**
 * Whether characters read as a Chinese name look like one once the name priors have had their say (the first
 * character re-chosen as a surname, later ones as given-name characters, among each one's alternatives): it begins
 * with a common surname (or a compound one), and every character after it is one given names hold. Two to four
 * characters. A blurred seal read as 国星鲜 or 酸屋 is no name; 李红卫, 欧阳娜娜 are.
 *
 * @example
 * const char = (text: string) => ({ text, confidence: 0.5, start: 0, end: 1, alternatives: [] });
 * isPlausibleName([char("李"), char("红")]); // true
 * isPlausibleName([char("酸"), char("屋")]); // false
 */
export function isPlausibleName(chars: readonly RecognizedChar[]): boolean {
  if (chars.length < 2 || chars.length > 4) return false;
  const chosen = [...chars];
  const surname = preferSurname(chosen);
  if (surname !== undefined) chosen[0] = surname;
  const compound = isCompoundSurname(chosen);
  if (!compound && !isCommonSurname((chosen[0] as RecognizedChar).text)) return false;
  for (let i = compound ? 2 : 1; i < chosen.length; i++) {
    const char = chosen[i] as RecognizedChar;
    const text = preferNameCharacter(char)?.text ?? char.text;
    if (!isNameCharacter(text)) return false;
  }
  return true;
}
