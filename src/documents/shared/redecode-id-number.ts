import type { RecognizedChar } from "../../types.ts";
import { type CalendarDate, isPlausibleDate, isRealDate } from "./dates.ts";
import { ID_CHECK_CHARS, ID_WEIGHTS, normaliseIdNumber } from "./id-number.ts";

/** Options of {@link redecodeIdNumber}. */
export interface RedecodeOptions {
  /** How many alternatives to consider per position (default 4). */
  topK?: number;
  /** Earliest plausible birth date (default 1900-01-01). */
  earliest?: CalendarDate;
  /** Latest plausible birth date (default today). */
  latest?: CalendarDate;
}

/** The best valid number found, with its probability under the recognizer's per-character distributions. */
export interface RedecodedIdNumber {
  value: string;
  /** Product of the chosen characters' probabilities. */
  probability: number;
  /** Whether it differs from the characters as read. */
  changed: boolean;
}

type Candidates = Map<string, number>;
type Best = { text: string; log: number };

/**
 * The most probable VALID 18-digit number the per-character alternatives can spell: the check digit must match
 * and digits 7–14 must be a plausible birth date. Exact, not a beam: the region and sequence digits only matter
 * through their weighted sum mod 11, so they are maximised per residue; dates are enumerated over the top-k
 * alternatives (pruned year, then month, then day). Returns `undefined` when the reading has not 18 characters or
 * no valid number is reachable.
 *
 * @example
 * redecodeIdNumber(line.chars); // { value: "510522198001110255", probability: 0.71, changed: true }
 */
export function redecodeIdNumber(
  chars: readonly RecognizedChar[],
  options: RedecodeOptions = {},
): RedecodedIdNumber | undefined {
  const positions = chars.filter((char) => char.text.trim() !== "");
  if (positions.length !== 18) return undefined;
  const topK = options.topK ?? 4;
  const candidates = positions.map((char, index) => candidatesAt(char, index === 17, topK));
  const outer = bestPerResidue(
    [...candidates.slice(0, 6), ...candidates.slice(14, 17)],
    [...ID_WEIGHTS.slice(0, 6), ...ID_WEIGHTS.slice(14, 17)],
  );
  const dates = bestDatePerResidue(candidates.slice(6, 14), options);
  const check = candidates[17] ?? new Map();
  let best: Best | undefined;
  for (const [outerResidue, region] of outer.entries()) {
    for (const [dateResidue, date] of dates.entries()) {
      if (region === undefined || date === undefined) continue;
      const checkChar = ID_CHECK_CHARS[(outerResidue + dateResidue) % 11] ?? "";
      const checkProbability = check.get(checkChar);
      if (checkProbability === undefined) continue;
      const log = region.log + date.log + Math.log(checkProbability);
      const text = region.text.slice(0, 6) + date.text + region.text.slice(6) + checkChar;
      if (best === undefined || log > best.log) best = { text, log };
    }
  }
  if (best === undefined) return undefined;
  const read = normaliseIdNumber(positions.map((char) => char.text).join(""));
  return { value: best.text, probability: Math.exp(best.log), changed: best.text !== read };
}

/** Top-k readings of one position as digits (or X in the last place), look-alikes merged into the digit. */
function candidatesAt(char: RecognizedChar, last: boolean, topK: number): Candidates {
  const options = char.alternatives.some((option) => option.text === char.text)
    ? char.alternatives
    : [{ text: char.text, probability: char.confidence }, ...char.alternatives];
  const merged: Candidates = new Map();
  for (const option of options) {
    const symbol = normaliseSymbol(option.text, last);
    if (symbol === undefined || option.probability <= 0) continue;
    merged.set(symbol, Math.min(1, (merged.get(symbol) ?? 0) + option.probability));
  }
  return new Map([...merged].sort((a, b) => b[1] - a[1]).slice(0, topK));
}

function normaliseSymbol(text: string, last: boolean): string | undefined {
  // Pad to the length of a number so the look-alike mapping of normaliseIdNumber applies at this position.
  const symbol = normaliseIdNumber(`${"0".repeat(17)}${text}`).slice(17);
  if (/^\d$/u.test(symbol)) return symbol;
  return last && symbol === "X" ? symbol : undefined;
}

/** For each residue of the weighted sum mod 11, the most probable digits of the given positions. */
function bestPerResidue(positions: readonly Candidates[], weights: readonly number[]): (Best | undefined)[] {
  let table: (Best | undefined)[] = Array.from({ length: 11 }, (_, residue) =>
    residue === 0 ? { text: "", log: 0 } : undefined,
  );
  positions.forEach((candidates, index) => {
    const next: (Best | undefined)[] = Array.from({ length: 11 }, () => undefined);
    for (const [residue, entry] of table.entries()) {
      if (entry === undefined) continue;
      for (const [digit, probability] of candidates) {
        const to = (residue + Number(digit) * (weights[index] ?? 0)) % 11;
        const log = entry.log + Math.log(probability);
        const current = next[to];
        if (current === undefined || log > current.log) next[to] = { text: entry.text + digit, log };
      }
    }
    table = next;
  });
  return table;
}

/** For each residue, the most probable plausible date spelled by positions 7–14. */
function bestDatePerResidue(
  positions: readonly Candidates[],
  options: RedecodeOptions,
): (Best | undefined)[] {
  const earliest = options.earliest ?? { year: 1900, month: 1, day: 1 };
  const years = spell(positions.slice(0, 4)).filter(
    (year) => Number(year.text) >= earliest.year && Number(year.text) <= (options.latest?.year ?? 9999),
  );
  const months = spell(positions.slice(4, 6)).filter(
    (month) => Number(month.text) >= 1 && Number(month.text) <= 12,
  );
  const days = spell(positions.slice(6, 8)).filter((day) => Number(day.text) >= 1 && Number(day.text) <= 31);
  const table: (Best | undefined)[] = Array.from({ length: 11 }, () => undefined);
  for (const year of years) {
    for (const month of months) {
      for (const day of days) {
        const date = { year: Number(year.text), month: Number(month.text), day: Number(day.text) };
        if (!isRealDate(date.year, date.month, date.day)) continue;
        if (!isPlausibleDate(date, earliest, options.latest)) continue;
        const text = year.text + month.text + day.text;
        let residue = 0;
        for (let index = 0; index < 8; index++) residue += Number(text[index]) * (ID_WEIGHTS[6 + index] ?? 0);
        const log = year.log + month.log + day.log;
        const current = table[residue % 11];
        if (current === undefined || log > current.log) table[residue % 11] = { text, log };
      }
    }
  }
  return table;
}

/** Every spelling of consecutive positions from their candidates, with its log-probability. */
function spell(positions: readonly Candidates[]): Best[] {
  let spellings: Best[] = [{ text: "", log: 0 }];
  for (const candidates of positions) {
    spellings = spellings.flatMap((spelling) =>
      [...candidates].map(([digit, probability]) => ({
        text: spelling.text + digit,
        log: spelling.log + Math.log(probability),
      })),
    );
  }
  return spellings;
}
