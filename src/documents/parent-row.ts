import { correctToVocabulary } from "./shared/correct-to-vocabulary.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars, sliceTextLine } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";
import { VOCABULARIES } from "./shared/vocabularies.ts";

/** The four cells of one parent's first row on the birth certificate, left to right, with their printed labels. */
export interface ParentRow {
  name: string;
  age: string;
  nationality: string;
  ethnicity: string;
}

const LABEL_FIRST = { age: "年", nationality: "国", ethnicity: "民" } as const;
const CHINESE = /[\u4e00-\u9fff]/gu;
const HAS_CHINESE = /[\u4e00-\u9fff]/u;
/** What stands in a cell of a parent not given (domain.md §2.2): `未提供`, or the strokes `///`. */
const FILLER = /^(未提供|\/+)$/u;
/** Longest nationality as printed: 中国(香港), 阿拉伯联合酋长国. */
const MAX_NATIONALITY = 10;

/**
 * Re-reads the row `母亲姓名 [ ] 年龄 [ ] 国籍 [ ] 民族 [ ]` by what its values are, where its labels do not say
 * enough: when one of the labels was not found (a value printed over it, faint print), the pieces right of the last
 * label found all went to that label — `年龄` got `30 中国`, `母亲姓名` got `王梦琪 年 中国 民版 汉族`. The values of
 * this row are of four distinct kinds, so they are told apart by kind, in order: the name first, the age a number,
 * the ethnicity an entry of the vocabulary, the nationality a short word between. A label read wrongly (`年胞26`,
 * `国箱`, `民版`) is recognised by its first character where that label was not found, and cut off.
 * Leaves the row alone when every label was found and every cell holds a value of its kind.
 */
export function regroupParentRow(
  row: ParentRow,
  assigned: Map<string, ValuePiece[]>,
  found: ReadonlySet<string>,
  frame: PageFrame,
): void {
  const keys = [row.name, row.age, row.nationality, row.ethnicity];
  const missing = keys.filter((key) => !found.has(key));
  if (missing.length === 0 && !misfits(row, assigned)) return;
  if (keys.every((key) => !found.has(key))) return;
  const left = (piece: ValuePiece) => frame.box(piece.line.quad).left;
  const pieces = keys.flatMap((key) => assigned.get(key) ?? []).sort((a, b) => left(a) - left(b));
  if (pieces.length === 0) return;
  const cells = new Map<string, ValuePiece[]>(keys.map((key) => [key, []]));
  const nationalities: ValuePiece[] = [];
  // The cell of the last piece placed, as an index into `keys`: a filler goes to the cell after it.
  let cursor = -1;
  const place = (index: number, piece: ValuePiece) => {
    const key = keys[index];
    if (key !== undefined && index > cursor) cells.get(key)?.push(piece);
    cursor = Math.max(cursor, index);
  };
  for (const [index, original] of pieces.entries()) {
    const piece = index === 0 ? original : withoutMisreadLabel(original, row, found);
    if (piece === undefined) continue;
    const text = piece.line.text.replace(/\s+/gu, "");
    const chinese = text.match(CHINESE)?.length ?? 0;
    if (FILLER.test(text)) place(cursor + 1, piece);
    else if (isAge(text)) place(1, piece);
    else if (chinese === 0) continue;
    else if (isEthnicity(text)) place(3, piece);
    else if (cursor < 0) place(0, piece);
    else if (chinese >= 2 && Array.from(text).length <= MAX_NATIONALITY && cursor < 3) {
      nationalities.push(piece);
      cursor = Math.max(cursor, 1);
    }
  }
  const nationality = nationalities.find((piece) => piece.line.text.includes("国")) ?? nationalities.at(-1);
  if (nationality) cells.get(row.nationality)?.push(nationality);
  const placed = new Set([...cells.values()].flat().map((piece) => piece.line));
  for (const key of keys) {
    const regrouped = cells.get(key) ?? [];
    // A cell whose label was found keeps what geometry gave it when reading by kind found nothing for it, unless
    // that went to another cell.
    const kept = (assigned.get(key) ?? []).filter((piece) => !placed.has(piece.line));
    assigned.set(key, regrouped.length > 0 || !found.has(key) ? regrouped : kept);
  }
}

/** Whether a cell holds a value of another cell's kind: text in the age, a number or an ethnicity elsewhere. */
function misfits(row: ParentRow, assigned: Map<string, ValuePiece[]>): boolean {
  const texts = (key: string) =>
    (assigned.get(key) ?? []).map((piece) => piece.line.text.replace(/\s+/gu, ""));
  return (
    texts(row.age).some((text) => HAS_CHINESE.test(text.replace(/岁/gu, ""))) ||
    texts(row.age).length > 1 ||
    texts(row.nationality).some((text) => isAge(text) || isEthnicity(text)) ||
    texts(row.name).length > 1
  );
}

/** A number of years, as printed (`28`, `28岁`) or with a stray mark (`[28`). */
function isAge(text: string): boolean {
  return /^\D{0,1}\d{1,3}岁?\D{0,1}$/u.test(text) && !HAS_CHINESE.test(text.replace(/岁/gu, ""));
}

function isEthnicity(text: string): boolean {
  const correction = correctToVocabulary(text, VOCABULARIES.ethnicity);
  return correction.status === "exact" || correction.status === "corrected";
}

/**
 * The piece without a misread label of this row at its start (`年胞26` → `26`, `国箱` → nothing): two characters
 * whose first is that of a label that was not found. A single character whose first is such (`年`) goes as well.
 */
function withoutMisreadLabel(
  piece: ValuePiece,
  row: ParentRow,
  found: ReadonlySet<string>,
): ValuePiece | undefined {
  const symbols = lineChars(piece.line).map((char) => char.text);
  for (const [cell, first] of Object.entries(LABEL_FIRST)) {
    if (found.has(row[cell as keyof typeof LABEL_FIRST]) || symbols[0] !== first) continue;
    const cut = symbols.length >= 2 && !/\d/u.test(symbols[1] ?? "") ? 2 : 1;
    const rest = sliceTextLine(piece.line, cut, symbols.length);
    return rest === undefined ? undefined : { ...piece, line: rest };
  }
  return piece;
}
