import { isPlausibleDate } from "./dates.ts";
import { idBirthDate, idCheckDigit, isValidIdNumber18 } from "./id-number.ts";

/**
 * Completes an 18-character ID number read with one or two characters lost at either end (the first digit read
 * into the label `号码` before it, the check digit cut off by the box's edge): every way of filling them in is tried,
 * and kept only where the number has a real province code, a real birth date from 1900 to today and a correct check
 * digit. Returns the completion only when exactly one survives, else `undefined`.
 *
 * @example
 * completeIdNumber("60924199409174982"); // "360924199409174982"
 */
export function completeIdNumber(read: string, today: Date = new Date()): string | undefined {
  if (!/^\d{15,17}X?$/u.test(read) || read.length < 16 || read.length > 17) return undefined;
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
  return found.size === 1 ? [...found][0] : undefined;
}

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
