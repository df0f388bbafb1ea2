/**
 * Dates as the documents print them and as the service writes them (api.md §4): `2012年04月17日`, and the birth
 * time `2019年06月26日09时28分`. Parsing forgives the noise OCR adds — spaces, full-width digits, 曰 for 日, O for 0, a
 * colon for a dot a seal's stroke crossed.
 */

/** A Gregorian calendar date. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const FULL_WIDTH_DIGIT = /[０-９]/gu;
// Letters that stand for digits only next to a digit, so a stray O inside words is left alone.
const DIGIT_LOOKALIKE = /(?<=\d)[OoＯ〇]|[OoＯ〇](?=\d)/gu;
const ONE_LOOKALIKE = /(?<=\d)[lI|丨]|[lI|丨](?=\d)/gu;
const SEPARATOR = "[年牛午月日曰目.．。·:：\\-－—/／、,，]";
const SEPARATED = new RegExp(
  `^(\\d{4})${SEPARATOR}+(\\d{1,2})${SEPARATOR}+(\\d{1,2})[日曰目由白旦.．。]?$`,
  "u",
);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
const BIRTH_TIME = new RegExp(
  `^(\\d{4})${SEPARATOR}+(\\d{1,2})${SEPARATOR}+(\\d{1,2})[日曰目]?(\\d{1,2})[时時点:：]+(\\d{1,2})分?$`,
  "u",
);

/** Removes white space and turns full-width digits and digit look-alikes next to digits into ASCII digits. */
export function cleanDigits(text: string): string {
  return text
    .replace(/\s+/gu, "")
    .replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(DIGIT_LOOKALIKE, "0")
    .replace(ONE_LOOKALIKE, "1");
}

/** Whether the numbers name a real day of the Gregorian calendar (leap years included). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/**
 * Reads a printed date: `2012年4月17日`, `2012.4.17`, `2012-04-17`, `2012/4/17`, `20120417`, with OCR noise.
 * Returns `undefined` unless the whole text is one real calendar date.
 *
 * @example
 * parseDate("2012年4月17曰"); // { year: 2012, month: 4, day: 17 }
 */
export function parseDate(text: string): CalendarDate | undefined {
  const cleaned = cleanDigits(text);
  const match = SEPARATED.exec(cleaned) ?? COMPACT.exec(cleaned);
  if (match === null) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date.year, date.month, date.day) ? date : undefined;
}

/** A date found in noisy text, with how it was found. */
export interface RepairedDate {
  date: CalendarDate;
  /**
   * `embedded`: the date is part of the text, with noise before or after it (a seal's edge read as `10`, a 日 read as
   * 用); `century`: the year was read with three digits, its first (1 or 2) lost on a ruling line; `merged`: the
   * month's unit was lost between month and day, each of two digits (`2003年0712日`).
   */
  repair: "embedded" | "century" | "merged";
}

const EMBEDDED = new RegExp(`^(\\d{4})${SEPARATOR}+(\\d{1,2})${SEPARATOR}+(\\d{1,2})(?!\\d)`, "u");
const MERGED_MONTH_DAY = /^(\d{4})[年牛午](\d{2})(\d{2})[日曰目]$/u;
const THREE_DIGIT_YEAR = new RegExp(
  `^(\\d{3})${SEPARATOR}+(\\d{1,2})${SEPARATOR}+(\\d{1,2})[日曰目由白旦.．。]?$`,
  "u",
);

/**
 * Finds the one date a text that is not a date by itself holds: a plausible year-month-day written with separators
 * inside noise (`102006年11月27日`, `2005年08月18用`), or a date whose year lost its first digit (`993年05月08日` →
 * 1993, `004年04月04日` → 2004: years on these documents are 19xx or 20xx), or a date whose month's unit was lost
 * between two-digit month and day (`2003年0712日`).
 * `undefined` when none, or more than one plausible date, is found.
 *
 * @example
 * repairDate("102006年11月27日"); // { date: { year: 2006, month: 11, day: 27 }, repair: "embedded" }
 */
export function repairDate(text: string, latest?: CalendarDate): RepairedDate | undefined {
  const cleaned = cleanDigits(text);
  const merged = MERGED_MONTH_DAY.exec(cleaned);
  if (merged !== null) {
    const date = { year: Number(merged[1]), month: Number(merged[2]), day: Number(merged[3]) };
    const real = isRealDate(date.year, date.month, date.day) && isPlausibleDate(date, undefined, latest);
    return real ? { date, repair: "merged" } : undefined;
  }
  const short = THREE_DIGIT_YEAR.exec(cleaned);
  if (short !== null) {
    // The 1 of 19xx or the 2 of 20xx was lost.
    const digits = short[1] ?? "";
    const year = Number((digits.startsWith("9") ? "1" : "2") + digits);
    const date = { year, month: Number(short[2]), day: Number(short[3]) };
    const real = isRealDate(date.year, date.month, date.day) && isPlausibleDate(date, undefined, latest);
    return real ? { date, repair: "century" } : undefined;
  }
  const found = new Map<string, CalendarDate>();
  // From every digit on, since a noise digit before the year (10 + 2006年…) hides it from a left-to-right search.
  for (let start = 0; start < cleaned.length; start++) {
    const match = /\d/u.test(cleaned[start] ?? "") ? EMBEDDED.exec(cleaned.slice(start)) : null;
    if (match === null) continue;
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (isRealDate(date.year, date.month, date.day) && isPlausibleDate(date, undefined, latest)) {
      found.set(formatDate(date), date);
    }
  }
  const [only] = found.values();
  return found.size === 1 && only !== undefined ? { date: only, repair: "embedded" } : undefined;
}

/** Writes a date the service's way: `2012年04月17日`. */
export function formatDate(date: CalendarDate): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.year}年${pad(date.month)}月${pad(date.day)}日`;
}

/** {@link parseDate} then {@link formatDate}; `undefined` when the text is not a date. */
export function normaliseDate(text: string): string | undefined {
  const date = parseDate(text);
  return date === undefined ? undefined : formatDate(date);
}

/** Orders two dates: negative when `a` is earlier. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Whether a date could be on these documents: from `earliest` (default 1900-01-01) to `latest` (default today, UTC).
 */
export function isPlausibleDate(
  date: CalendarDate,
  earliest: CalendarDate = { year: 1900, month: 1, day: 1 },
  latest: CalendarDate = today(),
): boolean {
  return compareDates(date, earliest) >= 0 && compareDates(date, latest) <= 0;
}

function today(): CalendarDate {
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/** The five boxes of the birth certificate's 出生时间, each as read. */
export interface BirthTimeParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/**
 * Joins the boxes of 出生时间 into `2019年06月26日09时28分`; `undefined` when a box is not a number in range or the
 * day does not exist. Printed units read into a box (`09时`) are ignored.
 */
export function birthTimeFromParts(parts: BirthTimeParts): string | undefined {
  const number = (text: string) => {
    const digits = cleanDigits(text).replace(/[年月日曰时時分点]$/u, "");
    return /^\d{1,4}$/u.test(digits) ? Number(digits) : Number.NaN;
  };
  const date = { year: number(parts.year), month: number(parts.month), day: number(parts.day) };
  const hour = number(parts.hour);
  const minute = number(parts.minute);
  if (!isRealDate(date.year, date.month, date.day) || date.year < 1000) return undefined;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return undefined;
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${formatDate(date)}${pad(hour)}时${pad(minute)}分`;
}

/** Reads a birth time printed on one line (`2019年6月26日9时28分`) into the service's form. */
export function normaliseBirthTime(text: string): string | undefined {
  const match = BIRTH_TIME.exec(cleanDigits(text));
  if (match === null) return undefined;
  const [, year = "", month = "", day = "", hour = "", minute = ""] = match;
  return birthTimeFromParts({ year, month, day, hour, minute });
}
