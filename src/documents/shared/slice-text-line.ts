import { subQuad } from "../../geometry/quad.ts";
import type { RecognizedChar, TextLine } from "../../types.ts";

/**
 * The characters of a line, one per code point of its text. Engines that give no per-character detail (or whose
 * characters disagree with the text) get evenly spaced stand-ins, so later steps can always split by position.
 */
export function lineChars(line: TextLine): RecognizedChar[] {
  const symbols = Array.from(line.text);
  const agrees =
    line.chars.length === symbols.length && line.chars.every((char, index) => char.text === symbols[index]);
  if (agrees) return line.chars;
  const count = symbols.length;
  return symbols.map((symbol, index) => ({
    text: symbol,
    confidence: line.confidence,
    start: index / count,
    end: (index + 1) / count,
    alternatives: [{ text: symbol, probability: line.confidence }],
  }));
}

/**
 * The characters `from` (inclusive) to `to` (exclusive) of a line as a line of their own: its quad cut from the
 * parent's by the characters' start/end fractions, and their fractions rescaled to the new line.
 * Returns `undefined` for an empty range.
 *
 * @example
 * sliceTextLine(line, 2, line.chars.length); // "姓名张三" → "张三" with its own box
 */
export function sliceTextLine(line: TextLine, from: number, to: number): TextLine | undefined {
  const chars = lineChars(line).slice(Math.max(from, 0), to);
  const first = chars[0];
  const last = chars[chars.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const start = first.start;
  const span = Math.max(last.end - start, Number.EPSILON);
  const rescaled = chars.map((char) => ({
    ...char,
    start: (char.start - start) / span,
    end: (char.end - start) / span,
  }));
  return {
    text: chars.map((char) => char.text).join(""),
    confidence: chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length,
    quad: subQuad(line.quad, start, last.end),
    detectionScore: line.detectionScore,
    chars: rescaled,
  };
}
