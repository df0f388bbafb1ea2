import { subQuad } from "../../geometry/quad.ts";
import type { Quad, TextLine } from "../../types.ts";
import { findApproximate } from "./approximate-match.ts";
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
  lineIndex: number;
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
   * What follows the label on the same line, up to the next label found there, as a line of its own: the value
   * when the detector merged label and value into one box (`姓名张三` → `张三`). Separators such as `：` are dropped.
   */
  remainder?: TextLine;
}

/** Characters around labels that belong to neither label nor value. */
const SEPARATOR = /^[\s:：,，、.．·_]$/u;
const ENGLISH_RUN = /^[A-Za-z\s'’().,/:：-]$/u;

/** Full-width ASCII to half-width, so （县） and (县) compare equal. */
function fold(symbol: string): string {
  const code = symbol.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : symbol;
}

/** How many edits a wording of this length may absorb: a two-character label only a known confusion (户别/产别). */
function maxCost(length: number): number {
  if (length <= 2) return 0.4;
  if (length <= 4) return 1;
  if (length <= 7) return 2;
  return 3;
}

/** The symbols of a line to match against, with the index of each in the line's characters. */
interface Projection {
  symbols: string[];
  indices: number[];
}

function project(line: TextLine, english: boolean): Projection {
  const projection: Projection = { symbols: [], indices: [] };
  lineChars(line).forEach((char, index) => {
    const symbol = fold(char.text);
    if (english ? !/^[A-Za-z]$/u.test(symbol) : /^\s$/u.test(symbol)) return;
    projection.symbols.push(english ? symbol.toLowerCase() : symbol);
    projection.indices.push(index);
  });
  return projection;
}

function patternOf(wording: string, english: boolean): string[] {
  const symbols = Array.from(wording).map(fold);
  return english
    ? symbols.filter((symbol) => /^[A-Za-z]$/u.test(symbol)).map((symbol) => symbol.toLowerCase())
    : symbols.filter((symbol) => !/^\s$/u.test(symbol));
}

/** Every line's best occurrence of every wording, before overlaps are resolved. */
function candidates(lines: readonly TextLine[], specs: readonly LabelSpec[]): LabelMatch[] {
  const found: LabelMatch[] = [];
  lines.forEach((line, lineIndex) => {
    for (const english of [false, true]) {
      const projection = project(line, english);
      if (projection.symbols.length === 0) continue;
      for (const spec of specs) {
        for (const variant of (english ? spec.english : spec.variants) ?? []) {
          const pattern = patternOf(variant, english);
          // English is longer and more redundant; allow one edit per five letters.
          const limit = english ? Math.floor(pattern.length / 5) : maxCost(pattern.length);
          const match =
            pattern.length === 0 ? undefined : findApproximate(pattern, projection.symbols, limit);
          if (match === undefined) continue;
          const start = projection.indices[match.start] ?? 0;
          const end = (projection.indices[match.end - 1] ?? start) + 1;
          const chars = lineChars(line);
          const atLineStart = chars.slice(0, start).every((char) => SEPARATOR.test(char.text));
          const quad = subQuad(line.quad, chars[start]?.start ?? 0, chars[end - 1]?.end ?? 1);
          const score = Math.max(0, 1 - match.cost / pattern.length);
          found.push({
            key: spec.key,
            variant,
            english,
            lineIndex,
            line,
            start,
            end,
            quad,
            score,
            atLineStart,
          });
        }
      }
    }
  });
  return found;
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

/**
 * Finds printed labels in recognised lines, forgiving OCR errors (edits scaled to the label's length, known
 * confusions such as 户↔产 cheaper), letter-spacing (`户 别`), full- and half-width brackets, old and new wordings,
 * labels merged with their values, and English wordings printed under Chinese ones. A span of a line belongs to at
 * most one label: the longer, better match wins (户主姓名 keeps 姓名 from matching inside it). A label may be found on
 * several lines (the certificate prints 住址 for mother and father); results are ordered by line, then position.
 *
 * @example
 * findLabels([makeTextLine("姓名张三")], [{ key: "name", variants: ["姓名"] }])[0]?.remainder?.text; // "张三"
 */
export function findLabels(lines: readonly TextLine[], specs: readonly LabelSpec[]): LabelMatch[] {
  const accepted: LabelMatch[] = [];
  const sorted = candidates(lines, specs).sort((a, b) => strength(b) - strength(a));
  for (const match of sorted) {
    const overlaps = accepted.some(
      (other) => other.lineIndex === match.lineIndex && other.start < match.end && match.start < other.end,
    );
    const sameKeyOnLine = accepted.some(
      (other) => other.lineIndex === match.lineIndex && other.key === match.key,
    );
    if (!overlaps && !sameKeyOnLine) accepted.push(match);
  }
  accepted.sort((a, b) => a.lineIndex - b.lineIndex || a.start - b.start);
  return accepted.map((match, index) => withRemainder(match, accepted[index + 1], specs));
}

/** Attaches what follows the label up to the next label on the same line, without separators or English. */
function withRemainder(
  match: LabelMatch,
  next: LabelMatch | undefined,
  specs: readonly LabelSpec[],
): LabelMatch {
  const chars = lineChars(match.line);
  const stop = next !== undefined && next.lineIndex === match.lineIndex ? next.start : chars.length;
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
