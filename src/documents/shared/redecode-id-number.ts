import type { RecognizedChar } from "../../types.ts";
import { type CalendarDate, isPlausibleDate, isRealDate } from "./dates.ts";
import { ID_CHECK_CHARS, ID_WEIGHTS, normaliseIdNumber, PROVINCE_CODES } from "./id-number.ts";
import { PREFECTURE_CODES, regionKnowledge } from "./region-codes.ts";

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
  /**
   * Product of the chosen characters' probabilities, of the edit's prior (for a lost or extra character) and of the
   * region's prior (1 for a current county code, less for a code the 2023 divisions know only the prefecture or
   * province of).
   */
  probability: number;
  /** How well the 2023 divisions know the number's region code (see {@link regionKnowledge}). */
  region: "county" | "prefecture" | "province";
  /** Whether it differs from the characters as read. */
  changed: boolean;
  /**
   * How the reading was repaired: `substitution` (characters swapped for their alternatives, or none), `insertion`
   * (a character the reading lost, e.g. the first digit on a ruling line, put back) or `deletion` (an extra one
   * dropped, e.g. a ruling read as 1).
   */
  edit: "substitution" | "insertion" | "deletion";
}

type Candidates = Map<string, number>;
type Best = { text: string; log: number };
/** What one or more positions may spell, each with its probability and its part of the check digit's weighted sum. */
type Slot = { text: string; probability: number; sum: number }[];

/**
 * How likely the reading lost or gained one character at a place, before looking at what the characters say: most
 * at either end (a box cut at, or stretched over, a ruling line), much less inside the number.
 */
const EDGE_EDIT_PRIOR = 0.02;
const INNER_EDIT_PRIOR = 0.002;

/**
 * How likely a region code is, relative to a current county code (GB/T 2260 as of 2023), before looking at what the
 * characters say. Soft, not a filter: people keep the numbers given by counties since renamed or merged, whose codes
 * mostly keep their prefecture's first four digits. Roughly the share of numbers with such codes over how many codes
 * of each kind there are.
 */
const PREFECTURE_ONLY_PRIOR = 0.05;
const PROVINCE_ONLY_PRIOR = 0.005;

/**
 * The most probable VALID 18-digit number the per-character alternatives can spell: the check digit must match
 * and digits 7–14 must be a plausible birth date; a region code (digits 1–6) the divisions know is preferred
 * (the priors above). Exact, not a beam: the region and sequence digits only matter
 * through their weighted sum mod 11, so they are maximised per residue; dates are enumerated over the top-k
 * alternatives (pruned year, then month, then day). A reading of 17 or 19 characters is repaired by putting back
 * one lost character (any digit, or X last) or dropping one extra, wherever that gives the most probable valid
 * number under the edit priors above. Returns `undefined` when no valid number is that near to the reading.
 *
 * @example
 * redecodeIdNumber(line.chars); // { value: "510522198001110255", probability: 0.71, changed: true, edit: "substitution" }
 */
export function redecodeIdNumber(
  chars: readonly RecognizedChar[],
  options: RedecodeOptions = {},
): RedecodedIdNumber | undefined {
  const positions = chars.filter((char) => char.text.trim() !== "");
  if (positions.length < 17 || positions.length > 19) return undefined;
  const topK = options.topK ?? 4;
  const read = positions.map((char, index) => candidatesAt(char, index === positions.length - 1, topK));
  const variants: { candidates: Candidates[]; prior: number; edit: RedecodedIdNumber["edit"] }[] = [];
  if (positions.length === 18) variants.push({ candidates: read, prior: 1, edit: "substitution" });
  if (positions.length === 17) {
    for (let at = 0; at <= 17; at++) {
      const candidates = [...read.slice(0, at), anyDigit(at === 17), ...read.slice(at)];
      // The former last position is no longer last: its X (if any) cannot stand inside the number.
      if (at === 17) candidates[16] = digitsOnly(read[16] ?? new Map());
      variants.push({ candidates, prior: editPrior(at, 17), edit: "insertion" });
    }
  }
  if (positions.length === 19) {
    for (let at = 0; at < 19; at++) {
      const candidates = [...read.slice(0, at), ...read.slice(at + 1)];
      // Dropping the last makes the one before it last, where an X may stand.
      const last = positions[17];
      if (at === 18 && last) candidates[17] = candidatesAt(last, true, topK);
      variants.push({ candidates, prior: editPrior(at, 18), edit: "deletion" });
    }
  }
  let best: (Best & { edit: RedecodedIdNumber["edit"] }) | undefined;
  for (const variant of variants) {
    const found = bestValid(variant.candidates, options);
    if (found === undefined) continue;
    const log = found.log + Math.log(variant.prior);
    if (best === undefined || log > best.log) best = { text: found.text, log, edit: variant.edit };
  }
  if (best === undefined) return undefined;
  const asRead = normaliseIdNumber(positions.map((char) => char.text).join(""));
  return {
    value: best.text,
    probability: Math.exp(best.log),
    changed: best.text !== asRead,
    edit: best.edit,
    region: regionKnowledge(best.text.slice(0, 6)),
  };
}

function editPrior(at: number, last: number): number {
  return at === 0 || at === last ? EDGE_EDIT_PRIOR : INNER_EDIT_PRIOR;
}

/** A position nothing was read at: every digit (and X in the last place) equally likely. */
function anyDigit(last: boolean): Candidates {
  const symbols = last ? [..."0123456789", "X"] : [..."0123456789"];
  return new Map(symbols.map((symbol) => [symbol, 1 / symbols.length]));
}

function digitsOnly(candidates: Candidates): Candidates {
  return new Map([...candidates].filter(([symbol]) => symbol !== "X"));
}

/** The most probable valid number spelled by 18 positions' candidates, if any. */
function bestValid(candidates: readonly Candidates[], options: RedecodeOptions): Best | undefined {
  const outer = bestPerResidue(
    [14, 15, 16].map((index) => digitSlot(candidates[index] ?? new Map(), ID_WEIGHTS[index] ?? 0)),
    bestRegionPerResidue(candidates.slice(0, 6)),
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
  return best;
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

function digitSlot(candidates: Candidates, weight: number): Slot {
  return [...candidates].map(([digit, probability]) => ({
    text: digit,
    probability,
    sum: Number(digit) * weight,
  }));
}

/** The first two positions together: only the pairs that make a province code ({@link PROVINCE_CODES}). */
function provinceSlot(first: Candidates, second: Candidates): Slot {
  const slot: Slot = [];
  for (const [a, pa] of first) {
    for (const [b, pb] of second) {
      if (!PROVINCE_CODES.has(a + b)) continue;
      const sum = Number(a) * (ID_WEIGHTS[0] ?? 0) + Number(b) * (ID_WEIGHTS[1] ?? 0);
      slot.push({ text: a + b, probability: pa * pb, sum });
    }
  }
  return slot;
}

/**
 * For each residue of the region code's weighted sum mod 11, its most probable spelling times its prior: the best of
 * the current county codes, of the codes in a current prefecture, and of all codes in a province. Exact, since every
 * spelling's own prior is at least the prior of any group it is also counted in.
 */
function bestRegionPerResidue(positions: readonly Candidates[]): (Best | undefined)[] {
  const at = (index: number) => positions[index] ?? new Map<string, number>();
  const table = bestPerResidue([
    provinceSlot(at(0), at(1)),
    ...[2, 3, 4, 5].map((index) => digitSlot(at(index), ID_WEIGHTS[index] ?? 0)),
  ]).map((entry) => entry && { text: entry.text, log: entry.log + Math.log(PROVINCE_ONLY_PRIOR) });
  const offer = (text: string, log: number) => {
    const residue = weightedResidue(text, 0);
    const current = table[residue];
    if (current === undefined || log > current.log) table[residue] = { text, log };
  };
  const counties = bestPerResidue([4, 5].map((index) => digitSlot(at(index), ID_WEIGHTS[index] ?? 0)));
  for (const [prefecture, known] of PREFECTURE_CODES) {
    const log = spellingLog(prefecture, positions, 0);
    if (log === undefined) continue;
    for (const county of counties) {
      if (county !== undefined)
        offer(prefecture + county.text, log + county.log + Math.log(PREFECTURE_ONLY_PRIOR));
    }
    for (const county of known) {
      const countyLog = spellingLog(county, positions, 4);
      if (countyLog !== undefined) offer(prefecture + county, log + countyLog);
    }
  }
  return table;
}

/** The log-probability of spelling `text` from the positions' candidates from `first` on, if they allow it. */
function spellingLog(text: string, positions: readonly Candidates[], first: number): number | undefined {
  let log = 0;
  for (let index = 0; index < text.length; index++) {
    const probability = positions[first + index]?.get(text[index] ?? "");
    if (probability === undefined) return undefined;
    log += Math.log(probability);
  }
  return log;
}

/** For each residue of the weighted sum mod 11, the most probable spelling of the given slots after `start`. */
function bestPerResidue(
  slots: readonly Slot[],
  start: readonly (Best | undefined)[] = Array.from({ length: 11 }, (_, residue) =>
    residue === 0 ? { text: "", log: 0 } : undefined,
  ),
): (Best | undefined)[] {
  let table: (Best | undefined)[] = [...start];
  for (const slot of slots) {
    const next: (Best | undefined)[] = Array.from({ length: 11 }, () => undefined);
    for (const [residue, entry] of table.entries()) {
      if (entry === undefined) continue;
      for (const choice of slot) {
        const to = (residue + choice.sum) % 11;
        const log = entry.log + Math.log(choice.probability);
        const current = next[to];
        if (current === undefined || log > current.log) next[to] = { text: entry.text + choice.text, log };
      }
    }
    table = next;
  }
  return table;
}

/**
 * For each residue, the most probable plausible date spelled by positions 7–14. Month and day are combined with the
 * year through their residue only (best month-day per residue, for leap and common years), except in the first and
 * last plausible years, where the bounds cut through the calendar and every month-day is checked.
 */
function bestDatePerResidue(
  positions: readonly Candidates[],
  options: RedecodeOptions,
): (Best | undefined)[] {
  const earliest = options.earliest ?? { year: 1900, month: 1, day: 1 };
  const latestYear = options.latest?.year ?? new Date().getUTCFullYear();
  const years = spell(positions.slice(0, 4)).filter(
    (year) => Number(year.text) >= earliest.year && Number(year.text) <= latestYear,
  );
  const months = spell(positions.slice(4, 6)).filter(
    (month) => Number(month.text) >= 1 && Number(month.text) <= 12,
  );
  const days = spell(positions.slice(6, 8)).filter((day) => Number(day.text) >= 1 && Number(day.text) <= 31);
  const monthDays = months.flatMap((month) =>
    days
      .filter((day) => isRealDate(2000, Number(month.text), Number(day.text)))
      .map((day) => ({ text: month.text + day.text, log: month.log + day.log })),
  );
  const byResidue = (leap: boolean): (Best | undefined)[] => {
    const table: (Best | undefined)[] = Array.from({ length: 11 }, () => undefined);
    for (const monthDay of monthDays) {
      if (!leap && monthDay.text === "0229") continue;
      const residue = weightedResidue(monthDay.text, 10);
      const current = table[residue];
      if (current === undefined || monthDay.log > current.log) table[residue] = monthDay;
    }
    return table;
  };
  const leapTable = byResidue(true);
  const commonTable = byResidue(false);
  const table: (Best | undefined)[] = Array.from({ length: 11 }, () => undefined);
  const offer = (text: string, log: number) => {
    const residue = weightedResidue(text, 6);
    const current = table[residue];
    if (current === undefined || log > current.log) table[residue] = { text, log };
  };
  for (const year of years) {
    const value = Number(year.text);
    if (value === earliest.year || value === latestYear) {
      for (const monthDay of monthDays) {
        const date = {
          year: value,
          month: Number(monthDay.text.slice(0, 2)),
          day: Number(monthDay.text.slice(2)),
        };
        if (!isRealDate(date.year, date.month, date.day)) continue;
        if (!isPlausibleDate(date, earliest, options.latest)) continue;
        offer(year.text + monthDay.text, year.log + monthDay.log);
      }
      continue;
    }
    const leap = isRealDate(value, 2, 29);
    for (const monthDay of leap ? leapTable : commonTable) {
      if (monthDay !== undefined) offer(year.text + monthDay.text, year.log + monthDay.log);
    }
  }
  return table;
}

/** The weighted sum mod 11 of digits standing at ID positions from `first` (0-based) on. */
function weightedResidue(digits: string, first: number): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++)
    sum += Number(digits[index]) * (ID_WEIGHTS[first + index] ?? 0);
  return sum % 11;
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
