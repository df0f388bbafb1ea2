import { placeFromDivisions } from "./birth-place.ts";
import { fixMovedFrom } from "./moved-from.ts";
import { fixAddressPieces } from "./place-prefix.ts";
import { type PreferredPlaces, placeForms } from "./shared/divisions.ts";
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
  preferred: PreferredPlaces = new Map(),
): ValuePiece[] {
  const started = fixAddressPieces(pieces, frame, preferred);
  const read = started.map((piece) => piece.line.text.replace(/\s+/gu, "")).join("");
  if (!/^[\u4e00-\u9fff]+$/u.test(read)) return started;
  const placed = placeFromDivisions(started, field, frame, preferred);
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

/** The fields written as `<year>年<month>月由<place>迁来`. */
const MOVED_KEYS = ["immigratedToCityInfo", "immigratedToResidenceInfo"];

/**
 * Fills the resident page's `regroup`: stray marks out, then the places of birth and origin, the other address and
 * the places moved from (see {@link residentPlace}, `fixAddressPieces`, `fixMovedFrom`) put right, first each on its
 * own, then again with the places the other fields name preferred (one's 出生地 and 籍贯 are often one place, or
 * where one moved from), and the names.
 */
export function regroupResidentPlaces(fields: readonly FieldSpec[]): NonNullable<DocumentSpec["regroup"]> {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const fix = (key: string, pieces: readonly ValuePiece[], frame: PageFrame, preferred: PreferredPlaces) => {
    const field = byKey.get(key);
    if (MOVED_KEYS.includes(key)) return fixMovedFrom(pieces, frame, preferred);
    if (key === "otherResidence" || field === undefined) return fixAddressPieces(pieces, frame, preferred);
    return residentPlace(pieces, field, frame, preferred);
  };
  return (assigned, _found, frame) => {
    dropStrayMarks(assigned, WORDED_KEYS);
    const keys = ["birthPlace", "nativePlace", "otherResidence", ...MOVED_KEYS];
    const forms = new Map<string, string[]>();
    const alone = new Map<string, ValuePiece[]>();
    for (const key of keys) {
      const pieces = assigned.get(key);
      if (pieces === undefined) continue;
      const fixed = fix(key, pieces, frame, new Map());
      alone.set(key, fixed);
      const text = fixed.map((piece) => piece.line.text).join("");
      forms.set(key, placeForms(MOVED_KEYS.includes(key) ? (/由(.*)$/u.exec(text)?.[1] ?? "") : text));
    }
    for (const key of keys) {
      const pieces = assigned.get(key);
      const first = alone.get(key);
      if (pieces === undefined || first === undefined) continue;
      const preferred = new Map<string, number>();
      for (const [other, named] of forms)
        if (other !== key) for (const form of named) preferred.set(form, (preferred.get(form) ?? 0) + 1);
      // Read again only where the page names places this field does not begin with.
      const agrees = (forms.get(key) ?? []).some((form) => preferred.has(form));
      assigned.set(key, preferred.size === 0 || agrees ? first : fix(key, pieces, frame, preferred));
    }
    dropNumbersFromNames(assigned);
  };
}
