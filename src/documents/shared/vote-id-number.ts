import type { RecognizedChar } from "../../types.ts";
import { normaliseIdNumber } from "./id-number.ts";
import { regionKnowledge } from "./region-codes.ts";

/** One reading of an ID number's cell: its characters, and the valid number it normalises to, if any. */
export interface IdReading {
  chars: readonly RecognizedChar[];
  /** The valid number this reading alone normalises to (as read, or repaired), if any. */
  value?: string;
}

/** Options of {@link voteIdNumber}. */
export interface VoteOptions {
  /** How likely a number is from what else the page says (its birth date against one printed beside it), 0–1. */
  prior?: (value: string) => number;
  /** Numbers to weigh besides the readings' own (re-decoded under what the page says). */
  candidates?: readonly string[];
}

/** The number the readings agree on best, and how surely. */
export interface VotedIdNumber {
  value: string;
  /** Index of the first reading whose own value it is; -1 for a number only given as a candidate. */
  reading: number;
  /** The number's share of the candidates' joint likelihood (0–1). */
  support: number;
}

/** A character's probability when the reading's alternatives at that position do not hold it. */
const UNSEEN = 1e-3;
/**
 * How likely a reading lost a character of the number at a place: often where the number has the same digit twice
 * running (the recogniser's frames merge a doubled digit when the print is narrow), less at either end (a box cut at
 * a ruling or over the label), least inside.
 */
const LOST_DOUBLED = 0.1;
const LOST_AT_END = 0.02;
const LOST_INSIDE = 0.002;
/** How likely a reading has a character more than the number (a ruling read as 1, a mark), at the ends and inside. */
const EXTRA_AT_END = 0.02;
const EXTRA_INSIDE = 0.002;
/** The region code's prior (as in the re-decoder): a current county, a current prefecture only, a province only. */
const REGION_PRIOR: Readonly<Record<ReturnType<typeof regionKnowledge>, number>> = {
  county: 1,
  prefecture: 0.05,
  province: 0.005,
};

/**
 * Lets several readings of the same ID number (the cell read as detected, read again stretched or before seal
 * whitening) vote on it. Each reading's own valid number is a candidate, and so is each of `candidates`; every
 * candidate is scored by how likely the readings are given it — character by character with the recogniser's
 * alternatives, a lost character (most likely one of a doubled digit) or an extra one costing its prior, averaged
 * over the readings since they read the same pixels and are not independent — times its region code's prior and an
 * optional `prior` the caller knows from elsewhere on the page. Returns the best, or `undefined` when there is no
 * candidate.
 *
 * @example
 * voteIdNumber([{ chars: squeezed }, { chars: stretched, value: "500231198908138166" }]); // { value: "500231…", … }
 */
export function voteIdNumber(
  readings: readonly IdReading[],
  options: VoteOptions = {},
): VotedIdNumber | undefined {
  const prior = options.prior ?? (() => 1);
  const candidates = [
    ...new Set([
      ...readings.flatMap((reading) => (reading.value ? [reading.value] : [])),
      ...(options.candidates ?? []),
    ]),
  ];
  if (candidates.length === 0 || readings.length === 0) return undefined;
  const positions = readings.map((reading) => idPositions(reading.chars));
  const scored = candidates.map((value) => ({
    value,
    log:
      positions.reduce((sum, reading) => sum + alignmentLog(reading, value), 0) / positions.length +
      Math.log(REGION_PRIOR[regionKnowledge(value.slice(0, 6))]) +
      Math.log(Math.max(prior(value), Number.MIN_VALUE)),
  }));
  scored.sort((a, b) => b.log - a.log);
  const best = scored[0];
  if (best === undefined) return undefined;
  const total = scored.reduce((sum, entry) => sum + Math.exp(entry.log - best.log), 0);
  return {
    value: best.value,
    reading: readings.findIndex((reading) => reading.value === best.value),
    support: 1 / total,
  };
}

/** Each digit-like character of a reading as a map of the digits (and X) it may be, other symbols left out. */
function idPositions(chars: readonly RecognizedChar[]): Map<string, number>[] {
  const positions: Map<string, number>[] = [];
  for (const char of chars) {
    const options = char.alternatives.some((option) => option.text === char.text)
      ? char.alternatives
      : [{ text: char.text, probability: char.confidence }, ...char.alternatives];
    const symbol = asIdSymbol(char.text);
    if (symbol === undefined) continue;
    const merged = new Map<string, number>();
    for (const option of options) {
      const as = asIdSymbol(option.text);
      if (as === undefined || option.probability <= 0) continue;
      merged.set(as, Math.min(1, (merged.get(as) ?? 0) + option.probability));
    }
    positions.push(merged);
  }
  return positions;
}

/** A symbol as the digit or X it stands for in an ID number (look-alikes mapped), if it stands for one. */
function asIdSymbol(text: string): string | undefined {
  const symbol = normaliseIdNumber(`${"0".repeat(17)}${text.trim()}`).slice(17);
  return /^[\dX]$/u.test(symbol) ? symbol : undefined;
}

/**
 * The log-likelihood of the best alignment of a reading's positions to a number: each position matched to one of
 * the number's characters (its probability among the alternatives), a character of the number lost, or a position
 * read more. Viterbi over the (positions + 1) × 19 grid.
 */
function alignmentLog(positions: readonly Map<string, number>[], value: string): number {
  const n = positions.length;
  const m = value.length;
  let previous = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) previous[j] = (previous[j - 1] ?? 0) + Math.log(lostPrior(value, j - 1));
  for (let i = 1; i <= n; i++) {
    const current = new Float64Array(m + 1);
    const extra = Math.log(i === 1 || i === n ? EXTRA_AT_END : EXTRA_INSIDE);
    current[0] = (previous[0] ?? 0) + extra;
    const at = positions[i - 1] ?? new Map<string, number>();
    for (let j = 1; j <= m; j++) {
      const match = (previous[j - 1] ?? 0) + Math.log(Math.max(at.get(value[j - 1] ?? "") ?? 0, UNSEEN));
      const lost = (current[j - 1] ?? 0) + Math.log(lostPrior(value, j - 1));
      const more = (previous[j] ?? 0) + extra;
      current[j] = Math.max(match, lost, more);
    }
    previous = current;
  }
  return previous[m] ?? Number.NEGATIVE_INFINITY;
}

function lostPrior(value: string, index: number): number {
  const symbol = value[index];
  if (symbol === value[index - 1] || symbol === value[index + 1]) return LOST_DOUBLED;
  return index === 0 || index === value.length - 1 ? LOST_AT_END : LOST_INSIDE;
}
