import { isBoxCaption } from "./shared/box-caption.ts";
import { matchPlace, type PreferredPlaces } from "./shared/divisions.ts";
import type { FieldSpec } from "./shared/field-spec.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What a place fixed by the divisions keeps of its confidence per edit it took. */
const CONFIDENCE_PER_EDIT = 0.08;

/**
 * The pieces of 出生地点 (province, city and county boxes) as one piece naming a place of the administrative
 * divisions, when the pieces name exactly one closely (see `matchPlace`): a misread character fixed (林洲 → 株洲),
 * a box not read filled in from the others (丹东市 凤城市 → 辽宁省丹东市凤城市), boxes read out of order put in
 * order; a place other fields of the page name (`preferred`, see `placeForms`) is likelier. The captions under the
 * boxes are left out. Otherwise the pieces are returned as they are.
 */
export function placeFromDivisions(
  pieces: readonly ValuePiece[],
  field: FieldSpec,
  frame: PageFrame,
  preferred: PreferredPlaces = new Map(),
): ValuePiece[] {
  return matchBirthPlace(pieces, field, frame, preferred).pieces;
}

/**
 * {@link placeFromDivisions}, with the edits the place took (0 for one read exactly; `undefined` when the pieces
 * name no place).
 */
export function matchBirthPlace(
  pieces: readonly ValuePiece[],
  field: FieldSpec,
  frame: PageFrame,
  preferred: PreferredPlaces = new Map(),
): { pieces: ValuePiece[]; cost: number | undefined } {
  const left = (piece: ValuePiece) => frame.box(piece.line.quad).left;
  const boxes = pieces
    .filter((piece) => !isBoxCaption(piece.line.text, field))
    .sort((a, b) => left(a) - left(b));
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  if (first === undefined || last === undefined) return { pieces: [...pieces], cost: undefined };
  const place = matchPlace(
    boxes.map((piece) => ({
      text: piece.line.text,
      confidences: lineChars(piece.line).map((char) => char.confidence),
      alternatives: lineChars(piece.line).map((char) => char.alternatives),
    })),
    preferred,
  );
  const read = boxes.map((piece) => piece.line.text.replace(/\s+/gu, "")).join("");
  if (place === undefined) return { pieces: [...pieces], cost: undefined };
  if (place.value === read) return { pieces: boxes, cost: 0 };
  const chars = boxes.flatMap((piece) => lineChars(piece.line));
  const mean = chars.reduce((sum, char) => sum + char.confidence, 0) / Math.max(chars.length, 1);
  const confidence = Math.max(0.3, mean * (1 - CONFIDENCE_PER_EDIT * place.cost));
  const symbols = Array.from(place.value);
  const line = {
    text: place.value,
    confidence,
    quad: [first.line.quad[0], last.line.quad[1], last.line.quad[2], first.line.quad[3]] as const,
    detectionScore: first.line.detectionScore,
    chars: symbols.map((text, index) => ({
      text,
      confidence,
      start: index / symbols.length,
      end: (index + 1) / symbols.length,
      alternatives: [{ text, probability: confidence }],
    })),
  };
  return {
    pieces: [
      { line: { ...line, quad: [...line.quad] as typeof first.line.quad }, lineIndex: first.lineIndex },
    ],
    cost: place.cost,
  };
}
