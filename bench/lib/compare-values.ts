/**
 * How the benchmark decides whether a recognised value equals the true one, following the normalisations of
 * api.md §4: white space never counts, dates are compared as dates (`2012.4.17` == `2012年04月17日`), measured
 * numbers as numbers (`50` == `50.0`), everything else exactly. Pure: no I/O.
 */

/** Keys whose values are dates, or a date with hours and minutes (`birthTime`). */
const DATE_KEYS: ReadonlySet<string> = new Set(["issueDate", "birthDate", "registrationDate", "birthTime"]);

/**
 * Keys whose values are measured quantities. Identifiers (`householdNumber`, `sectionNo`, ID numbers) are not here
 * on purpose: their leading zeros matter, so `000028901` must not equal `28901`.
 */
const NUMERIC_KEYS: ReadonlySet<string> = new Set([
  "birthWeight",
  "birthLength",
  "gestationalAge",
  "motherAge",
  "fatherAge",
  "stature",
]);

// A whole value that is a date: 2012年4月17日, 2012.04.17, 2012-4-17, 2012/04/17, optionally followed by a time
// (09时28分, 9:28).
const DATE_PATTERN = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?(?:T?(\d{1,2})[时:](\d{1,2})分?)?$/u;
// A year and month only (1998年09月) must say 年: with dots, 3450.0 or 1998.9 would read as a date.
const YEAR_MONTH_PATTERN = /^(\d{4})年(\d{1,2})月?$/u;
// Eight digits only count as a date for date keys (elsewhere they are identifiers).
const COMPACT_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})$/u;
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;

/** The outcome of comparing one field. */
export interface ValueComparison {
  /** True when the two values are equal after normalisation. */
  match: boolean;
  /** The true value in its comparison form. */
  expected: string;
  /** The recognised value in its comparison form. */
  got: string;
}

/**
 * Removes every kind of white space (ASCII, the ideographic space U+3000, line breaks) and folds compatibility
 * forms (NFKC: full-width digits and letters, `（）`, superscript `⁺³`) so only what a reader would call a
 * different character counts as one. Case is kept: an ID number must end in upper-case `X`.
 */
export function stripValue(value: string): string {
  return value.normalize("NFKC").replace(/\s+/gu, "");
}

function pad(part: string): string {
  return part.padStart(2, "0");
}

/** The canonical form of a date or date-time (`2012-04-17`, `2019-06-26 09:28`), or undefined if it is none. */
export function canonicalDate(value: string, allowCompact = false): string | undefined {
  const compact = allowCompact ? COMPACT_DATE_PATTERN.exec(value) : null;
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const yearMonth = YEAR_MONTH_PATTERN.exec(value);
  if (yearMonth) return `${yearMonth[1]}-${pad(yearMonth[2] ?? "")}`;
  const match = DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match;
  let text = `${year}-${pad(month ?? "")}-${pad(day ?? "")}`;
  if (hour !== undefined && minute !== undefined) text += ` ${pad(hour)}:${pad(minute)}`;
  return text;
}

/** The canonical form of a number (`50.0` → `50`), or undefined if the value is not a plain number. */
export function canonicalNumber(value: string): string | undefined {
  if (!NUMBER_PATTERN.test(value)) return undefined;
  return String(Number(value));
}

/**
 * The form in which a value of field `key` is compared: stripped of white space, then written canonically where it
 * is a date (any key, when the whole value is one) or a number (measured-quantity keys only).
 */
export function comparisonForm(key: string, value: string): string {
  const stripped = stripValue(value);
  if (stripped === "") return "";
  const date = canonicalDate(stripped, DATE_KEYS.has(key));
  if (date !== undefined) return date;
  if (NUMERIC_KEYS.has(key)) return canonicalNumber(stripped) ?? stripped;
  return stripped;
}

/**
 * Compares the true value of field `key` with the recognised one.
 *
 * @example
 * compareValues("issueDate", "2012年04月17日", "2012.4.17").match // true
 * compareValues("householdNumber", "000028901", "28901").match // false: identifiers keep their zeros
 */
export function compareValues(key: string, expected: string, got: string): ValueComparison {
  const expectedForm = comparisonForm(key, expected);
  const gotForm = comparisonForm(key, got);
  return { match: expectedForm === gotForm, expected: expectedForm, got: gotForm };
}
