import type { DocumentType } from "../../src/types.ts";

/** The document types, in the order the report lists them. */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  "household-head",
  "household-resident",
  "birth-certificate",
];

/** The difficulty tiers of the synthetic set, in the order the report lists them. */
export const TIERS: readonly string[] = ["clean", "moderate", "hard"];

/**
 * The distinct values in the order of `known`, any others after them in order of first appearance, so a report's
 * rows never shuffle between runs and a tier the generator adds later still shows.
 */
export function inKnownOrder(values: readonly string[], known: readonly string[]): string[] {
  const distinct = [...new Set(values)];
  const rank = (value: string): number => {
    const index = known.indexOf(value);
    return index === -1 ? known.length + distinct.indexOf(value) : index;
  };
  return distinct.sort((a, b) => rank(a) - rank(b));
}
