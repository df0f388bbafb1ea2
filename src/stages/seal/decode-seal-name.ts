import { nameCharacterWeight } from "../../documents/shared/name-characters.ts";
import { compoundSurnames, surnameWeight } from "../../documents/shared/surnames.ts";
import type { CharAlternative } from "../../types.ts";

/** How the decoder weighs what it knows of names against what the recogniser saw. */
export interface SealNamePriors {
  /** Weight of a first character that is no common surname (a common one weighs 1, a rarer one less). */
  notSurname: number;
  /** Weight of a later character that given names seldom hold (a common one weighs 1, a rarer one less). */
  notNameCharacter: number;
  /** A seal word (印, 之) seen with less probability than this counts with this. */
  sealWordFloor: number;
  /** Weight of a four-character name without a compound surname (most are two or three characters). */
  fourCharacters: number;
  /**
   * A glyph read at least this surely is taken as read, whatever the priors say (names hold rare characters too: a
   * name is never changed into another).
   */
  sureReading: number;
}

/** Measured on replays of the dev set's stamps (see the commit that brought them). */
export const SEAL_NAME_PRIORS: SealNamePriors = {
  notSurname: 0.02,
  notNameCharacter: 0.05,
  sealWordFloor: 0.01,
  fourCharacters: 0.01,
  sureReading: 0.9,
};

/** One character of a decoded seal name: what it reads and how probable the recogniser found it in its slot. */
export interface SealNameChar {
  text: string;
  probability: number;
  /** The index of its glyph slot in the seal. */
  slot: number;
}

/** A name decoded from a seal's glyph slots, and how probable it is under the recogniser and the name priors. */
export interface SealNameDecoding {
  chars: SealNameChar[];
  /** The product of its characters' probabilities (the recogniser's alone). */
  probability: number;
  /** Log of the probability weighed with the priors, the closing seal words included. */
  score: number;
}

/** What closes a seal after the name: 印 or 章, often after 之. */
const SEAL_WORDS = ["印", "章"];
const OF = "之";
const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]$/u;

/**
 * The likeliest name a seal's glyph slots spell (slots in reading order, each with its candidates, best first,
 * whatever the line's best reading chose there): a surname first (one character, or a compound surname over two
 * slots), then given-name characters, two to four in all, perhaps closed by 印 / 章 or 之印. Each character is
 * chosen among its slot's candidates by its probability weighed with the name priors (a common surname or
 * given-name character weighs 1, rarer ones less, others little), so a blurred glyph whose best reading is junk or
 * blank still yields the name character the recogniser saw second or fifth. Undefined when no reading of the
 * slots makes a name of two characters or more.
 *
 * @example
 * const slot = (...c: [string, number][]) => c.map(([text, probability]) => ({ text, probability }));
 * decodeSealName([slot(["华", 0.4], ["郑", 0.3]), slot(["红", 0.9]), slot(["卫", 0.8]), slot(["印", 0.7])]);
 * // chars 郑 红 卫: 华 is a rarer surname than 郑, and 印 closes the seal
 */
export function decodeSealName(
  slots: readonly (readonly CharAlternative[])[],
  priors: SealNamePriors = SEAL_NAME_PRIORS,
): SealNameDecoding | undefined {
  const han = slots.map((candidates) => candidates.filter((candidate) => HAN.test(candidate.text)));
  const n = han.length;
  let best: SealNameDecoding | undefined;
  for (let closing = 0; closing <= Math.min(2, n - 2); closing++) {
    const length = n - closing;
    if (length > 4) continue;
    const closingScore = closingLogProbability(han, closing, priors);
    const name = bestName(han.slice(0, length), priors);
    if (name === undefined) continue;
    const score = name.score + closingScore;
    if (best === undefined || score > best.score) best = { ...name, score };
  }
  return best;
}

/** Log probability that the last `count` slots are the seal's closing words (印 / 章, or 之 and one of them). */
function closingLogProbability(
  slots: readonly (readonly CharAlternative[])[],
  count: number,
  priors: SealNamePriors,
): number {
  if (count === 0) return 0;
  const probability = (slot: readonly CharAlternative[] | undefined, words: readonly string[]) =>
    Math.max(
      priors.sealWordFloor,
      ...(slot ?? []).filter((c) => words.includes(c.text)).map((c) => c.probability),
    );
  let sum = Math.log(probability(slots[slots.length - 1], SEAL_WORDS));
  if (count === 2) sum += Math.log(probability(slots[slots.length - 2], [OF]));
  return sum;
}

/** The best name the slots spell whole, or undefined. */
function bestName(
  slots: readonly (readonly CharAlternative[])[],
  priors: SealNamePriors,
): SealNameDecoding | undefined {
  if (slots.length < 2) return undefined;
  let best: SealNameDecoding | undefined;
  const single = bestIn(slots[0] ?? [], (text) => Math.max(priors.notSurname, surnameWeight(text)), priors);
  const heads: { chars: SealNameChar[]; score: number }[] = [];
  if (single !== undefined) heads.push({ chars: [{ ...single, slot: 0 }], score: single.score });
  if (slots.length >= 3) {
    const compound = bestCompound(slots[0] ?? [], slots[1] ?? []);
    if (compound !== undefined) heads.push(compound);
  }
  for (const head of heads) {
    const chars = [...head.chars];
    let score = head.score;
    for (let slot = chars.length; slot < slots.length; slot++) {
      const chosen = bestIn(
        slots[slot] ?? [],
        (text) => Math.max(priors.notNameCharacter, nameCharacterWeight(text)),
        priors,
      );
      if (chosen === undefined) {
        score = Number.NEGATIVE_INFINITY;
        break;
      }
      chars.push({ ...chosen, slot });
      score += chosen.score;
    }
    if (!Number.isFinite(score)) continue;
    if (chars.length === 4 && head.chars.length === 1) score += Math.log(priors.fourCharacters);
    if (best === undefined || score > best.score) {
      const probability = chars.reduce((product, char) => product * char.probability, 1);
      best = {
        chars: chars.map(({ text, probability: p, slot }) => ({ text, probability: p, slot })),
        probability,
        score,
      };
    }
  }
  return best;
}

/**
 * The candidate of highest log probability weighed by `weight`, with that score; the likeliest one outright when
 * read surely (its score weighed all the same: a seal word may still close the seal there).
 */
function bestIn(
  candidates: readonly CharAlternative[],
  weight: (text: string) => number,
  priors: SealNamePriors,
): { text: string; probability: number; score: number } | undefined {
  const first = candidates[0];
  if (first !== undefined && first.probability >= priors.sureReading)
    return {
      ...first,
      score: Math.log(first.probability * weight(first.text)),
    };
  let best: { text: string; probability: number; score: number } | undefined;
  for (const candidate of candidates) {
    if (!(candidate.probability > 0)) continue;
    const score = Math.log(candidate.probability * weight(candidate.text));
    if (best === undefined || score > best.score) best = { ...candidate, score };
  }
  return best;
}

/** The likeliest compound surname over two slots, each of its characters among its slot's candidates. */
function bestCompound(
  first: readonly CharAlternative[],
  second: readonly CharAlternative[],
): { chars: SealNameChar[]; score: number } | undefined {
  let best: { chars: SealNameChar[]; score: number } | undefined;
  for (const compound of compoundSurnames()) {
    const [a, b] = Array.from(compound);
    const pa = first.find((c) => c.text === a)?.probability ?? 0;
    const pb = second.find((c) => c.text === b)?.probability ?? 0;
    if (!(pa > 0 && pb > 0)) continue;
    const score = Math.log(pa) + Math.log(pb);
    if (best === undefined || score > best.score)
      best = {
        chars: [
          { text: a as string, probability: pa, slot: 0 },
          { text: b as string, probability: pb, slot: 1 },
        ],
        score,
      };
  }
  return best;
}
