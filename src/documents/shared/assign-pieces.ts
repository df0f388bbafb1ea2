import type { LabelMatch } from "./label-matcher.ts";
import type { PageBox, PageFrame } from "./page-frame.ts";
import type { ValuePiece } from "./value-pieces.ts";
import { median } from "./median.ts";

/** A resolved label: the field it stands for and its box in page coordinates. */
export interface Anchor {
  key: string;
  match: LabelMatch;
  box: PageBox;
}

/** How a field's value sits: over several printed lines (addresses), or under its label (a number's box). */
export interface FieldPlacement {
  multiLine(key: string): boolean;
  valueBelow(key: string): boolean;
}

/**
 * Gives each value piece to the field whose cell it belongs to, in page coordinates:
 * - a piece the detector merged with its label belongs to that label;
 * - otherwise to the nearest label on its left on the same row, after taking out the printer's misregistration —
 *   one shift of the whole print against the form, estimated as the median offset of pieces from their rows;
 * - a piece on no label's row continues the multi-line field right above it.
 * Pieces merged with a label that stands for no field (a 副页's repeat) are dropped.
 */
export function assignPieces(
  pieces: readonly ValuePiece[],
  anchors: readonly Anchor[],
  frame: PageFrame,
  placement: FieldPlacement,
): Map<string, ValuePiece[]> {
  const assigned = new Map<string, ValuePiece[]>();
  if (anchors.length === 0) return assigned;
  const rowHeight = median(anchors.map((anchor) => anchor.box.height));
  const pitch = rowPitch(anchors, rowHeight);
  const shift = estimateShift(pieces, anchors, frame, pitch);
  const leftover: ValuePiece[] = [];
  const below = piecesBelowLabels(pieces, anchors, frame, placement);
  for (const [key, piece] of below) assigned.set(key, [piece]);
  const taken = new Set(below.values());
  for (const piece of pieces) {
    if (taken.has(piece)) continue;
    // An English caption read on the value's line, its field's label found elsewhere in Chinese (`Age33` under
    // 年龄), is no anchor: the piece is placed by where it stands, as if read alone.
    const byLabel = piece.afterLabel && anchors.find((anchor) => anchor.match === piece.afterLabel)?.key;
    const byCaption = piece.afterLabel?.english === true && byLabel === undefined;
    const key =
      piece.afterLabel && !byCaption
        ? byLabel
        : sameRowAnchor(frame.box(piece.line.quad), anchors, shift, pitch)?.key;
    if (key !== undefined) assigned.set(key, [...(assigned.get(key) ?? []), piece]);
    else if (!piece.afterLabel || byCaption) leftover.push(piece);
  }
  const boxOf = (piece: ValuePiece) => frame.box(piece.line.quad);
  leftover.sort((a, b) => boxOf(a).centerY - boxOf(b).centerY);
  for (const piece of leftover) {
    const key = continuedField(boxOf(piece), assigned, anchors, boxOf, pitch, placement.multiLine);
    if (key !== undefined) assigned.get(key)?.push(piece);
  }
  return assigned;
}

/** For fields printed under their label, the free-standing piece nearest below it and overlapping it sideways. */
function piecesBelowLabels(
  pieces: readonly ValuePiece[],
  anchors: readonly Anchor[],
  frame: PageFrame,
  placement: FieldPlacement,
): Map<string, ValuePiece> {
  const found = new Map<string, ValuePiece>();
  for (const anchor of anchors) {
    if (!placement.valueBelow(anchor.key)) continue;
    const { box } = anchor;
    let best: ValuePiece | undefined;
    let bestGap = box.height * 4;
    for (const piece of pieces) {
      if (piece.afterLabel) continue;
      const other = frame.box(piece.line.quad);
      const gap = other.centerY - box.bottom;
      const overlaps = other.right > box.left - box.height && other.left < box.right + box.height;
      if (gap > 0 && gap < bestGap && overlaps) {
        bestGap = gap;
        best = piece;
      }
    }
    if (best) found.set(anchor.key, best);
  }
  return found;
}

/**
 * The label a piece belongs to on its row: among labels left of it and within half a row, those on the row nearest
 * to it (a third of a line height of slack), and of these the one closest on its left.
 */
function sameRowAnchor(
  box: PageBox,
  anchors: readonly Anchor[],
  shift: number,
  pitch: number,
): Anchor | undefined {
  const candidates = anchors
    .map((anchor) => ({ anchor, dy: Math.abs(box.centerY - shift - anchor.box.centerY) }))
    .filter(({ anchor, dy }) => dy <= pitch * 0.5 && anchor.box.centerX <= box.centerX);
  if (candidates.length === 0) return undefined;
  const nearest = Math.min(...candidates.map(({ dy }) => dy));
  const onRow = candidates.filter(({ anchor, dy }) => dy <= nearest + anchor.box.height * 0.35);
  onRow.sort((a, b) => b.anchor.box.right - a.anchor.box.right);
  return onRow[0]?.anchor;
}

/** The median vertical offset of free-standing pieces from the label rows nearest on their left. */
function estimateShift(
  pieces: readonly ValuePiece[],
  anchors: readonly Anchor[],
  frame: PageFrame,
  pitch: number,
): number {
  const offsets: number[] = [];
  for (const piece of pieces) {
    if (piece.afterLabel) continue;
    const box = frame.box(piece.line.quad);
    const anchor = sameRowAnchor(box, anchors, 0, pitch * 1.6);
    if (anchor) offsets.push(box.centerY - anchor.box.centerY);
  }
  if (offsets.length < 3) return 0;
  const shift = median(offsets);
  return Math.max(-pitch * 0.45, Math.min(pitch * 0.45, shift));
}

/** The multi-line field whose last piece sits right above `box`, with no label row in between. */
function continuedField(
  box: PageBox,
  assigned: Map<string, ValuePiece[]>,
  anchors: readonly Anchor[],
  boxOf: (piece: ValuePiece) => PageBox,
  pitch: number,
  multiLine: (key: string) => boolean,
): string | undefined {
  let bestKey: string | undefined;
  let bestGap = pitch * 0.9;
  for (const [key, pieces] of assigned) {
    const anchor = anchors.find((candidate) => candidate.key === key);
    if (!multiLine(key) || anchor === undefined || anchor.box.centerX > box.centerX) continue;
    const above = boxOf(pieces[pieces.length - 1] as ValuePiece);
    const gap = box.centerY - above.centerY;
    const overlaps = box.left < above.right && box.right > anchor.box.right - anchor.box.height;
    const labelBetween = anchors.some(
      (other) =>
        other.box.centerY > above.bottom && other.box.centerY < box.top && other.box.left < box.right,
    );
    if (gap > 0 && gap < bestGap && overlaps && !labelBetween) {
      bestGap = gap;
      bestKey = key;
    }
  }
  return bestKey;
}

/** The typical distance between printed label rows. */
function rowPitch(anchors: readonly Anchor[], rowHeight: number): number {
  const centres = anchors.map((anchor) => anchor.box.centerY).sort((a, b) => a - b);
  const rows: number[] = [];
  for (const centre of centres) {
    const last = rows[rows.length - 1];
    if (last === undefined || centre - last > rowHeight * 0.6) rows.push(centre);
  }
  const gaps = rows
    .slice(1)
    .map((row, index) => row - (rows[index] as number))
    .sort((a, b) => a - b);
  // The lower quartile: a form's rows are mostly evenly spaced, but a few wide gaps (the seal area of the
  // householder page) must not make the rows look further apart than they are.
  const typical = gaps[Math.floor((gaps.length - 1) / 4)];
  return typical === undefined ? rowHeight * 2.2 : Math.max(typical, rowHeight * 1.2);
}
