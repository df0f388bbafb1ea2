import type { Quad, TextLine } from "../../types.ts";
import { labelCandidates, SEPARATOR } from "./label-candidates.ts";
import { lineChars, sliceTextLine } from "./slice-text-line.ts";

/** A printed label to look for: its wordings, old and new, and the English printed with it, if any. */
export interface LabelSpec {
  /** Identifier returned with each match, usually the field key. */
  key: string;
  /** Chinese wordings, e.g. `["公民身份号码", "公民身份证件编号"]`. Spaces and full/half-width forms do not matter. */
  variants: readonly string[];
  /** English wordings printed under or after it (birth certificate), e.g. `["Neonatal Name"]`. */
  english?: readonly string[];
}

/** Where a label was found. */
export interface LabelMatch {
  key: string;
  /** The wording that matched. */
  variant: string;
  /** Whether it was found by its English wording. */
  english: boolean;
  /** Index of the (first) line holding the label. */
  lineIndex: number;
  /** That line; for a label spread over two boxes, the two joined (see `joined`). */
  line: TextLine;
  /** Character span in `lineChars(line)`: `start` inclusive, `end` exclusive. */
  start: number;
  end: number;
  /** The label's own box, cut from the line by its characters' positions. */
  quad: Quad;
  /** 1 for an exact match, down to 0 as OCR edits grow relative to the label's length. */
  score: number;
  /** Whether only separators precede the label on its line. */
  atLineStart: boolean;
  /**
   * Set when the detector cut a letter-spaced label into two boxes (`户` | `别`): the second box's line index, and
   * where its characters begin in `line` (after one space standing for the gap).
   */
  joined?: { lineIndex: number; offset: number };
  /**
   * What follows the label on the same line, up to the next label found there, as a line of its own: the value
   * when the detector merged label and value into one box (`姓名张三` → `张三`). Separators such as `：` are dropped.
   */
  remainder?: TextLine;
}

const ENGLISH_RUN = /^[A-Za-z\s'’().,/:：-]$/u;

/** The spans of the original lines a match occupies, each with where that line's characters begin in `match.line`. */
export function labelSegments(
  match: LabelMatch,
): { lineIndex: number; start: number; end: number; offset: number }[] {
  if (match.joined === undefined)
    return [{ lineIndex: match.lineIndex, start: match.start, end: match.end, offset: 0 }];
  const { lineIndex, offset } = match.joined;
  return [
    { lineIndex: match.lineIndex, start: match.start, end: offset - 1, offset: 0 },
    { lineIndex, start: 0, end: match.end - offset, offset },
  ];
}

/**
 * Orders candidates: Chinese before English (the English is a caption of the Chinese label), then more matched
 * characters (户主姓名 over 姓名), then at a line's start.
 */
function strength(match: LabelMatch): number {
  return (
    (match.end - match.start) * match.score + (match.atLineStart ? 0.01 : 0) - (match.english ? 1000 : 0)
  );
}

function conflicts(match: LabelMatch, other: LabelMatch): boolean {
  return labelSegments(match).some((mine) =>
    labelSegments(other).some(
      (theirs) =>
        mine.lineIndex === theirs.lineIndex &&
        (other.key === match.key || (theirs.start < mine.end && mine.start < theirs.end)),
    ),
  );
}

/**
 * Finds printed labels in recognised lines, forgiving OCR errors (edits scaled to the label's length, known
 * confusions such as 户↔产 cheaper), letter-spacing (`户 别`, even when cut into two boxes), full- and half-width
 * brackets, old and new wordings, labels merged with their values, and English wordings printed under Chinese ones.
 * A span of a line belongs to at most one label: the longer, better match wins (户主姓名 keeps 姓名 from matching
 * inside it). A label may be found on several lines (the certificate prints 住址 for mother and father); results are
 * ordered by line, then position.
 *
 * @example
 * findLabels([makeTextLine("姓名张三")], [{ key: "name", variants: ["姓名"] }])[0]?.remainder?.text; // "张三"
 */
export function findLabels(lines: readonly TextLine[], specs: readonly LabelSpec[]): LabelMatch[] {
  const accepted: LabelMatch[] = [];
  const sorted = labelCandidates(lines, specs).sort((a, b) => strength(b) - strength(a));
  for (const match of sorted) {
    if (!accepted.some((other) => conflicts(match, other))) accepted.push(match);
  }
  accepted.sort((a, b) => a.lineIndex - b.lineIndex || a.start - b.start);
  return accepted.map((match) => withRemainder(match, accepted, specs));
}

/** Where the value after a label ends in `match.line`: at the next label on the same original line, or its end. */
function stopOf(match: LabelMatch, accepted: readonly LabelMatch[]): number {
  const last = labelSegments(match).at(-1);
  let stop = lineChars(match.line).length;
  if (last === undefined) return stop;
  for (const other of accepted) {
    for (const theirs of labelSegments(other)) {
      if (other !== match && theirs.lineIndex === last.lineIndex && theirs.start >= last.end) {
        stop = Math.min(stop, theirs.start + last.offset);
      }
    }
  }
  return stop;
}

/** Attaches what follows the label up to the next label on the same line, without separators or English. */
function withRemainder(
  match: LabelMatch,
  accepted: readonly LabelMatch[],
  specs: readonly LabelSpec[],
): LabelMatch {
  const chars = lineChars(match.line);
  const stop = stopOf(match, accepted);
  const hasEnglish = specs.some((spec) => spec.key === match.key && (spec.english?.length ?? 0) > 0);
  let from = match.end;
  while (from < stop && SEPARATOR.test(chars[from]?.text ?? "")) from++;
  if (hasEnglish) {
    let to = from;
    while (to < stop && ENGLISH_RUN.test(chars[to]?.text ?? "")) to++;
    const letters = chars.slice(from, to).filter((char) => /[A-Za-z]/u.test(char.text)).length;
    if (letters >= 3) from = to;
  }
  let to = stop;
  while (to > from && SEPARATOR.test(chars[to - 1]?.text ?? "")) to--;
  const remainder = sliceTextLine(match.line, from, to);
  return remainder === undefined ? match : { ...match, remainder };
}
