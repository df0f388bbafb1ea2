import type { PageFrame } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/**
 * A height as a resident card prints it: three digits, with or without its unit (175, 175厘米, 175cm), or a child's
 * two with its unit (95厘米). Two bare digits beside an ID number are as likely a stray reading as a height.
 */
const HEIGHT = /^(?:(\d{3})(?:厘米|cm|CM|公分)?|(\d{2})(?:厘米|cm|CM|公分))$/u;
/** The heights a person's card may hold, cm (a newborn's to the tallest). */
const LEAST_HEIGHT = 40;
const MOST_HEIGHT = 250;
/** An ID number piece holds at least this many digits. */
const ID_DIGITS = 15;

/**
 * The resident card's row 公民身份号码 … 身高 … 血型 (domain.md §1.3) with its 身高 label not found (faint, or read as
 * something else): the height printed in that cell is given by geometry to the ID number, whose cell then seems
 * to run up to 血型. A piece of the ID number's that reads as a height whole and lies right of the ID number's
 * own digits, on their row, is the height: it is moved to `stature`. Changes `assigned` in place.
 */
export function moveHeightFromIdNumber(
  assigned: Map<string, ValuePiece[]>,
  found: ReadonlySet<string>,
  frame: PageFrame,
): void {
  if (found.has("stature")) return;
  const pieces = assigned.get("idCardNumber") ?? [];
  const numbers = pieces.flatMap((piece) => {
    const digits = piece.line.text.replace(/\D/gu, "");
    return digits.length >= ID_DIGITS ? [frame.box(piece.line.quad)] : [];
  });
  if (numbers.length === 0) return;
  const heights = pieces.filter((piece) => {
    const match = HEIGHT.exec(piece.line.text.replace(/\s+/gu, ""));
    const height = Number(match?.[1] ?? match?.[2]);
    if (match === null || height < LEAST_HEIGHT || height > MOST_HEIGHT) return false;
    const box = frame.box(piece.line.quad);
    return numbers.some(
      (number) => box.left >= number.right && Math.abs(box.centerY - number.centerY) < number.height,
    );
  });
  if (heights.length === 0) return;
  assigned.set(
    "idCardNumber",
    pieces.filter((piece) => !heights.includes(piece)),
  );
  assigned.set("stature", [...(assigned.get("stature") ?? []), ...heights]);
}
