import type { PageFrame } from "./page-frame.ts";
import { lineChars, sliceTextLine } from "./slice-text-line.ts";
import type { ValuePiece } from "./value-pieces.ts";

/**
 * The pieces of a one-row value without the characters that two overlapping boxes both read. The detector sometimes
 * cuts one printed run into two boxes that overlap (`2018年09` and `09月03日20时`), and the characters under the
 * overlap are read twice; joined, the value would hold them twice (`2018年0909月…`). A piece's leading characters
 * whose centres lie before the end of the last character of a piece further left are dropped. Pieces are returned
 * left to right; a piece left with nothing is dropped.
 */
export function withoutOverlapRepeats(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  const placed = pieces
    .map((piece) => ({ piece, box: frame.box(piece.line.quad) }))
    .sort((a, b) => a.box.left - b.box.left);
  const out: ValuePiece[] = [];
  let coveredTo = Number.NEGATIVE_INFINITY;
  for (const { piece, box } of placed) {
    const chars = lineChars(piece.line);
    const width = box.right - box.left;
    const centre = (index: number) => {
      const char = chars[index];
      return char === undefined ? box.right : box.left + ((char.start + char.end) / 2) * width;
    };
    let from = 0;
    while (from < chars.length && centre(from) < coveredTo) from++;
    const last = chars[chars.length - 1];
    if (last !== undefined) coveredTo = Math.max(coveredTo, box.left + last.end * width);
    if (from === 0) out.push(piece);
    else {
      const rest = sliceTextLine(piece.line, from, chars.length);
      if (rest !== undefined) out.push({ ...piece, line: rest });
    }
  }
  return out;
}

/** A repeat at two boxes' meeting is dropped only when at least this many characters long... */
const MIN_BOUNDARY_REPEAT = 2;
/** ... and the next box starts at most this many of its character widths past the end of the one before. */
const MAX_BOUNDARY_GAP = 0.5;

/**
 * The pieces of a one-row name without the characters read twice where two boxes meet: a box whose reading was
 * completed past its end (`驻马店市第一人民`) touching the box that holds those characters (`人民医院`) reads them
 * twice (`驻马店市第一人民人民医院`). Where the next piece begins at most half a character past the end of the one
 * before (the one reaching furthest right) and its first characters (two or more) are the last ones of that
 * piece, they are dropped from the next piece. For names whose words do not repeat (an institution's); an address may repeat a word (`刘岗村村`).
 */
export function withoutBoundaryRepeats(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  const placed = pieces
    .map((piece) => ({ piece, box: frame.box(piece.line.quad) }))
    .sort((a, b) => a.box.left - b.box.left);
  const out: ValuePiece[] = [];
  let before: { text: string[]; right: number } | undefined;
  for (const { piece, box } of placed) {
    const chars = lineChars(piece.line);
    const text = chars.map((char) => char.text);
    const charWidth = (box.right - box.left) / Math.max(1, chars.length);
    let repeat = 0;
    if (before !== undefined && box.left <= before.right + MAX_BOUNDARY_GAP * charWidth) {
      const previous = before.text;
      for (let k = Math.min(previous.length, text.length - 1); k >= MIN_BOUNDARY_REPEAT; k--) {
        if (previous.slice(-k).join("") === text.slice(0, k).join("")) {
          repeat = k;
          break;
        }
      }
    }
    const kept = repeat === 0 ? piece.line : sliceTextLine(piece.line, repeat, chars.length);
    if (kept !== undefined) out.push(kept === piece.line ? piece : { ...piece, line: kept });
    // What comes next is compared with the piece reaching furthest right (a box nested in another is passed over).
    if (before === undefined || box.right > before.right)
      before = { text: repeat === 0 ? text : text.slice(repeat), right: box.right };
  }
  return out;
}
