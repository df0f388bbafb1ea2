import { type CalendarDate, cleanDigits, formatDate, isRealDate, parseDate } from "./dates.ts";

/**
 * 公民身份号码 rules of GB 11643-1999 (domain.md §4): `AAAAAA YYYYMMDD SSS C`, the check digit C by ISO 7064
 * MOD 11-2; and the old 15-digit `AAAAAA YYMMDD SSS` without one.
 */

/** Weights of positions 1–17: 2^(17−i) mod 11. */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for each weighted sum mod 11. */
export const ID_CHECK_CHARS = "10X98765432";

/**
 * The first two digits of a resident ID number: the province-level divisions of GB/T 2260, and 81–83 of the
 * residence permits of Hong Kong, Macao and Taiwan residents.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 81 82 83".split(
    " ",
  ),
);

/** Whether a number begins with a province-level code ({@link PROVINCE_CODES}). */
export function hasProvinceCode(id: string): boolean {
  return PROVINCE_CODES.has(id.slice(0, 2));
}

/**
 * The check character of the first 17 digits.
 *
 * @example
 * idCheckDigit("11010519491231002"); // "X"
 */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * (ID_WEIGHTS[index] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? "";
}

/** Whether a number is a well-formed 18-digit number with a correct check digit and a real birth date. */
export function isValidIdNumber18(id: string): boolean {
  if (!/^\d{17}[\dX]$/u.test(id)) return false;
  return idCheckDigit(id) === id[17] && hasProvinceCode(id) && idBirthDate(id) !== undefined;
}

/** The residence permits of Hong Kong, Macao and Taiwan residents (2018 on): 18 digits only, never 15. */
const PERMIT_CODES: ReadonlySet<string> = new Set(["81", "82", "83"]);

/**
 * Whether a number is a well-formed 15-digit (1989) number with a real birth date, of a mainland province (the
 * permits of {@link PERMIT_CODES} came long after the 15-digit numbers ended).
 */
export function isValidIdNumber15(id: string): boolean {
  return (
    /^\d{15}$/u.test(id) &&
    hasProvinceCode(id) &&
    !PERMIT_CODES.has(id.slice(0, 2)) &&
    idBirthDate(id) !== undefined
  );
}

/** {@link isValidIdNumber18} or {@link isValidIdNumber15}. */
export function isValidIdNumber(id: string): boolean {
  return isValidIdNumber18(id) || isValidIdNumber15(id);
}

const TO_DIGIT: Readonly<Record<string, string>> = {
  O: "0",
  o: "0",
  Ｏ: "0",
  〇: "0",
  D: "0",
  Q: "0",
  l: "1",
  I: "1",
  "|": "1",
  丨: "1",
  Z: "2",
  z: "2",
  S: "5",
  s: "5",
  b: "6",
  B: "8",
  g: "9",
  q: "9",
};
/**
 * The digit a look-alike letter stands for where only a digit can be (O→0, l→1), or the symbol itself.
 */
export function lookalikeToDigit(symbol: string): string {
  return TO_DIGIT[symbol] ?? symbol;
}

const TO_X: ReadonlySet<string> = new Set(["x", "X", "×", "Ｘ", "ｘ", "χ", "Х", "х"]);

/**
 * Cleans a read number: white space and punctuation out, full-width digits to ASCII, x/×/Ｘ to X. Letters that stand
 * for digits (O→0, l→1) are mapped only where the whole reading has the length of a number (18 or 15), since then
 * every position but the last must be a digit; an X is accepted only in the last place of 18.
 *
 * @example
 * normaliseIdNumber("11010519491231002x"); // "11010519491231002X"
 */
export function normaliseIdNumber(raw: string): string {
  const symbols = Array.from(cleanDigits(raw).replace(/[\s\-－_.．·,，:：]/gu, ""));
  if (symbols.length !== 18 && symbols.length !== 15) {
    return symbols.map((symbol) => (TO_X.has(symbol) ? "X" : symbol)).join("");
  }
  return symbols
    .map((symbol, index) => {
      if (symbols.length === 18 && index === 17 && TO_X.has(symbol)) return "X";
      return lookalikeToDigit(symbol);
    })
    .join("");
}

/** The birth date an 18- or 15-digit number carries, if it is a real date (15-digit years are 19xx). */
export function idBirthDate(id: string): CalendarDate | undefined {
  const digits = id.length === 15 ? `19${id.slice(6, 12)}` : id.length === 18 ? id.slice(6, 14) : "";
  if (!/^\d{8}$/u.test(digits)) return undefined;
  const date = {
    year: Number(digits.slice(0, 4)),
    month: Number(digits.slice(4, 6)),
    day: Number(digits.slice(6)),
  };
  return isRealDate(date.year, date.month, date.day) ? date : undefined;
}

/** The sex an 18- or 15-digit number carries: odd sequence digit 男, even 女. */
export function idSex(id: string): "男" | "女" | undefined {
  const digit = id.length === 18 ? id[16] : id.length === 15 ? id[14] : undefined;
  if (digit === undefined || !/\d/u.test(digit)) return undefined;
  return Number(digit) % 2 === 1 ? "男" : "女";
}

/** Whether two readings agree; `unknown` when either is missing or unreadable. */
export type Agreement = "agree" | "disagree" | "unknown";

/**
 * Checks a number against the birth date and sex printed beside it (a resident card's 出生日期 and 性别).
 *
 * @example
 * crossCheckIdNumber("11010519491231002X", { birthDate: "1949年12月31日", sex: "女" }); // both "agree"
 */
export function crossCheckIdNumber(
  id: string,
  printed: { birthDate?: string; sex?: string },
): { birthDate: Agreement; sex: Agreement } {
  const fromId = idBirthDate(id);
  const date = printed.birthDate === undefined ? undefined : parseDate(printed.birthDate);
  const sexFromId = idSex(id);
  const sex = printed.sex?.trim();
  return {
    birthDate:
      fromId === undefined || date === undefined
        ? "unknown"
        : formatDate(fromId) === formatDate(date)
          ? "agree"
          : "disagree",
    sex:
      sexFromId === undefined || (sex !== "男" && sex !== "女")
        ? "unknown"
        : sex === sexFromId
          ? "agree"
          : "disagree",
  };
}
