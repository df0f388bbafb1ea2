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
