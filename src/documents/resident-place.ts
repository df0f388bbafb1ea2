import { placeFromDivisions } from "./birth-place.ts";
import { fixAddressPieces } from "./place-prefix.ts";
import type { DocumentSpec, FieldSpec } from "./shared/field-spec.ts";
import { dropNumbersFromNames } from "./shared/name-pieces.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { dropStrayMarks } from "./shared/stray-marks.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/**
 * The pieces of a resident page's 出生地 or 籍贯, which name a place of the divisions (`河南省鹤壁市淇滨区`): its
 * start put right (see `fixAddressPieces`), then, when the reading is all Chinese and one county-level place lies
 * within a few edits of it, that place (`河南省鹤市湛滨区` → `河南省鹤壁市淇滨区`). Only a place about as long as
 * the reading is taken: a value printed to the city only (`河南省鹤壁市`) is never given a county.
 */
export function residentPlace(
  pieces: readonly ValuePiece[],
  field: FieldSpec,
  frame: PageFrame,
): ValuePiece[] {
  const started = fixAddressPieces(pieces, frame);
  const read = started.map((piece) => piece.line.text.replace(/\s+/gu, "")).join("");
  if (!/^[\u4e00-\u9fff]+$/u.test(read)) return started;
  const placed = placeFromDivisions(started, field, frame);
  const [only] = placed;
  if (placed.length !== 1 || only === undefined || only.line.text === read) return started;
  const difference = Math.abs(Array.from(only.line.text).length - Array.from(read).length);
  return difference <= MAX_LENGTH_DIFFERENCE ? placed : started;
}

/** The page's values written in Chinese words, which a stray mark (`3#）`, `e`) is never part of. */
const WORDED_KEYS = [
  "birthPlace",
  "nativePlace",
  "otherResidence",
  "employer",
  "occupation",
  "immigratedToCityInfo",
  "immigratedToResidenceInfo",
];

/** How many characters a place may have that the reading lacks, or lack that it has. */
const MAX_LENGTH_DIFFERENCE = 1;

/** Fills the resident page's `regroup`: the places of birth and origin, the other address, the names, and stray marks. */
export function regroupResidentPlaces(fields: readonly FieldSpec[]): NonNullable<DocumentSpec["regroup"]> {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return (assigned, _found, frame) => {
    dropStrayMarks(assigned, WORDED_KEYS);
    for (const key of ["birthPlace", "nativePlace"]) {
      const pieces = assigned.get(key);
      const field = byKey.get(key);
      if (pieces && field) assigned.set(key, residentPlace(pieces, field, frame));
    }
    const other = assigned.get("otherResidence");
    if (other) assigned.set("otherResidence", fixAddressPieces(other, frame));
    dropNumbersFromNames(assigned);
  };
}
