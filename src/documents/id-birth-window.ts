import type { DocumentReading } from "./read-fields.ts";
import { type CalendarDate, isRealDate, parseDate } from "./shared/dates.ts";
import type { DocumentSpec, FieldSpec } from "./shared/field-spec.ts";
import { valueFromBoxes } from "./shared/join-boxes.ts";
import { normaliseValue } from "./shared/normalise-value.ts";

/** The dates an ID number's birth date (its digits 7–14) must lie between, both included. */
export interface BirthWindow {
  earliest: CalendarDate;
  latest: CalendarDate;
}

/** Ages a parent's printed age is believed in: younger or older is a misreading, not a window. */
const PARENT_AGES: readonly [number, number] = [14, 60];

/**
 * Where the page itself says each ID number's birth date lies, from what else was read on it: a resident card
 * prints the person's 出生日期 beside the number; a birth certificate prints each parent's age at the child's birth
 * (出生时间), so the parent was born in the year before, or in, the year of the birth less the age (completed years,
 * or the difference of the years where an office counts so). Only values read valid are used; an ID number without
 * such a value gets no window.
 *
 * @example
 * idBirthWindows(BIRTH_CERTIFICATE_SPEC, reading); // Map { "motherIdCardNumber" => { earliest: 1985-06-09, latest: 1986-12-31 } }
 */
export function idBirthWindows(spec: DocumentSpec, reading: DocumentReading): Map<string, BirthWindow> {
  const windows = new Map<string, BirthWindow>();
  const value = (key: string) => {
    const field = spec.fields.find((candidate) => candidate.key === key);
    return field === undefined ? undefined : validValue(field, reading);
  };
  if (spec.type === "household-resident") {
    const born = parseDate(value("birthDate") ?? "");
    if (born !== undefined) windows.set("idCardNumber", { earliest: born, latest: born });
    return windows;
  }
  if (spec.type !== "birth-certificate") return windows;
  const child = childBirthDate(value("birthTime") ?? "");
  if (child === undefined) return windows;
  for (const parent of ["mother", "father"]) {
    const age = Number(value(`${parent}Age`) ?? Number.NaN);
    if (!Number.isInteger(age) || age < PARENT_AGES[0] || age > PARENT_AGES[1]) continue;
    const year = child.year - age;
    // Completed years: born after the child's birthday `age + 1` years before, on it `age` years before at the latest.
    const earliest = dayAfter({ ...child, year: year - 1 });
    windows.set(`${parent}IdCardNumber`, { earliest, latest: { year, month: 12, day: 31 } });
  }
  return windows;
}

/** Whether a number's birth date (digits 7–14) lies in a window. */
export function inBirthWindow(id: string, window: BirthWindow): boolean {
  const digits = id.slice(6, 14);
  if (!/^\d{8}$/u.test(digits)) return false;
  return digits >= dateDigits(window.earliest) && digits <= dateDigits(window.latest);
}

function dateDigits(date: CalendarDate): string {
  return `${date.year}`.padStart(4, "0") + `${date.month}`.padStart(2, "0") + `${date.day}`.padStart(2, "0");
}

function validValue(field: FieldSpec, reading: DocumentReading): string | undefined {
  const read = reading.fields.get(field.key);
  if (read === undefined || read.text.trim() === "") return undefined;
  if (field.parts) {
    const boxes = valueFromBoxes(read.pieceTexts.join(";"), field);
    if (boxes !== undefined) return boxes === "" ? undefined : boxes;
  }
  const normalised = normaliseValue(read.text, field, read.chars);
  return normalised.valid && normalised.confidence >= 1 && normalised.value !== ""
    ? normalised.value
    : undefined;
}

function childBirthDate(birthTime: string): CalendarDate | undefined {
  const match = /^(\d{4})年(\d{2})月(\d{2})日/u.exec(birthTime);
  if (match === null) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date.year, date.month, date.day) ? date : undefined;
}

function dayAfter(date: CalendarDate): CalendarDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  // 29 February of a year that has none (the child born on it) rolls to 1 March, as the next day should.
  if (!isRealDate(date.year, date.month, date.day)) return { year: date.year, month: 3, day: 1 };
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
