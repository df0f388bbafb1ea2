import type { TextLine } from "../../types.ts";
import { editDistance } from "./edit-distance.ts";
import { SEPARATOR } from "./label-candidates.ts";
import { type LabelMatch, labelSegments } from "./label-matcher.ts";
import { lineChars, sliceTextLine } from "./slice-text-line.ts";

/** A run of a line that is not a printed label: a value, or part of one. */
export interface ValuePiece {
  line: TextLine;
  /** Index of the line it was cut from. */
  lineIndex: number;
  /** The label printed just before it on the same line, when there is one (the detector merged them). */
  afterLabel?: LabelMatch;
}

const LATIN_CAPTION = /^[A-Za-z\s'’().,/:：-]+$/u;

/**
 * Cuts every line into the runs no label covers, dropping separators, English captions and printed titles.
 * A run that follows a label on the same line remembers it: that pairing is the surest evidence there is.
 */
export function valuePieces(
  lines: readonly TextLine[],
  labels: readonly LabelMatch[],
  titles: readonly string[],
): ValuePiece[] {
  const covered = new Map<number, { start: number; end: number; label: LabelMatch }[]>();
  for (const label of labels) {
    for (const segment of labelSegments(label)) {
      const spans = covered.get(segment.lineIndex) ?? [];
      spans.push({ start: segment.start, end: segment.end, label });
      covered.set(segment.lineIndex, spans);
    }
  }
  const pieces: ValuePiece[] = [];
  lines.forEach((line, lineIndex) => {
    const spans = (covered.get(lineIndex) ?? []).sort((a, b) => a.start - b.start);
    const length = lineChars(line).length;
    let from = 0;
    let previous: LabelMatch | undefined;
    for (const span of [...spans, { start: length, end: length, label: undefined }]) {
      const piece = trimmedSlice(line, from, span.start);
      if (piece !== undefined && !isNoise(piece.text, titles)) {
        pieces.push({ line: piece, lineIndex, ...(previous ? { afterLabel: previous } : {}) });
      }
      from = Math.max(from, span.end);
      previous = span.label;
    }
  });
  return pieces;
}

function trimmedSlice(line: TextLine, from: number, to: number): TextLine | undefined {
  const chars = lineChars(line);
  let start = from;
  let end = to;
  while (start < end && isSeparator(chars[start]?.text)) start++;
  while (end > start && isSeparator(chars[end - 1]?.text)) end--;
  return sliceTextLine(line, start, end);
}

function isSeparator(text: string | undefined): boolean {
  return text === undefined || SEPARATOR.test(text);
}

/** English captions and the document's printed titles are not values. */
function isNoise(text: string, titles: readonly string[]): boolean {
  const compact = text.replace(/\s+/gu, "");
  if (compact === "") return true;
  if (LATIN_CAPTION.test(text) && /[A-Za-z]{2}/u.test(text)) return true;
  return titles.some(
    (title) => compact.length >= 3 && editDistance(title.replace(/\s+/gu, ""), compact) <= title.length / 4,
  );
}
