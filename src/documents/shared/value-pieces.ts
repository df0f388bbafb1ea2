import type { TextLine } from "../../types.ts";
import { findApproximate } from "./approximate-match.ts";
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
/** Checkbox marks as printed and as OCR reads them (an empty box often reads as 口). */
const CHECKBOX = /^[□☐☑☒✓✔√]$/u;
/** An empty box also reads as 口: only taken for one where it touches a printed word that was cut out. */
const BOX_OR_MOUTH = /^[□☐☑☒✓✔√口]$/u;
/** The booklet's red serial ("No. 67526966"): printed on the form, never a field. */
const SERIAL = /^N[oO0][.．:：]?\d{6,12}$/u;

/**
 * Cuts every line into the runs no label covers, dropping separators, English captions and printed titles.
 * A run that follows a label on the same line remembers it: that pairing is the surest evidence there is.
 * `isValue` names texts that are values even where they look like a title (居民户口, one off 居民户口簿).
 */
export function valuePieces(
  lines: readonly TextLine[],
  labels: readonly LabelMatch[],
  titles: readonly string[],
  printed: readonly string[] = [],
  isValue: (text: string) => boolean = () => false,
  captions: readonly string[] = [],
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
      const run = trimmedSlice(line, from, span.start);
      for (const printedOut of run === undefined ? [] : withoutPrinted(run, printed)) {
        const piece = withoutLeadingCaption(printedOut, captions);
        if (isNoise(piece.text, titles) && !isValue(piece.text.replace(/\s+/gu, ""))) continue;
        pieces.push({ line: piece, lineIndex, ...(previous ? { afterLabel: previous } : {}) });
      }
      from = Math.max(from, span.end);
      // A printed word that stands for no field (a caption) says nothing about what follows it.
      previous = span.label?.key.startsWith("printed:") ? undefined : span.label;
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
  return text === undefined || SEPARATOR.test(text) || CHECKBOX.test(text);
}

/**
 * The parts of a run left once the form's own printed words are cut out (seal captions, units, checkbox options):
 * long words are found allowing one OCR error, short ones only exactly.
 */
function withoutPrinted(run: TextLine, printed: readonly string[]): TextLine[] {
  const symbols = lineChars(run).map((char) => char.text);
  const cuts: [number, number][] = [];
  for (const word of printed) {
    const pattern = Array.from(word.replace(/\s+/gu, ""));
    let from = 0;
    while (from < symbols.length) {
      const match = findApproximate(pattern, symbols.slice(from), pattern.length >= 5 ? 1 : 0);
      if (match === undefined || match.end <= match.start) break;
      let start = from + match.start;
      let end = from + match.end;
      while (start > 0 && BOX_OR_MOUTH.test(symbols[start - 1] ?? "")) start--;
      while (end < symbols.length && BOX_OR_MOUTH.test(symbols[end] ?? "")) end++;
      cuts.push([start, end]);
      from += match.end;
    }
  }
  if (cuts.length === 0) return [run];
  cuts.sort((a, b) => a[0] - b[0]);
  const parts: TextLine[] = [];
  let start = 0;
  for (const [cutStart, cutEnd] of [...cuts, [symbols.length, symbols.length] as [number, number]]) {
    const part = trimmedSlice(run, start, cutStart);
    if (part) parts.push(part);
    start = Math.max(start, cutEnd);
  }
  return parts;
}

/**
 * A value read in one box with the end of an English caption printed before it (`Age33`, `Nationalty中国`,
 * `Addre河南省…`: a value printed low runs into the caption under the label before it), without it: the leading
 * Latin letters, when there are at least {@link MIN_CAPTION_LETTERS} of them, they are (a part of) one of the form's
 * captions allowing one error, and a number or a Chinese character follows them.
 */
function withoutLeadingCaption(line: TextLine, captions: readonly string[]): TextLine {
  if (captions.length === 0) return line;
  const chars = lineChars(line);
  let end = 0;
  while (end < chars.length && LATIN_CAPTION.test(chars[end]?.text ?? "")) end++;
  const next = chars[end]?.text ?? "";
  if (end === 0 || !/^[\p{N}\p{Script=Han}]/u.test(next)) return line;
  const run = compactLatin(
    chars
      .slice(0, end)
      .map((char) => char.text)
      .join(""),
  );
  if (run.length < MIN_CAPTION_LETTERS) return line;
  const known = captions.some((caption) => {
    const whole = compactLatin(caption);
    if (whole.includes(run)) return true;
    // One letter misread or left out (`Nationalty`): the run against the caption's part of the run's length.
    return (
      run.length >= MIN_FUZZY_LETTERS &&
      [whole.slice(0, run.length), whole.slice(-run.length), whole].some(
        (part) => editDistance(part, run) <= 1,
      )
    );
  });
  return known ? (sliceTextLine(line, end, chars.length) ?? line) : line;
}

function compactLatin(text: string): string {
  return text.replace(/[^A-Za-z]/gu, "").toLowerCase();
}

/** A caption's letters read before a value are cut off when at least this many; with an error, this many. */
const MIN_CAPTION_LETTERS = 3;
const MIN_FUZZY_LETTERS = 6;

/** English captions and the document's printed titles are not values. */
function isNoise(text: string, titles: readonly string[]): boolean {
  const compact = text.replace(/\s+/gu, "");
  if (compact === "" || SERIAL.test(compact)) return true;
  // Punctuation alone (the bracket of a wrapped label, a stray dash) is never a value.
  if (!/[\p{L}\p{N}]/u.test(compact)) return true;
  if (LATIN_CAPTION.test(text) && /[A-Za-z]{2}/u.test(text)) return true;
  return titles.some(
    (title) => compact.length >= 3 && editDistance(title.replace(/\s+/gu, ""), compact) <= title.length / 4,
  );
}
