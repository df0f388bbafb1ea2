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
      if (best[0] && keys[0]) resolved.set(keys[0], best[0]);
    } else {
      shared.push([keys, ordered]);
    }
  }
  for (const [keys, group] of shared) resolveShared(spec, keys, group, resolved, frame);
  return resolved;
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
  pending.forEach((key, index) => {
    const match = free[index];
    if (match) resolved.set(key, match);
  });
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
