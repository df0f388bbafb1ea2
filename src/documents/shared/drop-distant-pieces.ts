import type { Anchor } from "./assign-pieces.ts";
import type { PageFrame } from "./page-frame.ts";
import type { ValuePiece } from "./value-pieces.ts";

/** The widest gap, in label heights, between a free-text value's label and its first piece, or between pieces. */
const MAX_GAP = 8;

/**
 * Keeps a free-text field to the text that runs on from its label: on the label's row, pieces are taken left to
 * right while each starts within {@link MAX_GAP} label heights of the label or the piece before it. What lies beyond
 * a wide empty stretch is not this value — the arc of a red seal's caption (…县公安局…分局) read on an empty
 * 何时由何地迁来 row, a stray mark at the far edge of the cell. Pieces on other rows (continuation lines) are kept.
 */
export function dropDistantPieces(
  assigned: Map<string, ValuePiece[]>,
  anchors: readonly Anchor[],
  frame: PageFrame,
  freeText: (key: string) => boolean,
): void {
  // One height for the page: a label read as a single small character (住) must not shrink the allowed gap.
  const heights = anchors.map((anchor) => anchor.box.height).sort((a, b) => a - b);
  const height = heights[heights.length >> 1] ?? 0;
  for (const [key, pieces] of assigned) {
    const anchor = anchors.find((candidate) => candidate.key === key);
    if (!freeText(key) || anchor === undefined) continue;
    const { box: label } = anchor;
    const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
    const onRow = boxed
      .filter(({ box }) => Math.abs(box.centerY - label.centerY) < height && box.left > label.left)
      .sort((a, b) => a.box.left - b.box.left);
    const distant = new Set<ValuePiece>();
    let reach = label.right;
    for (const { piece, box } of onRow) {
      if (distant.size > 0 || box.left - reach > height * MAX_GAP) distant.add(piece);
      else reach = Math.max(reach, box.right);
    }
    if (distant.size > 0)
      assigned.set(
        key,
        pieces.filter((piece) => !distant.has(piece)),
      );
  }
}
