import { birthTimeFromParts, cleanDigits, formatDate, isPlausibleDate, isRealDate } from "./dates.ts";
import type { FieldSpec } from "./field-spec.ts";
import { boxesConfidence, valueFromBoxes } from "./join-boxes.ts";

/** The preprinted units after the boxes of a boxed date, in order. */
export const DATE_UNITS = {
  "birth-time": ["年", "月", "日", "时", "分"],
  date: ["年", "月", "日"],
} as const;

/** The kinds of value printed in boxes between units. */
export type BoxedDateKind = keyof typeof DATE_UNITS;

const UNIT_OF: Readonly<Record<string, string>> = { 曰: "日", 時: "时", 点: "时" };

/**
 * The digits a box's own reading gives: the run just before its unit where the unit was read (`12日` → `12`),
 * else the longest run (`:05` → `05`).
 *
 * @example
 * boxDigits("2019年", "年"); // "2019"
 */
export function boxDigits(text: string, unit: string): string {
  const cleaned = Array.from(cleanDigits(text), (char) => UNIT_OF[char] ?? char).join("");
  const at = cleaned.indexOf(unit);
  const runs = (at === -1 ? cleaned : cleaned.slice(0, at)).match(/\d+/gu) ?? [];
  if (at !== -1 && runs.length > 0) return runs[runs.length - 1] as string;
  return runs.reduce((best, run) => (run.length > best.length ? run : best), "");
}

/** A box as first read: its digits, and whether they were read whole, in range, with the box's unit after them. */
export interface FirstBox {
  digits: string;
  sure: boolean;
}

/**
 * Each box of a boxed date as the page's first reading gives it. Where the pieces made a value whose boxes were all
 * read with their units or two digits (`boxesConfidence` 1), none with its unit and one digit, its boxes, all sure. Else each box is the digits read
 * before its unit, sure when read right before it, whole, in range and the box of the value the pieces made, if
 * they made one; or that value's box, not sure.
 */
export function firstBoxes(text: string, field: FieldSpec): FirstBox[] {
  if (field.kind !== "date" && field.kind !== "birth-time") return [];
  const units = DATE_UNITS[field.kind];
  const value = valueFromBoxes(text, field);
  const made = value === undefined || value === "" ? [] : (value.match(/\d+/gu) ?? []);
  const byUnit = digitsBeforeUnits(text);
  // A box read with its unit but one digit (`1月`) may have lost one where it crossed its box's ruling.
  const short = [...byUnit.values()].some((digits) => digits.length < 2);
  if (made.length === units.length && !short && boxesConfidence(text, field) === 1)
    return made.map((digits) => ({ digits, sure: true }));
  // The pieces' texts (joined by `;`) as read, units read alike written as the unit.
  const cleaned = Array.from(cleanDigits(text), (char) => UNIT_OF[char] ?? char).join("");
  return units.map((unit, index) => {
    const read = byUnit.get(unit);
    const agrees = made.length === 0 || made[index] === read;
    // Sure only read right before its unit: digits read across a lost unit may be another box's.
    const next = read !== undefined && new RegExp(`(?<!\\d)${read};?${unit}`, "u").test(cleaned);
    if (read !== undefined && next && agrees && isWholeBox(read, index)) return { digits: read, sure: true };
    return { digits: made[index] ?? read ?? "", sure: false };
  });
}

/** The units of a boxed value in the order they are printed. */
const ORDER = "年月日时分";

/** Each printed unit read, with the digits read last before it (since the unit before), in reading order. */
export function digitsBeforeUnits(text: string): Map<string, string> {
  const found = new Map<string, string>();
  // The runs of digits since the last unit: the longest is the box's (a box read twice, `09;9月`, or with a
  // stray after it, `0阳日`).
  let runs: string[] = [""];
  for (const char of cleanDigits(text)) {
    if (/\d/u.test(char)) {
      runs[runs.length - 1] += char;
      continue;
    }
    const unit = UNIT_OF[char] ?? char;
    if (!/[年月日时分]/u.test(unit)) {
      runs.push("");
      continue;
    }
    const joined = /^((?:19|20)\d\d)(\d\d)$/u.exec(runs.filter((run) => run !== "").at(-1) ?? "");
    if (unit === "月" && !found.has("年") && joined !== null) {
      // The year's unit lost between year and month (`201406月`).
      found.set("年", joined[1] as string);
      found.set("月", joined[2] as string);
      runs = [""];
      continue;
    }
    const last = runs.filter((run) => run !== "").at(-1) ?? "";
    const previous = ORDER[ORDER.indexOf(unit) - 1];
    if (previous !== undefined && previous !== "年" && !found.has(previous) && /^\d{4}$/u.test(last)) {
      // The unit before lost between two boxes of two digits (`0901日`: 09月 01日).
      found.set(previous, last.slice(0, 2));
      if (!found.has(unit)) found.set(unit, last.slice(2));
      runs = [""];
      continue;
    }
    const digits = boxRun(runs, unit === "年" ? 4 : 2);
    if (digits !== "" && !found.has(unit)) found.set(unit, digits);
    runs = [""];
  }
  return found;
}

/**
 * The box's digits among the runs read since the unit before: the last run (next to its unit), or a longer run
 * that ends as it does and fits the box (the box read twice, `09;9月`); a run before the last that does not end
 * as it does belongs to another box whose unit was lost (`2018;1月`: the month read 1). A last run longer than the
 * box holds (`2016104日`: boxes whose units were lost read as one) says not which of its digits are the box's: none.
 */
function boxRun(runs: readonly string[], room: number): string {
  const read = runs.filter((run) => run !== "");
  const last = read[read.length - 1] ?? "";
  if (last.length > room) return "";
  return read.reduce(
    (best, run) => (run.length > best.length && run.length <= room && run.endsWith(last) ? run : best),
    last,
  );
}

/** Whether a box's digits are whole and in range: a year of 19xx or 20xx, else two digits in the box's range. */
export function isWholeBox(digits: string, index: number): boolean {
  if (index === 0) return /^(19|20)\d\d$/u.test(digits);
  if (!/^\d\d$/u.test(digits)) return false;
  const value = Number(digits);
  return value <= (BOX_MAXIMA[index - 1] ?? 0) && (index > 2 || value >= 1);
}

/**
 * A box's digits as a reading of the whole row gives them before its unit (see `digitsBeforeUnits`): whole and in
 * range, or one digit that is, written with its leading zero (`6月` → `06`: printed without one); else `undefined`.
 *
 * @example
 * stripBoxDigits("6", 1); // "06"
 */
export function stripBoxDigits(digits: string, index: number): string | undefined {
  if (isWholeBox(digits, index)) return digits;
  const padded = `0${digits}`;
  return index > 0 && digits.length === 1 && isWholeBox(padded, index) ? padded : undefined;
}

/** The largest value of the month, day, hour and minute boxes. */
const BOX_MAXIMA = [12, 31, 23, 59];

/**
 * A box's digits as read again on its own, a single digit in range read alone or right before its unit written
 * with its leading zero (`6月` → `06`: printed without one); else as {@link boxDigits} gives them.
 */
export function boxDigitsPadded(text: string, unit: string, index: number): string {
  const digits = boxDigits(text, unit);
  if (index === 0 || !/^\d$/u.test(digits)) return digits;
  const cleaned = Array.from(cleanDigits(text), (char) => UNIT_OF[char] ?? char).join("");
  const padded = `0${digits}`;
  const alone = cleaned === digits || cleaned.includes(`${digits}${unit}`);
  return alone && isWholeBox(padded, index) ? padded : digits;
}

/**
 * Each box's readings in the order they are tried: the one {@link chooseBox} prefers, then the other where it fits
 * the box. A value is written from the first combination that makes a valid one (`writeFromCandidates`).
 */
export function boxCandidates(first: FirstBox, again: string, index: number): string[] {
  const preferred = chooseBox(first, again, index);
  const room = index === 0 ? 4 : 2;
  const others = [first.digits, again].filter((digits) => digits !== "" && digits.length <= room);
  return [...new Set([preferred, ...others])];
}

/**
 * Writes the value from the boxes' candidates (see {@link boxCandidates}): of the combinations that make a valid,
 * plausible value in `order` (see {@link writeInOrder}), the one that departs least from each box's preferred
 * reading (fewest boxes taken from their second or third reading, the later boxes changed first).
 */
export function writeFromCandidates(
  kind: BoxedDateKind,
  candidates: readonly (readonly string[])[],
  order: YearOrder,
): string | undefined {
  let combos: { boxes: string[]; cost: number }[] = [{ boxes: [], cost: 0 }];
  candidates.forEach((options, index) => {
    const list = options.length === 0 ? [""] : options;
    combos = combos.flatMap((combo) =>
      list.map((digits, rank) => ({
        boxes: [...combo.boxes, digits],
        cost: combo.cost + rank * (10 - index),
      })),
    );
  });
  combos.sort((a, b) => a.cost - b.cost);
  for (const combo of combos) {
    const value = writeInOrder(kind, combo.boxes, order);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * One box from its first reading and its reading again on its own: the first where it was sure; else the second
 * where whole and in range; else the first where whole; else the longer where it holds the other's digits (a digit
 * lost), or whichever holds any, a box's reading of more digits than it has room for never.
 */
export function chooseBox(first: FirstBox, again: string, index: number): string {
  if (first.sure) return first.digits;
  if (isWholeBox(again, index)) return again;
  if (isWholeBox(first.digits, index)) return first.digits;
  if (again.length > (index === 0 ? 4 : 2)) return first.digits;
  if (first.digits === "" || (again.length > first.digits.length && isSubsequence(first.digits, again)))
    return again;
  return first.digits;
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/** The years a date may not precede (`notBefore`) nor follow (`notAfter`), from the page's other dates. */
export interface YearOrder {
  notBefore?: number;
  notAfter?: number;
}

/**
 * Writes boxes as the value (`2019年05月12日`, `…06时12分`), its year within `order`. A year read with three digits
 * is completed, a digit lost where it crossed its unit or a ruling: lost first (`017` → 2017), or last where the
 * first two read as a century (`201` → 201x), the year nearest the other date's that keeps the order (a
 * certificate is issued soon after the birth); without another date, only a completion that is the only one.
 * `undefined` when the boxes make no valid, plausible value.
 *
 * @example
 * writeInOrder("date", ["201", "03", "26"], { notBefore: 2017 }); // "2017年03月26日"
 */
export function writeInOrder(
  kind: BoxedDateKind,
  boxes: readonly string[],
  order: YearOrder,
): string | undefined {
  const [year = "", ...rest] = boxes;
  const years = /^\d{3}$/u.test(year) ? completedYears(year, order) : [year];
  for (const candidate of years) {
    const number = Number(candidate);
    if (order.notBefore !== undefined && number < order.notBefore) continue;
    if (order.notAfter !== undefined && number > order.notAfter) continue;
    const value = writeBoxes(kind, [candidate, ...rest]);
    if (value === undefined) continue;
    const date = { year: number, month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
    if (isPlausibleDate(date)) return value;
  }
  return undefined;
}

function completedYears(digits: string, order: YearOrder): string[] {
  const years = new Set<string>();
  for (const first of ["1", "2"]) years.add(first + digits);
  if (/^(19|20)/u.test(digits)) for (let d = 0; d <= 9; d++) years.add(digits + String(d));
  const candidates = [...years].filter((year) => /^(19|20)\d\d$/u.test(year));
  const reference = order.notBefore ?? order.notAfter;
  if (reference === undefined) return candidates.length === 1 ? candidates : [];
  return candidates.sort((a, b) => Math.abs(Number(a) - reference) - Math.abs(Number(b) - reference));
}

function writeBoxes(kind: BoxedDateKind, boxes: readonly string[]): string | undefined {
  const [year = "", month = "", day = "", hour = "", minute = ""] = boxes;
  if (!/^(19|20)\d\d$/u.test(year)) return undefined;
  if ([month, day, hour, minute].some((box) => box.length > 2)) return undefined;
  if (kind === "birth-time") return birthTimeFromParts({ year, month, day, hour, minute });
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  return isRealDate(date.year, date.month, date.day) ? formatDate(date) : undefined;
}
