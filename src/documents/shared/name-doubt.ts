import { isNameCharacter } from "./name-characters.ts";
import { isCommonSurname, isCompoundSurname } from "./surnames.ts";

/** What a name of one Chinese character leaves of its confidence: a person's name is a surname and a given name. */
const ONE_CHARACTER = 0.3;
/** What a name beginning with no common surname (nor a compound one) leaves: its first character is likely lost. */
const NO_SURNAME = 0.5;
/** What each given-name character that names seldom hold leaves (the list of name characters is not complete). */
const NOT_A_NAME_CHARACTER = 0.6;
/** Chinese names have at most four characters (a compound surname and two given ones); more is another's text. */
const MAX_NAME_CHARACTERS = 4;
/** What each character beyond {@link MAX_NAME_CHARACTERS} leaves. */
const PER_EXTRA_CHARACTER = 0.5;

/** The print code's filler in the cells of a parent not given (domain.md §2.2). */
const NOT_GIVEN = "未提供";

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]$/u;

/**
 * How much a person's name as answered looks like one, as a factor (0–1] for its confidence: a value the name
 * priors could not mend must not look sure. A single character (`兰`, the 姜玉 of 姜玉兰 lost), a first character
 * that is no surname (`沐阳`, `品春梅`), a given-name character no name holds (`罗晓烧`, `李梦斑`) and characters
 * beyond a name's four (`姚立新甘肃省…`, another cell's text) each lower it. Names written another way are left
 * alone: a transliterated one (`阿依古丽·买买提`), one in Latin letters, a collective household's (`…集体户`).
 *
 * @example
 * nameDoubt("李红卫"); // 1
 * nameDoubt("兰"); // 0.3
 */
export function nameDoubt(value: string): number {
  const symbols = Array.from(value);
  if (symbols.length === 0 || !symbols.every((symbol) => HAN.test(symbol))) return 1;
  if (value.endsWith("户")) return 1; // 集体户, a collective household named for its place or its employer
  if (value === NOT_GIVEN) return 1;
  if (symbols.length === 1) return ONE_CHARACTER;
  let doubt = 1;
  const compound = isCompoundSurname(symbols.map((text) => ({ text })));
  if (!compound && !isCommonSurname(symbols[0] as string)) doubt *= NO_SURNAME;
  for (const symbol of symbols.slice(compound ? 2 : 1, MAX_NAME_CHARACTERS)) {
    if (!isNameCharacter(symbol)) doubt *= NOT_A_NAME_CHARACTER;
  }
  const extra = Math.max(0, symbols.length - MAX_NAME_CHARACTERS);
  return doubt * PER_EXTRA_CHARACTER ** extra;
}
