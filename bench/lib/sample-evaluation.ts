import type { RecognitionResult } from "../../src/types.ts";
import { compareValues } from "./compare-values.ts";
import { characterAccuracy } from "./edit-distance.ts";
import type { SampleLabel } from "./labels.ts";
import { CORNER_TOLERANCE, cornerError, nearestQuarterTurn, sliceRectCorners } from "./page-geometry.ts";

/** What the recognizer did with one image: its result, or the error it raised, and how long it took. */
export interface SampleOutcome {
  label: SampleLabel;
  /** Absent when the recognizer failed. */
  result?: RecognitionResult;
  /** The failure's message (with its code where it has one). */
  error?: string;
  /** Wall time from image bytes to result, in milliseconds. */
  timeMs: number;
}

/** The verdict on one field of one image. */
export interface FieldEvaluation {
  key: string;
  /** The true value as labelled. */
  expected: string;
  /** The recognised value as returned (`""` when the key was missing or the recognizer failed). */
  got: string;
  /** True when the true value is empty: then only an empty answer is right. */
  blank: boolean;
  match: boolean;
  /** 1 − edit distance / length over the comparison forms; for a blank field 1 or 0. */
  characterAccuracy: number;
  /** Length of the true value's comparison form, in characters: the weight of `characterAccuracy`. */
  length: number;
  /** The answer's `valueProb` from `prism_keyValueInfo`, when the result gave one for this key. */
  valueProb?: number;
}

/** The verdict on one image. */
export interface SampleEvaluation {
  file: string;
  type: SampleLabel["type"];
  tier: string;
  /** Names of what was done to the image (`blur`, `jpeg`, …), from the label's `degradations`. */
  degradations: string[];
  failed: boolean;
  error?: string;
  /** True when every field of the label is blank: a blank form, where any answer is invented. */
  blankForm: boolean;
  fields: FieldEvaluation[];
  /** Keys of the type that the result left out (api.md: every key is always present). */
  missingKeys: string[];
  /** Largest corner distance / document diagonal; infinite when the recognizer failed. */
  cornerError: number;
  cornerWithinTolerance: boolean;
  angleCorrect: boolean;
  ftypeCorrect: boolean;
  timeMs: number;
}

function evaluateField(key: string, expected: string, got: string): FieldEvaluation {
  const comparison = compareValues(key, expected, got);
  const blank = comparison.expected === "";
  const length = Array.from(comparison.expected).length;
  const accuracy = blank ? Number(comparison.match) : characterAccuracy(comparison.expected, comparison.got);
  return { key, expected, got, blank, match: comparison.match, characterAccuracy: accuracy, length };
}

/**
 * The distinct names of a label's degradations: the generator writes them as `name:parameters` strings
 * (`blur:1.20`); objects with a `name` or `kind` are read too, anything else is ignored.
 */
export function degradationNames(degradations: unknown): string[] {
  if (!Array.isArray(degradations)) return [];
  const names = degradations.map((item: unknown) => {
    if (typeof item === "string") return item.split(":")[0]?.trim() ?? "";
    if (item && typeof item === "object") {
      const { name, kind } = item as { name?: unknown; kind?: unknown };
      return typeof name === "string" ? name : typeof kind === "string" ? kind : "";
    }
    return "";
  });
  return [...new Set(names.filter((name) => name !== ""))];
}

/**
 * Scores one image against its label. A failed recognition scores every field wrong, blank ones included: an
 * error must never look better than an answer.
 */
export function evaluateSample(outcome: SampleOutcome): SampleEvaluation {
  const { label, result } = outcome;
  const degradations = degradationNames(label.degradations);
  const blankForm = Object.values(label.fields).every((value) => value.trim() === "");
  const base = {
    file: label.file,
    type: label.type,
    tier: label.tier,
    degradations,
    blankForm,
    timeMs: outcome.timeMs,
  };
  if (!result) {
    const fields = Object.entries(label.fields).map(([key, expected]) => ({
      ...evaluateField(key, expected, ""),
      match: false,
      characterAccuracy: 0,
    }));
    const failure = { cornerError: Number.POSITIVE_INFINITY, cornerWithinTolerance: false };
    const error = outcome.error ?? "no result";
    return {
      ...base,
      ...failure,
      failed: true,
      error,
      fields,
      missingKeys: [],
      angleCorrect: false,
      ftypeCorrect: false,
    };
  }
  const data = result.data ?? {};
  const probabilities = new Map((result.prism_keyValueInfo ?? []).map((info) => [info.key, info.valueProb]));
  const fields = Object.entries(label.fields).map(([key, expected]) => {
    const field = evaluateField(key, expected, data[key] ?? "");
    const valueProb = probabilities.get(key);
    return valueProb === undefined ? field : { ...field, valueProb };
  });
  const missingKeys = Object.keys(label.fields).filter((key) => typeof data[key] !== "string");
  // A result without a sliceRect breaks the api.md shape: score it as a page not found rather than crash the run.
  const error = result.sliceRect
    ? cornerError(label.corners, sliceRectCorners(result.sliceRect))
    : Number.POSITIVE_INFINITY;
  return {
    ...base,
    failed: false,
    fields,
    missingKeys,
    cornerError: error,
    cornerWithinTolerance: error <= CORNER_TOLERANCE,
    angleCorrect: nearestQuarterTurn(result.angle) === nearestQuarterTurn(label.rotation),
    ftypeCorrect: result.ftype === label.ftype,
  };
}
