import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars, sliceTextLine } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** A date's last unit read after its day's digits (日, or 曰 as it is often read). */
const DAY_END = /\d\s*[日曰]/u;
/** The number's form: one capital letter and at least eight digits (one may be lost or read as a letter). */
const NUMBER_START = /[A-Z]\d{8,}/u;
/** A caption printed over or before the number: 出生证编号 / 出生医学证明编号, or its English (Certificate No.). */
const CAPTION_START = /编号|证编|[A-Za-z]{4,}/u;
/** A piece read on its own with the number's form: digits (a letter first), more than a date's eight. */
const NUMBER_PIECE = /^[A-Z\d][\d\s\-.·]{7,}[\dA-Z]?$/u;
const LEAST_NUMBER_DIGITS = 8;
const DATE_UNIT = /[年月日曰]/u;

/**
 * Gives back to the certificate number what the detector merged into the issue date (签发日期): the number printed
 * on the date's row, read as one line with the date (`2022年05月08日V447537323`), or as a piece of its own that the
 * date's row took (`D14964-932` in the number's box right of the date). A merged line is cut at the first of: the
 * end of the date's day (its 日), the number's form (a capital letter and its digits), the number's caption; the
 * date keeps what lies before, and the number takes what lies after, without the caption, when it has no value of
 * its own. Cuts use the characters' positions, so each part keeps its own box. Changes `assigned` in place.
 */
export function splitDateFromNumber(
  assigned: Map<string, ValuePiece[]>,
  dateKey: string,
  numberKey: string,
  frame: PageFrame,
): void {
  const datePieces = assigned.get(dateKey);
  if (datePieces === undefined || datePieces.length === 0) return;
  const kept: ValuePiece[] = [];
  const moved: ValuePiece[] = [];
  const firstLeft = Math.min(...datePieces.map((piece) => frame.box(piece.line.quad).left));
  for (const piece of datePieces) {
    const text = lineChars(piece.line)
      .map((char) => char.text)
      .join("");
    const isFirst = frame.box(piece.line.quad).left <= firstLeft;
    const digits = text.replace(/\D/gu, "").length;
    if (
      !isFirst &&
      !DATE_UNIT.test(text) &&
      NUMBER_PIECE.test(text.trim()) &&
      digits >= LEAST_NUMBER_DIGITS
    ) {
      moved.push(piece);
      continue;
    }
    // Neither a digit nor a unit: a seal's or a caption's print on the date's row, no part of the date.
    if (!/\d/u.test(text) && !DATE_UNIT.test(text)) continue;
    const cut = cutIndex(text);
    if (cut === undefined) {
      kept.push(piece);
      continue;
    }
    const date = sliceTextLine(piece.line, 0, cut.at);
    if (date !== undefined) kept.push({ ...piece, line: date });
    const number = sliceTextLine(piece.line, cut.numberAt, text.length);
    if (number !== undefined && /\d{5,}/u.test(number.text))
      moved.push({ ...piece, line: number, afterLabel: undefined });
  }
  assigned.set(dateKey, kept);
  const own = assigned.get(numberKey) ?? [];
  if (own.length === 0 && moved.length > 0) assigned.set(numberKey, moved.slice(0, 1));
}

/** Where a merged line's date ends (`at`) and where the number begins (`numberAt`), or `undefined` for no cut. */
function cutIndex(text: string): { at: number; numberAt: number } | undefined {
  const symbols = Array.from(text);
  const indexOf = (match: RegExpExecArray | null, offset = 0): number | undefined =>
    match === null ? undefined : Array.from(text.slice(0, match.index)).length + offset;
  const day = DAY_END.exec(text);
  const afterDay = day === null ? undefined : indexOf(day, Array.from(day[0]).length);
  const number = indexOf(NUMBER_START.exec(text));
  const caption = indexOf(CAPTION_START.exec(text));
  const candidates = [afterDay, number, caption].filter(
    (index): index is number => index !== undefined && index > 0 && index < symbols.length,
  );
  if (candidates.length === 0) return undefined;
  const at = Math.min(...candidates);
  // The number begins at its form when found after the cut; otherwise right after the cut (and any caption).
  const numberAt = number !== undefined && number >= at ? number : at;
  return { at, numberAt };
}
