import type { Anchor } from "./assign-pieces.ts";
import type { PageFrame } from "./page-frame.ts";
import type { ValuePiece } from "./value-pieces.ts";

/**
 * Drops the pieces given to a field that end before its label does, on the label's row or above it: a value is
 * written after its label, so what lies within or before the label is a mark on the form (a speck in the gap of the
 * spaced label 户  号, or just above it, read as o, p or 0, which made 296400867 read 0296400867). Pieces below the
 * label's row (a value's continuation lines), fields whose value is written under the label (`valueBelow`) and
 * fields whose label was placed by the grid rather than read are left alone. Changes `assigned` in place.
 */
export function dropPiecesBeforeLabels(
  assigned: Map<string, ValuePiece[]>,
  anchors: readonly Anchor[],
  frame: PageFrame,
  valueBelow: (key: string) => boolean,
): void {
  for (const [key, pieces] of assigned) {
    const anchor = anchors.find((candidate) => candidate.key === key);
    // A label placed by the grid (no line read it) stands for its whole cell, not for the printed words.
    if (anchor === undefined || anchor.match.lineIndex < 0 || valueBelow(key)) continue;
    const { box: label } = anchor;
    const kept = pieces.filter((piece) => {
      const box = frame.box(piece.line.quad);
      // On the label's row or above it: a value's continuation lines, below, start back at the left.
      return !(box.centerY < label.bottom && box.right <= label.right);
    });
    if (kept.length < pieces.length) assigned.set(key, kept);
  }
}
