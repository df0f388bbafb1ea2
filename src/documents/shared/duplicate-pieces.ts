import type { PageBox } from "./page-frame.ts";

/**
 * A piece is a duplicate when at least this share of its width lies inside another piece's box (a character the
 * longer box cut at its end is boxed again whole, reaching past it).
 */
const COVERED = 0.5;
/** ... and at least this share of the lower one's height overlaps it (the two share a row). */
const SAME_ROW = 0.5;

/**
 * The pieces of a field without the ones the detector boxed twice: a short box lying within a longer box of the
 * same field, on its row, over the end the longer box's reading ends (or begins) with the short one's text: the
 * last 员 of 办事人员和有关人员, cut by the long box's end and boxed again whole on its own, gave 办事人员和有关人员员.
 * Two boxes side by side, or one reading what the other does not, both stay.
 *
 * @example
 * withoutDuplicatePieces([{ text: "办事人员和有关人员", box: long }, { text: "员", box: insideLongEnd }]);
 * // → only the first
 */
export function withoutDuplicatePieces<T extends { text: string; box: PageBox }>(pieces: readonly T[]): T[] {
  const dropped = new Set<number>();
  pieces.forEach((piece, i) => {
    const width = piece.box.right - piece.box.left;
    if (!(width > 0) || piece.text.trim() === "") return;
    const holder = pieces.findIndex((other, j) => {
      if (j === i || dropped.has(j) || other.text.length <= piece.text.length) return false;
      // The longer box reads the piece's text at the end the piece lies at.
      const atRight = piece.box.centerX > other.box.centerX;
      if (atRight ? !other.text.endsWith(piece.text) : !other.text.startsWith(piece.text)) return false;
      const across = Math.min(piece.box.right, other.box.right) - Math.max(piece.box.left, other.box.left);
      const down = Math.min(piece.box.bottom, other.box.bottom) - Math.max(piece.box.top, other.box.top);
      const lower = Math.min(piece.box.bottom - piece.box.top, other.box.bottom - other.box.top);
      return across >= COVERED * width && down >= SAME_ROW * lower;
    });
    if (holder >= 0) dropped.add(i);
  });
  return pieces.filter((_, i) => !dropped.has(i));
}
