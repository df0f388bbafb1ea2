import { birthTimeFromParts, cleanDigits, formatDate, isRealDate } from "./dates.ts";
import type { FieldSpec } from "./field-spec.ts";

/** A number read in one box, with the preprinted unit read right after it, if any. */
interface BoxNumber {
  digits: string;
  unit?: string;
}

/** The printed date and time units (年 月 日 时 分) as the recogniser may read them, each to its unit. */
export const DATE_UNIT_OF: Readonly<Record<string, string>> = {
  年: "年",
  月: "月",
  日: "日",
  曰: "日",
  时: "时",
  時: "时",
  点: "时",
  分: "分",
};
const SLOTS = { "birth-time": ["年", "月", "日", "时", "分"], date: ["年", "月", "日"] } as const;
/** Chinese characters that may stand in a box or round it: the units, and 目 read for 日. */
const BOX_CHARACTERS = /[年月日曰目时時点分]/gu;
/** A certificate number (`T500100391`) read into the date's row: never a box of the date. */
const CERTIFICATE_NUMBER = /[A-Z]\d{6,}/u;

/**
 * Reads a value printed in separate boxes between preprinted units (出生时间 `2019 年 06 月 26 日 09 时 28 分`,
 * 签发日期 `2019 年 07 月 01 日`) from its pieces, in reading order and separated by `;`. Pieces that cannot be a
 * box (a seal's caption `出生医学证明专用章` read in part, a certificate number) are left out, and so is anything
 * before the year. Where units were read after numbers, they say which box those are, and the numbers read without
 * a unit fill the boxes between in order; units that cannot be so reconciled with the numbers give no value (a box
 * read twice, or lost). Where no unit was read, the numbers are taken in order, and a run of four digits where two
 * boxes of two were expected (`0609`, two boxes the detector merged) is split.
 * Returns `""` when no box holds a number (a blank form, or only print was read), and `undefined` when the numbers
 * do not make a value, so the ordinary normaliser has its turn.
 */
export function valueFromBoxes(text: string, field: FieldSpec): string | undefined {
  if (field.kind !== "birth-time" && field.kind !== "date") return undefined;
  const slots = SLOTS[field.kind];
  const pieces = text.split(";").filter((piece) => !isStrayPrint(piece));
  const numbers = pieces.flatMap(boxNumbers);
  if (numbers.length === 0) return "";
  const yearAt = numbers.findIndex(
    (number) => isYear(number.digits.slice(0, 4)) && number.digits.length <= 5,
  );
  if (yearAt === -1) return undefined;
  const year = (numbers[yearAt] as BoxNumber).digits.slice(0, 4);
  const rest = numbers.slice(yearAt + 1);
  const units = slots.slice(1);
  const anchored = byUnits(rest, units) ?? byAnchors(rest, units);
  // Units read after some numbers fix their boxes; where they contradict the numbers between them, no value.
  if (anchored === "contradicted") return undefined;
  const values = anchored ?? inOrder(rest, units.length);
  return values === undefined ? undefined : write(field.kind, [year, ...values]);
}

/** What a value's confidence keeps when its boxes were read doubtfully (see {@link boxesConfidence}). */
const DOUBTFUL_BOXES = 0.6;

/**
 * How far a value made by {@link valueFromBoxes} can be trusted, 0–1: 1 when every box after the year was read
 * with its printed unit or with two digits; lower when units were lost and some box held a single digit, the
 * signature of a number printed across its box's ruling that lost a digit (`2019年05月2日0时1`, read from
 * `05月 12日 06时 12分`): the boxes were then filled in order and may be shifted or short.
 */
export function boxesConfidence(text: string, field: FieldSpec): number {
  if (field.kind !== "birth-time" && field.kind !== "date") return 1;
  const numbers = text
    .split(";")
    .filter((piece) => !isStrayPrint(piece))
    .flatMap(boxNumbers);
  const yearAt = numbers.findIndex((number) => isYear(number.digits.slice(0, 4)));
  if (yearAt === -1) return 1;
  const boxes = SLOTS[field.kind].length - 1;
  const rest = numbers.slice(yearAt + 1);
  const withUnit = rest.filter((number) => number.unit !== undefined && number.unit !== "年").length;
  const short = rest.some((number) => number.digits.length === 1);
  return withUnit < boxes && short ? DOUBTFUL_BOXES : 1;
}

/** Print that is no box of a date: two or more Chinese characters other than units, or a certificate number. */
function isStrayPrint(piece: string): boolean {
  const others = piece.replace(BOX_CHARACTERS, "").match(/[\u4e00-\u9fff]/gu) ?? [];
  return others.length >= 2 || CERTIFICATE_NUMBER.test(piece);
}

function boxNumbers(piece: string): BoxNumber[] {
  return [...cleanDigits(piece).matchAll(/(\d+)\s*([年月日曰时時点分])?/gu)].map(([, digits = "", unit]) => {
    const slot = unit === undefined ? undefined : DATE_UNIT_OF[unit];
    return slot === undefined ? { digits } : { digits, unit: slot };
  });
}

function isYear(digits: string): boolean {
  return /^(19|20)\d\d$/u.test(digits);
}

/** The boxes after the year by their units, when each was read exactly once with its unit and in order. */
function byUnits(numbers: readonly BoxNumber[], units: readonly string[]): string[] | undefined {
  const values: string[] = [];
  let last = -1;
  for (const unit of units) {
    const found = numbers
      .map((number, index) => ({ number, index }))
      .filter(({ number }) => number.unit === unit);
    const only = found[0];
    if (found.length !== 1 || only === undefined || only.index < last || only.number.digits.length > 2)
      return undefined;
    last = only.index;
    values.push(only.number.digits);
  }
  return values;
}

/**
 * The boxes after the year placed by the units read after some of them: a number read with its unit (`20时`) is
 * that box, and the numbers read without one fill the boxes between, in order (`09 03 20时 40分` → 09月 03日). Every
 * box must get exactly one number (a run of four digits may be two boxes the detector merged). `undefined` when no
 * unit was read; `"contradicted"` when the units are out of order or leave more or fewer numbers than boxes.
 */
function byAnchors(
  numbers: readonly BoxNumber[],
  units: readonly string[],
): string[] | "contradicted" | undefined {
  // A unit after a run of four digits is no evidence (two boxes merged, their units read after both); the year's
  // unit after the year is a stray's.
  const read = numbers.flatMap((number) => {
    if (number.unit !== undefined && !units.includes(number.unit)) return [];
    return number.digits.length > 2 ? [{ digits: number.digits }] : [number];
  });
  if (read.every((number) => number.unit === undefined)) return undefined;
  const values: string[] = [];
  let pending: string[] = [];
  const fill = (upTo: number): boolean => {
    const split = splitRuns(pending, upTo - values.length);
    if (split === undefined) return false;
    values.push(...split);
    pending = [];
    return true;
  };
  for (const number of read) {
    if (number.unit === undefined) {
      pending.push(number.digits);
      continue;
    }
    const slot = units.indexOf(number.unit);
    if (slot < values.length || !fill(slot)) return "contradicted";
    values.push(number.digits);
  }
  if (values.length < units.length && !fill(units.length)) return "contradicted";
  return values.length === units.length && pending.length === 0 ? values : "contradicted";
}

/** Exactly `wanted` boxes from the numbers read, four-digit runs split in two where more are needed. */
function splitRuns(numbers: readonly string[], wanted: number): string[] | undefined {
  const out = [...numbers];
  for (let i = 0; i < out.length && out.length < wanted; i++) {
    const run = out[i] as string;
    if (run.length === 4) out.splice(i, 1, run.slice(0, 2), run.slice(2));
  }
  return out.length === wanted && out.every((digits) => digits.length <= 2) ? out : undefined;
}

/** The boxes after the year in reading order, four-digit runs split into two boxes until there are enough. */
function inOrder(numbers: readonly BoxNumber[], wanted: number): string[] | undefined {
  const out = numbers.map((number) => number.digits);
  for (let i = 0; i < out.length && out.length < wanted; i++) {
    const run = out[i] as string;
    if (run.length === 4) out.splice(i, 1, run.slice(0, 2), run.slice(2));
  }
  return out.length < wanted ? undefined : out.slice(0, wanted);
}

function write(kind: "birth-time" | "date", values: readonly string[]): string | undefined {
  const [year = "", month = "", day = "", hour = "", minute = ""] = values;
  if (kind === "birth-time") return birthTimeFromParts({ year, month, day, hour, minute });
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  return isRealDate(date.year, date.month, date.day) ? formatDate(date) : undefined;
}
