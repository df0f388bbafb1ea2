import { subQuad } from "../../geometry/quad.ts";
import type { TextLine } from "../../types.ts";
import { findApproximate } from "./approximate-match.ts";
import { isRowNeighbour, joinLines } from "./join-lines.ts";
import type { LabelMatch, LabelSpec } from "./label-matcher.ts";
import { lineChars } from "./slice-text-line.ts";

/** Characters around labels that belong to neither label nor value. */
export const SEPARATOR = /^[\s:：,，、.．·_]$/u;

const DIGIT = /^[0-9０-９]$/u;

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

/** Patterns made so far, by wording (Chinese and English apart): the same few dozen wordings are matched per line. */
const PATTERNS = [new Map<string, readonly string[]>(), new Map<string, readonly string[]>()] as const;

function patternOf(wording: string, english: boolean): readonly string[] {
  const made = PATTERNS[english ? 1 : 0];
  const known = made.get(wording);
  if (known !== undefined) return known;
  const symbols = Array.from(wording).map(fold);
  const pattern = english
    ? symbols.filter((symbol) => /^[A-Za-z]$/u.test(symbol)).map((symbol) => symbol.toLowerCase())
    : symbols.filter((symbol) => !/^\s$/u.test(symbol));
  made.set(wording, pattern);
  return pattern;
}

/** Every wording's best occurrence in one line, Chinese and English. */
function candidatesInLine(line: TextLine, lineIndex: number, specs: readonly LabelSpec[]): LabelMatch[] {
  const found: LabelMatch[] = [];
  const chars = lineChars(line);
  for (const english of [false, true]) {
    const projection = project(line, english);
    if (projection.symbols.length === 0) continue;
    for (const spec of specs) {
      for (const variant of (english ? spec.english : spec.variants) ?? []) {
        const pattern = patternOf(variant, english);
        // English is longer and more redundant; allow one edit per five letters.
        const limit = english ? Math.floor(pattern.length / 5) : maxCost(pattern.length);
        const match = pattern.length === 0 ? undefined : findApproximate(pattern, projection.symbols, limit);
        if (match === undefined) continue;
        const start = projection.indices[match.start] ?? 0;
        let end = (projection.indices[match.end - 1] ?? start) + 1;
        // No label holds a digit: one matched at its end for a lost last character (`出生体2900` for 出生体重) is
        // the value's first digit.
        if (!english) while (end - 1 > start && DIGIT.test(chars[end - 1]?.text ?? "")) end--;
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
  return found;
}

/** Distance from the end of one box to the start of another. */
function gapTo(first: TextLine, second: TextLine): number {
  return Math.hypot(second.quad[0].x - first.quad[1].x, second.quad[0].y - first.quad[1].y);
}

/** Longest piece of a letter-spaced label that a detector box may hold on its own (户 | 主姓名). */
const FRAGMENT_LENGTH = 3;

/** A Chinese character: what a label's other part holds. */
const HAN = /[\u3400-\u9fff]/u;

/**
 * Labels cut by the detector at a letter-spaced gap (`户` and `别 家庭户` as two boxes): each short box is joined to
 * its nearest neighbour ahead on the row holding a Chinese character (a speck in the gap, boxed and read as o or 0,
 * is passed over), and only matches that span the join are kept.
 */
function candidatesAcrossBoxes(lines: readonly TextLine[], specs: readonly LabelSpec[]): LabelMatch[] {
  const found: LabelMatch[] = [];
  lines.forEach((first, lineIndex) => {
    if (first.text.replace(/\s+/gu, "").length > FRAGMENT_LENGTH || first.text.trim() === "") return;
    const neighbours = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line, index }) => index !== lineIndex && HAN.test(line.text) && isRowNeighbour(first, line))
      .sort((a, b) => gapTo(first, a.line) - gapTo(first, b.line));
    const second = neighbours[0];
    if (second === undefined) return;
    const joined = joinLines(first, second.line);
    const offset = lineChars(first).length + 1;
    for (const match of candidatesInLine(joined, lineIndex, specs)) {
      if (match.english || match.start >= offset - 1 || match.end <= offset) continue;
      found.push({ ...match, joined: { lineIndex: second.index, offset } });
    }
  });
  return found;
}

/** Every line's best occurrence of every wording, and labels spread over two boxes, before overlaps are resolved. */
export function labelCandidates(lines: readonly TextLine[], specs: readonly LabelSpec[]): LabelMatch[] {
  return [
    ...lines.flatMap((line, index) => candidatesInLine(line, index, specs)),
    ...candidatesAcrossBoxes(lines, specs),
  ];
}
