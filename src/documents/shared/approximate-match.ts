import { substitutionCost } from "./confusable-chars.ts";

/** Where a pattern best occurs inside a text, allowing edits. */
export interface ApproximateMatch {
  /** First matched symbol of the text (index into the symbol array). */
  start: number;
  /** One past the last matched symbol. */
  end: number;
  /** Edit cost of the match (see `editDistance`). */
  cost: number;
}

/**
 * The best occurrence of `pattern` in `text` (both arrays of single symbols), by semi-global alignment: the match
 * may begin and end anywhere in the text, and costs insertions, deletions and substitutions as `editDistance` does.
 * Ties go to the earliest, then the longest, occurrence — labels usually begin their line.
 * Returns `undefined` when the best cost exceeds `maxCost`.
 */
export function findApproximate(
  pattern: readonly string[],
  text: readonly string[],
  maxCost: number,
): ApproximateMatch | undefined {
  const rows = pattern.length;
  const columns = text.length;
  // cost[j]: best cost of matching pattern[0..i) ending at text position j; origin[j]: where that match began. Two
  // rows kept, swapped each step (this runs for every label wording against every line).
  let cost = new Float64Array(columns + 1);
  let origin = new Int32Array(columns + 1);
  for (let j = 0; j <= columns; j++) origin[j] = j;
  let nextCost = new Float64Array(columns + 1);
  let nextOrigin = new Int32Array(columns + 1);
  for (let i = 1; i <= rows; i++) {
    const symbol = pattern[i - 1] ?? "";
    nextCost[0] = i;
    nextOrigin[0] = 0;
    for (let j = 1; j <= columns; j++) {
      // Substitution first, then deletion, then insertion: a later option wins only when clearly cheaper.
      let bestCost = (cost[j - 1] as number) + substitutionCost(symbol, text[j - 1] ?? "");
      let bestOrigin = origin[j - 1] as number;
      const deletion = (cost[j] as number) + 1;
      if (deletion < bestCost - 1e-9) {
        bestCost = deletion;
        bestOrigin = origin[j] as number;
      }
      const insertion = (nextCost[j - 1] as number) + 1;
      if (insertion < bestCost - 1e-9) {
        bestCost = insertion;
        bestOrigin = nextOrigin[j - 1] as number;
      }
      nextCost[j] = bestCost;
      nextOrigin[j] = bestOrigin;
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let found: ApproximateMatch | undefined;
  for (let j = 0; j <= text.length; j++) {
    const matchCost = cost[j] ?? Number.POSITIVE_INFINITY;
    const start = origin[j] ?? j;
    if (j === start && rows > 0) continue;
    if (matchCost > maxCost + 1e-9) continue;
    if (found === undefined || matchCost < found.cost - 1e-9) found = { start, end: j, cost: matchCost };
    else if (Math.abs(matchCost - found.cost) < 1e-9 && start === found.start) found.end = j;
  }
  return found;
}
