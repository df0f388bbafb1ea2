import { isPlausibleDate } from "./dates.ts";
import { idBirthDate, idCheckDigit, isValidIdNumber15, isValidIdNumber18 } from "./id-number.ts";
import { COUNTY_CODES } from "./region-codes.ts";

/**
 * Completes an 18-character ID number read with one to three characters lost at either end (the first digits read
 * into the label `号码` before it or lost on the cell's ruling, the check digit cut off by the box's edge): every way
 * of filling them in is tried, and kept only where the number has a real province code, a real birth date from 1900
 * to today and a correct check digit. Returns the completion when exactly one survives, or, when several do, the
 * one whose region code is a current county when exactly one is ({@link COUNTY_CODES}: a made-up code rarely is
 * one); else `undefined`.
 *
 * @example
 * completeIdNumber("60924199409174982"); // "360924199409174982"
 * completeIdNumber("102319991210237X"); // "33102319991210237X" (of two, the one of a current county)
 */
export function completeIdNumber(read: string, today: Date = new Date()): string | undefined {
  if (!/^\d{14,17}X?$/u.test(read) || read.length < MIN_LENGTH || read.length > 17) return undefined;
  const missing = 18 - read.length;
  const found = new Set<string>();
  for (let lead = 0; lead <= missing; lead++) {
    const trail = missing - lead;
    if (trail > 0 && read.endsWith("X")) continue;
    for (const prefix of allDigits(lead)) {
      for (const middle of allDigits(Math.max(trail - 1, 0))) {
        const first17 = (prefix + read + middle).slice(0, 17);
        const candidate = trail > 0 ? first17 + idCheckDigit(first17) : prefix + read;
        if (isPlausible(candidate, today)) found.add(candidate);
      }
    }
  }
  if (found.size === 1) return [...found][0];
  const counties = [...found].filter((id) => COUNTY_CODES.has(id.slice(0, 6)));
  return counties.length === 1 ? counties[0] : undefined;
}

/** The shortest reading completed: three characters lost at most. */
const MIN_LENGTH = 15;

function allDigits(count: number): string[] {
  if (count === 0) return [""];
  return Array.from({ length: 10 ** count }, (_, value) => String(value).padStart(count, "0"));
}

function isPlausible(id: string, today: Date): boolean {
  if (!isValidIdNumber18(id)) return false;
  const born = idBirthDate(id);
  const latest = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
  return born !== undefined && isPlausibleDate(born, undefined, latest);
}

/**
 * Completes an old 15-digit number (1989, no check digit) read with its first or last digit lost: kept when exactly
 * one digit put back makes a valid number (province code and birth date), or exactly one of them a current county's.
 *
 * @example
 * completeOldIdNumber("70305730220215"); // "370305730220215" (only 37 of x7 is a province)
 */
export function completeOldIdNumber(read: string): string | undefined {
  if (!/^\d{14}$/u.test(read)) return undefined;
  const found = [..."0123456789"].flatMap((digit) => [digit + read, read + digit]).filter(isValidIdNumber15);
  const unique = [...new Set(found)];
  if (unique.length === 1) return unique[0];
  const counties = unique.filter((id) => COUNTY_CODES.has(id.slice(0, 6)));
  return counties.length === 1 ? counties[0] : undefined;
}
