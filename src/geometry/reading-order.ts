import type { Quad } from "../types.ts";
import { quadBounds } from "./quad.ts";

/**
 * Orders boxes as a person reads a horizontal page: rows top to bottom, and within a row left to right. A box joins
 * the current row when it overlaps the row's first box vertically by at least half of the smaller height, so a
 * slightly taller or lower neighbour (a label printed beside its value) stays in the row, while a tall box cannot
 * swallow the rows below it (the row does not grow with its members).
 *
 * @example
 * const ordered = sortReadingOrder(boxes, (box) => box.quad);
 */
export function sortReadingOrder<T>(items: readonly T[], quadOf: (item: T) => Quad): T[] {
  const entries = items.map((item) => ({ item, bounds: quadBounds(quadOf(item)) }));
  entries.sort((a, b) => a.bounds.top + a.bounds.bottom - (b.bounds.top + b.bounds.bottom));
  const rows: { top: number; bottom: number; members: typeof entries }[] = [];
  for (const entry of entries) {
    const row = rows[rows.length - 1];
    if (row && sharesRow(row, entry.bounds)) {
      row.members.push(entry);
    } else {
      rows.push({ top: entry.bounds.top, bottom: entry.bounds.bottom, members: [entry] });
    }
  }
  return rows.flatMap((row) => row.members.sort((a, b) => a.bounds.left - b.bounds.left).map((e) => e.item));
}

function sharesRow(row: { top: number; bottom: number }, box: { top: number; bottom: number }): boolean {
  const overlap = Math.min(row.bottom, box.bottom) - Math.max(row.top, box.top);
  const smaller = Math.min(row.bottom - row.top, box.bottom - box.top);
  return overlap > 0 && overlap >= smaller / 2;
}
