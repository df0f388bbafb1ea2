import { correctToVocabulary } from "./shared/correct-to-vocabulary.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars, sliceTextLine } from "./shared/slice-text-line.ts";
import { isCommonSurname, isCompoundSurname } from "./shared/surnames.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";
import type { TextLine } from "../types.ts";
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
  // Each piece as read, and the line it was cut from (a piece split or cut of a misread label is still that line).
  const origin = new Map<TextLine, TextLine>();
  const pieces = keys
    .flatMap((key) => assigned.get(key) ?? [])
    .sort((a, b) => left(a) - left(b))
    .flatMap((piece) => {
      const parts = splitAcrossCells(piece);
      for (const part of parts) origin.set(part.line, piece.line);
      return parts;
    });
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
    origin.set(piece.line, origin.get(original.line) ?? original.line);
    const text = piece.line.text.replace(/\s+/gu, "");
    const chinese = text.match(CHINESE)?.length ?? 0;
    if (FILLER.test(text)) place(cursor + 1, piece);
    else if (isAge(text)) place(1, piece);
    else if (chinese === 0) continue;
    else if (isEthnicity(text)) place(3, piece);
    else if (cursor < 0) place(0, piece);
    else if (cursor === 0 && isStray(cells.get(row.name) ?? []) && isNameLike(text)) {
      // A mark under the label (a smear, the caption's remnant) was taken for the name the cell holds after it.
      cells.set(row.name, [piece]);
    } else if (chinese >= 2 && Array.from(text).length <= MAX_NATIONALITY && cursor < 3) {
      nationalities.push(piece);
      cursor = Math.max(cursor, 1);
    }
  }
  const nationality = nationalities.find((piece) => piece.line.text.includes("国")) ?? nationalities.at(-1);
  if (nationality) cells.get(row.nationality)?.push(nationality);
  const placed = new Set([...cells.values()].flat().map((piece) => origin.get(piece.line) ?? piece.line));
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

/** Whether the pieces placed as a name are no name: one Chinese character at most (`版`, a speck read). */
function isStray(pieces: readonly ValuePiece[]): boolean {
  return pieces.reduce((sum, piece) => sum + (piece.line.text.match(CHINESE)?.length ?? 0), 0) <= 1;
}

/** Whether a text reads as a person's name: two to four Chinese characters after a surname, no nationality. */
function isNameLike(text: string): boolean {
  const symbols = Array.from(text);
  if (symbols.length < 2 || symbols.length > 4 || !symbols.every((symbol) => HAS_CHINESE.test(symbol)))
    return false;
  if (VOCABULARIES.nationality.entries.includes(text)) return false;
  return (
    isCommonSurname(symbols[0] as string) || isCompoundSurname(symbols.map((symbol) => ({ text: symbol })))
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

/** A piece beginning with an age (after at most one character: the end of 年龄, misread), and what follows it. */
const AGE_FIRST = /^(\p{Script=Han}?)(\d{1,3}岁?)(?!\d)/u;

/**
 * A piece read across the rulings between the row's cells as the values it holds, cut by their characters'
 * positions: `32国中国` (the age, then 国籍 with its 籍 lost, and the nationality) gives `32` and `国中国`;
 * `静31国中国民成` gives `31`, `国`, `中国` and `民成`. One character before an age is the end of its label and is
 * dropped; a nationality of the vocabulary followed by 民 (the ethnicity's label) is cut from it and from what
 * precedes it. Misread labels left at a part's start are cut later (see {@link withoutMisreadLabel}). Other pieces
 * are given back as they are.
 */
function splitAcrossCells(piece: ValuePiece): ValuePiece[] {
  const symbols = lineChars(piece.line).map((char) => char.text);
  const text = symbols.join("");
  const cuts = new Set<number>();
  let from = 0;
  const age = AGE_FIRST.exec(text);
  if (age !== null) {
    const lead = Array.from(age[1] ?? "").length;
    from = lead + Array.from(age[2] ?? "").length;
    if (from < symbols.length && HAS_CHINESE.test(symbols.slice(from).join(""))) cuts.add(lead).add(from);
  }
  const rest = symbols.slice(from).join("");
  for (const entry of NATIONALITIES) {
    const at = rest.indexOf(`${entry}民`);
    if (at < 0) continue;
    const start = from + Array.from(rest.slice(0, at)).length;
    cuts.add(start).add(start + Array.from(entry).length);
    break;
  }
  if (cuts.size === 0) return [piece];
  const bounds = [...new Set([0, ...cuts, symbols.length])].sort((a, b) => a - b);
  const parts: ValuePiece[] = [];
  bounds.slice(1).forEach((end, k) => {
    const start = bounds[k] as number;
    // The character before the age is its label's end: dropped.
    if (age !== null && start === 0 && end === Array.from(age[1] ?? "").length) return;
    const line = end > start ? sliceTextLine(piece.line, start, end) : undefined;
    if (line !== undefined) parts.push({ ...piece, line });
  });
  return parts.length > 0 ? parts : [piece];
}

/** The nationalities of the vocabulary of two characters or more, longest first. */
const NATIONALITIES = VOCABULARIES.nationality.entries
  .filter((entry) => Array.from(entry).length >= 2)
  .sort((a, b) => Array.from(b).length - Array.from(a).length);

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
    const cut = symbols.length >= 2 && !/\d/u.test(symbols[1] ?? "") && !valueFollows(cell, symbols) ? 2 : 1;
    const rest = sliceTextLine(piece.line, cut, symbols.length);
    return rest === undefined ? undefined : { ...piece, line: rest };
  }
  return piece;
}

/**
 * Whether a nationality of the vocabulary begins right after the label's first character (`国中国`: the label read
 * as 国 alone, its 籍 lost), so only that one character is the label's.
 */
function valueFollows(cell: string, symbols: readonly string[]): boolean {
  if (cell !== "nationality") return false;
  const rest = symbols.slice(1).join("");
  const afterTwo = symbols.slice(2).join("");
  const starts = (text: string) =>
    VOCABULARIES.nationality.entries.some((entry) => Array.from(entry).length >= 2 && text.startsWith(entry));
  return starts(rest) && !starts(afterTwo);
}
