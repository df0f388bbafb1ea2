/** 公民身份号码 (GB 11643-1999): the MOD 11-2 check digit and a generator that agrees with birth date and sex. */
import type { Random } from "../random.ts";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";

/** The ISO 7064 MOD 11-2 check character of the first 17 digits (`"X"` upper-case). */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/** True for an 18-character number whose last character is the right check character. */
export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/** A calendar date (month 1–12). */
export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

/**
 * An 18-digit number for a person registered in `regionCode` (6 digits), born on `birth`: the sequence's last digit
 * is odd for men and even for women, as the standard says.
 */
export function makeIdNumber(regionCode: string, birth: SimpleDate, male: boolean, random: Random): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const sequence =
    random.int(0, 99) * 10 + (male ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]));
  const body = `${regionCode}${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${pad(Math.max(sequence, 2), 3)}`;
  return body + idCheckDigit(body);
}

/** An old 15-digit number (GB 11643-1989, issued until about 1999): no check digit, the last digit's parity is sex. */
export function makeOldIdNumber(
  regionCode: string,
  birth: SimpleDate,
  male: boolean,
  random: Random,
): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const last = male ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]);
  return `${regionCode}${pad(birth.year % 100, 2)}${pad(birth.month, 2)}${pad(birth.day, 2)}${pad(random.int(0, 99), 2)}${last}`;
}
