import { birthTimeFromParts, cleanDigits, formatDate, isRealDate } from "./dates.ts";
import type { FieldSpec } from "./field-spec.ts";

/**
 * Reads a value printed in separate boxes between preprinted units (出生时间 `2019 年 06 月 26 日 09 时 28 分`,
 * 签发日期 `2019 年 07 月 01 日`) from its pieces joined in reading order: the numbers are taken in order whatever
 * the units read as, or whether they were read at all. A run of four digits where two boxes of two were expected
 * (`0609`, two boxes the detector merged) is split. Returns `undefined` when the numbers do not make a value, so
 * the ordinary normaliser has its turn.
 */
export function valueFromBoxes(text: string, field: FieldSpec): string | undefined {
  if (field.kind !== "birth-time" && field.kind !== "date") return undefined;
  const wanted = field.kind === "birth-time" ? 5 : 3;
  const numbers = splitMerged(cleanDigits(text).match(/\d+/gu) ?? [], wanted);
  if (numbers.length < wanted) return undefined;
  const [year = "", month = "", day = "", hour = "", minute = ""] = numbers;
  if (field.kind === "birth-time") return birthTimeFromParts({ year, month, day, hour, minute });
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  return year.length === 4 && isRealDate(date.year, date.month, date.day) ? formatDate(date) : undefined;
}

/** Splits four-digit runs after the year into two-digit boxes until there are as many numbers as boxes. */
function splitMerged(numbers: readonly string[], wanted: number): string[] {
  const out = [...numbers];
  for (let i = 1; i < out.length && out.length < wanted; i++) {
    const run = out[i] as string;
    if (run.length === 4) out.splice(i, 1, run.slice(0, 2), run.slice(2));
  }
  return out;
}
