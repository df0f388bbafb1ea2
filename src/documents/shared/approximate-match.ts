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
  // cost[i][j]: best cost of matching pattern[0..i) ending at text position j; origin[i][j]: where that match began.
  let cost = Array.from({ length: text.length + 1 }, () => 0);
  let origin = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= rows; i++) {
    const nextCost = [i];
    const nextOrigin = [0];
    for (let j = 1; j <= text.length; j++) {
      const options: [number, number][] = [
        [(cost[j - 1] ?? 0) + substitutionCost(pattern[i - 1] ?? "", text[j - 1] ?? ""), origin[j - 1] ?? 0],
        [(cost[j] ?? 0) + 1, origin[j] ?? 0],
        [(nextCost[j - 1] ?? 0) + 1, nextOrigin[j - 1] ?? 0],
      ];
      let best = options[0] as [number, number];
      for (const option of options) if (option[0] < best[0] - 1e-9) best = option;
      nextCost.push(best[0]);
      nextOrigin.push(best[1]);
    }
    cost = nextCost;
    origin = nextOrigin;
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
