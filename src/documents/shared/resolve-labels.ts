import type { DocumentSpec } from "./field-spec.ts";
import { fieldKeysOfLabel } from "./field-spec.ts";
import type { LabelMatch } from "./label-matcher.ts";
import type { PageFrame } from "./page-frame.ts";

/**
 * Decides which found label stands for which field. A wording printed once per field is taken where it is found
 * best and highest on the page (a 副页 below the 正页 repeats labels). A wording shared by several fields (the
 * certificate's 年龄, 民族, 住址 for mother and father) goes to the field whose row-mates were found on the same row,
 * or else by order from the top.
 */
export function resolveLabels(
  spec: DocumentSpec,
  matches: readonly LabelMatch[],
  frame: PageFrame,
): Map<string, LabelMatch> {
  const groups = new Map<string, LabelMatch[]>();
  for (const match of matches) groups.set(match.key, [...(groups.get(match.key) ?? []), match]);
  const resolved = new Map<string, LabelMatch>();
  const shared: [string[], LabelMatch[]][] = [];
  for (const [labelKey, group] of groups) {
    const keys = fieldKeysOfLabel(spec, labelKey);
    const ordered = group
      .filter((match) => !match.english || !group.some((other) => !other.english))
      .sort((a, b) => b.score - a.score || frame.box(a.quad).centerY - frame.box(b.quad).centerY);
    if (keys.length === 1) {
      const best = ordered.filter((match) => match.score >= (ordered[0]?.score ?? 0) - 0.2);
      best.sort((a, b) => frame.box(a.quad).centerY - frame.box(b.quad).centerY);
      const chosen = best[0] && !best[0].atLineStart ? labelOfRow(best[0], best, frame) : best[0];
      if (chosen && keys[0]) resolved.set(keys[0], chosen);
    } else {
      shared.push([keys, ordered]);
    }
  }
  for (const [keys, group] of shared) resolveShared(spec, keys, group, resolved, frame);
  return resolved;
}

/**
 * Of matches on the same row as `first`, one that starts its box: the label itself rather than its wording inside the
 * value beside it (宗教信仰 | 无宗教信仰, the value's box a little higher).
 */
function labelOfRow(first: LabelMatch, candidates: readonly LabelMatch[], frame: PageFrame): LabelMatch {
  const box = frame.box(first.quad);
  const startsBox = candidates.find(
    (other) => other.atLineStart && Math.abs(frame.box(other.quad).centerY - box.centerY) < box.height,
  );
  return startsBox ?? first;
}

function resolveShared(
  spec: DocumentSpec,
  keys: readonly string[],
  group: readonly LabelMatch[],
  resolved: Map<string, LabelMatch>,
  frame: PageFrame,
): void {
  const free = [...group].sort((a, b) => frame.box(a.quad).centerY - frame.box(b.quad).centerY);
  const pending: string[] = [];
  for (const key of keys) {
    const anchor = rowMateOf(spec, key, resolved);
    if (anchor === undefined) {
      pending.push(key);
      continue;
    }
    const anchorBox = frame.box(anchor.quad);
    let best = -1;
    let bestDistance = anchorBox.height * 1.2;
    free.forEach((match, index) => {
      const distance = Math.abs(frame.box(match.quad).centerY - anchorBox.centerY);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    });
    const chosen = free[best];
    if (chosen) {
      resolved.set(key, chosen);
      free.splice(best, 1);
    } else pending.push(key);
  }
  for (const key of pending) {
    // The topmost free match between the rows found above and below the field's own, in the layout's order.
    const { above, below } = neighbourRows(spec, key, resolved, frame);
    const index = free.findIndex((match) => {
      const y = frame.box(match.quad).centerY;
      return y > above && y < below;
    });
    const match = free[index];
    if (match) {
      resolved.set(key, match);
      free.splice(index, 1);
    }
  }
}

/** The centres of the nearest rows above and below a field's row in the layout that have a label found. */
function neighbourRows(
  spec: DocumentSpec,
  key: string,
  resolved: Map<string, LabelMatch>,
  frame: PageFrame,
): { above: number; below: number } {
  const rowIndex = spec.layout.findIndex((keys) => keys.includes(key));
  const centreOf = (row: readonly string[] | undefined) => {
    const found = (row ?? []).flatMap((mate) => {
      const match = resolved.get(mate);
      return match ? [frame.box(match.quad).centerY] : [];
    });
    return found.length ? found.reduce((sum, y) => sum + y, 0) / found.length : undefined;
  };
  let above = Number.NEGATIVE_INFINITY;
  let below = Number.POSITIVE_INFINITY;
  if (rowIndex === -1) return { above, below };
  for (let index = rowIndex - 1; index >= 0 && above === Number.NEGATIVE_INFINITY; index--) {
    above = centreOf(spec.layout[index]) ?? above;
  }
  for (let index = rowIndex + 1; index < spec.layout.length && below === Number.POSITIVE_INFINITY; index++) {
    below = centreOf(spec.layout[index]) ?? below;
  }
  return { above, below };
}

/** A resolved label of another field on the same printed row as `key`. */
function rowMateOf(
  spec: DocumentSpec,
  key: string,
  resolved: Map<string, LabelMatch>,
): LabelMatch | undefined {
  const row = spec.layout.find((keys) => keys.includes(key));
  for (const mate of row ?? []) {
    const match = mate === key ? undefined : resolved.get(mate);
    if (match) return match;
  }
  return undefined;
}

/**
 * The matches that are really text of a value: a label's wording found again (fuzzily, or inside a box after other
 * text) where a better match of the same label was chosen — 出生 read as a weak 出生地, the 宗教信仰 of a religion
 * value 无宗教信仰. They are not cut out of their lines. An exact repeat at the start of a box (a 副页's label) stays
 * a label.
 */
export function valueLikeMatches(
  matches: readonly LabelMatch[],
  resolved: ReadonlyMap<string, LabelMatch>,
): Set<LabelMatch> {
  const chosen = new Set(resolved.values());
  const valueLike = new Set<LabelMatch>();
  for (const match of matches) {
    // English is a caption printed with the Chinese label, never a value.
    if (chosen.has(match) || match.english) continue;
    const better = [...chosen].some(
      (other) =>
        other.key === match.key && (other.score > match.score || (other.atLineStart && !match.atLineStart)),
    );
    if (better) valueLike.add(match);
  }
  return valueLike;
}
