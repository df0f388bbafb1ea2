import type { RecognizedChar } from "../../types.ts";
import { editDistance } from "./edit-distance.ts";
import type { Vocabulary } from "./vocabularies.ts";

/** How a reading relates to its vocabulary. */
export type VocabularyStatus = "empty" | "exact" | "corrected" | "unknown";

/** The result of {@link correctToVocabulary}. */
export interface VocabularyCorrection {
  /** The entry the reading was corrected to, or the reading itself (white space removed). */
  value: string;
  /** `unknown`: not in the vocabulary and not unambiguously near an entry — left as read, for review. */
  status: VocabularyStatus;
  /** What picked the entry, when corrected. */
  method?: "alternatives" | "edit";
  /** Multiplier (0–1) for the value's confidence. */
  confidence: number;
}

const NATURALISED = /[（(]入籍[)）]$/u;
const EDIT_CONFIDENCE = 0.8;
const UNKNOWN_CONFIDENCE = 0.7;
/** An entry read with a neighbour's text after it (`中国族汉族`: 民族's 族 and its value read on). */
const PREFIX_CONFIDENCE = 0.7;
/** The vocabulary's usual entry taken for a reading one edit from several entries. */
const USUAL_CONFIDENCE = 0.6;
const MIN_ALTERNATIVES_CONFIDENCE = 0.5;
/** Per character, how much less probable than the reading an entry spelled by alternatives may be. */
const MIN_ALTERNATIVES_RATIO = 0.05;

/**
 * Pulls a reading onto a closed vocabulary. An exact entry stays as it is (汉 stays 汉, 汉族 stays 汉族). Otherwise
 * the per-character alternatives are tried first: the most probable entry they can spell wins. Failing that, an entry
 * one edit away (a substitution, insertion or deletion; known confusions such as 彝/葬 count less) is taken when it
 * is the only nearest one; a one-character entry only through a known confusion, as any other character is as far.
 * Failing that too, the longest entry the reading begins with, before more Chinese text (a neighbour's cell read
 * on), and then the vocabulary's usual entry (see `Vocabulary.usual`) when one edit away, each doubted.
 * Anything else is returned unchanged with status `unknown`. A naturalisation suffix `（入籍）` is kept aside.
 *
 * @param alternatives the recognised characters of the value, used only when they spell it exactly
 * @example
 * correctToVocabulary("葬族", VOCABULARIES.ethnicity); // { value: "彝族", status: "corrected", method: "edit", … }
 */
export function correctToVocabulary(
  value: string,
  vocabulary: Vocabulary,
  alternatives?: readonly RecognizedChar[],
): VocabularyCorrection {
  const read = value.replace(/\s+/gu, "");
  if (read === "") return { value: "", status: "empty", confidence: 1 };
  const suffix = NATURALISED.exec(read)?.[0] ?? "";
  const base = read.slice(0, read.length - suffix.length);
  const entries = vocabulary.entries;
  if (entries.includes(base)) return { value: read, status: "exact", confidence: 1 };
  const chars = alternatives?.filter((char) => char.text.trim() !== "");
  const byAlternatives = chars === undefined ? undefined : pickByAlternatives(base, chars, entries);
  if (byAlternatives !== undefined) {
    return {
      value: byAlternatives.entry + suffix,
      status: "corrected",
      method: "alternatives",
      confidence: byAlternatives.confidence,
    };
  }
  const byEdit = pickByEdit(base, entries);
  if (byEdit !== undefined) {
    return { value: byEdit + suffix, status: "corrected", method: "edit", confidence: EDIT_CONFIDENCE };
  }
  const prefix = entryBefore(base, entries);
  if (prefix !== undefined) {
    return { value: prefix, status: "corrected", method: "edit", confidence: PREFIX_CONFIDENCE };
  }
  const usual = vocabulary.usual;
  if (usual !== undefined && editDistance(usual, base) <= 1 + 1e-9) {
    return { value: usual + suffix, status: "corrected", method: "edit", confidence: USUAL_CONFIDENCE };
  }
  return { value: read, status: "unknown", confidence: UNKNOWN_CONFIDENCE };
}

/** Probability of `symbol` at a position, from its alternatives (the chosen reading is among them). */
function probabilityOf(char: RecognizedChar, symbol: string): number {
  if (char.text === symbol && char.alternatives.every((option) => option.text !== symbol))
    return char.confidence;
  return char.alternatives.find((option) => option.text === symbol)?.probability ?? 0;
}

/**
 * The most probable entry of the same length that the alternatives can spell. Confidence is the per-character
 * geometric mean of its probability relative to the reading's own: near 1 when an alternative was almost chosen.
 */
function pickByAlternatives(
  read: string,
  chars: readonly RecognizedChar[],
  entries: readonly string[],
): { entry: string; confidence: number } | undefined {
  const symbols = Array.from(read);
  if (chars.map((char) => char.text).join("") !== read) return undefined;
  let readLog = 0;
  for (const char of chars) readLog += Math.log(Math.max(char.confidence, 1e-9));
  let best: { entry: string; log: number } | undefined;
  for (const entry of entries) {
    const target = Array.from(entry);
    if (target.length !== symbols.length) continue;
    let log = 0;
    for (const [index, char] of chars.entries()) log += Math.log(probabilityOf(char, target[index] ?? ""));
    if (Number.isFinite(log) && (best === undefined || log > best.log)) best = { entry, log };
  }
  if (best === undefined) return undefined;
  const ratio = Math.exp((best.log - readLog) / symbols.length);
  // A faint alternative (the long tail of the recognizer's distribution) is no evidence for the entry.
  if (ratio < MIN_ALTERNATIVES_RATIO) return undefined;
  return { entry: best.entry, confidence: Math.min(1, Math.max(MIN_ALTERNATIVES_CONFIDENCE, ratio)) };
}

/**
 * The longest entry of two characters or more that a reading begins with, when more Chinese text follows it: the
 * cell's value with the next label and its value read on (`中国族汉族`). Undefined otherwise.
 */
function entryBefore(read: string, entries: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const entry of entries) {
    if (Array.from(entry).length < 2 || !read.startsWith(entry) || read.length === entry.length) continue;
    if (!/[\u4e00-\u9fff]/u.test(read.slice(entry.length))) continue;
    if (best === undefined || entry.length > best.length) best = entry;
  }
  return best;
}

/** The only nearest entry at most one edit away (a known confusion for one-character entries); else `undefined`. */
function pickByEdit(read: string, entries: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const entry of entries) {
    const cost = editDistance(entry, read);
    // A one-character entry replaced by another character carries no evidence, unless it is a known confusion.
    const limit = Array.from(entry).length < 2 ? 1 - 1e-9 : 1 + 1e-9;
    if (cost > limit) continue;
    if (cost < bestCost - 1e-9) {
      best = entry;
      bestCost = cost;
      tied = false;
    } else if (Math.abs(cost - bestCost) < 1e-9) tied = true;
  }
  return tied ? undefined : best;
}
