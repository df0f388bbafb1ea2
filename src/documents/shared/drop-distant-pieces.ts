import type { Anchor } from "./assign-pieces.ts";
import type { PageBox, PageFrame } from "./page-frame.ts";
import type { ValuePiece } from "./value-pieces.ts";

/** The widest gap, in label heights, between a free-text value's label and its first piece, or between pieces. */
const MAX_GAP = 8;
/** How many times taller or shorter than a run of the value a lone glyph must be to be foreign to it. */
const FOREIGN_HEIGHT_RATIO = 1.5;
/** Below this confidence a lone glyph of a foreign height is taken for a mark, not a character of the value. */
const FOREIGN_GLYPH_CONFIDENCE = 0.5;
/** Below this mean confidence a box of several glyphs of a foreign height is a smear read as text (a seal's rim). */
const FOREIGN_BOX_CONFIDENCE = 0.3;

/**
 * Keeps a free-text field to the text that runs on from its label: on the label's row, pieces are taken left to
 * right while each starts within {@link MAX_GAP} label heights of the label or the piece before it. What lies beyond
 * a wide empty stretch is not this value — the arc of a red seal's caption (…县公安局…分局) read on an empty
 * 何时由何地迁来 row, a stray mark at the far edge of the cell. Pieces on other rows (continuation lines) are kept.
 * On any row, a lone glyph foreign to the value's run (see {@link isForeignGlyph}) is dropped first, so it neither
 * joins the value nor bridges a gap for what lies beyond it.
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
    const distant = new Set<ValuePiece>(foreignGlyphs(boxed));
    const onRow = boxed
      .filter(({ piece }) => !distant.has(piece))
      .filter(({ box }) => Math.abs(box.centerY - label.centerY) < height && box.left > label.left)
      .sort((a, b) => a.box.left - b.box.left);
    let beyond = false;
    let reach = label.right;
    for (const { piece, box } of onRow) {
      beyond ||= box.left - reach > height * MAX_GAP;
      if (beyond) distant.add(piece);
      else reach = Math.max(reach, box.right);
    }
    if (distant.size > 0)
      assigned.set(
        key,
        pieces.filter((piece) => !distant.has(piece)),
      );
  }
}

/** A value piece with its box in page coordinates. */
interface BoxedPiece {
  piece: ValuePiece;
  box: PageBox;
}

/**
 * The pieces of one value that are foreign glyphs (see {@link isForeignGlyph}) to each of the value's runs of two
 * characters or more that are not foreign glyphs themselves. A value of lone glyphs has no run to measure against;
 * a glyph of the size of any run is kept (the 路 printed small beside 290, both squeezed into the end of a cell).
 */
function foreignGlyphs(boxed: readonly BoxedPiece[]): ValuePiece[] {
  const runs = boxed.filter((candidate) => symbolCount(candidate.piece) >= 2);
  return boxed
    .filter((glyph) => {
      const others = runs.filter((run) => run !== glyph && !isForeignGlyph(run, glyph));
      return others.length > 0 && others.every((run) => isForeignGlyph(glyph, run));
    })
    .map(({ piece }) => piece);
}

function symbolCount(piece: ValuePiece): number {
  return Array.from(piece.line.text.replace(/\s+/gu, "")).length;
}

/**
 * Whether a piece is one glyph read uncertainly whose height is far from the value's run — a character of a red
 * seal's arc or of the registrar's name stamp left after seal suppression, a speck at the page's edge read as 红 or
 * 8 — rather than a character of the value, which is printed in the run's type. A box of several glyphs is foreign
 * only when read as hardly any text at all (a seal's rim read as `WB路派山E`). Both must hold: a value's lone
 * character of the run's type (the 号 wrapped onto a line of its own) has the run's height, and a short glyph read
 * surely (一) keeps its confidence.
 */
function isForeignGlyph(glyph: BoxedPiece, run: BoxedPiece): boolean {
  const limit = symbolCount(glyph.piece) === 1 ? FOREIGN_GLYPH_CONFIDENCE : FOREIGN_BOX_CONFIDENCE;
  if (glyph.piece.line.confidence >= limit) return false;
  const ratio = glyph.box.height / run.box.height;
  return ratio >= FOREIGN_HEIGHT_RATIO || ratio <= 1 / FOREIGN_HEIGHT_RATIO;
}
