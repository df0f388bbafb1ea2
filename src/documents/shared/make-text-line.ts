import type { CharAlternative, Quad, RecognizedChar, TextLine } from "../../types.ts";

/** Options of {@link makeTextLine}. */
export interface MakeTextLineOptions {
  /** The line's box; by default an upright box 20 px per character, 20 px high, at the origin. */
  quad?: Quad;
  /** Confidence of every character (default 0.99). */
  confidence?: number;
  /** Extra alternatives per character index, appended after the chosen character. */
  alternatives?: Record<number, CharAlternative[]>;
  /** Per-character confidences overriding `confidence`, by index. */
  confidences?: Record<number, number>;
}

/**
 * Builds a {@link TextLine} from a string with evenly spaced characters, for tests of the pure document rules.
 *
 * @example
 * makeTextLine("姓名张三", { alternatives: { 2: [{ text: "弓", probability: 0.1 }] } });
 */
export function makeTextLine(text: string, options: MakeTextLineOptions = {}): TextLine {
  const symbols = Array.from(text);
  const count = Math.max(symbols.length, 1);
  const quad: Quad = options.quad ?? [
    { x: 0, y: 0 },
    { x: 20 * count, y: 0 },
    { x: 20 * count, y: 20 },
    { x: 0, y: 20 },
  ];
  const chars: RecognizedChar[] = symbols.map((symbol, index) => {
    const confidence = options.confidences?.[index] ?? options.confidence ?? 0.99;
    return {
      text: symbol,
      confidence,
      start: index / count,
      end: (index + 1) / count,
      alternatives: [{ text: symbol, probability: confidence }, ...(options.alternatives?.[index] ?? [])],
    };
  });
  const confidence =
    chars.length === 0 ? 0 : chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length;
  return { text, confidence, quad, detectionScore: 0.9, chars };
}

/** Options of {@link textLineAt}: those of {@link makeTextLine} but the box, and the line's height. */
export interface TextLineAtOptions extends Omit<MakeTextLineOptions, "quad"> {
  /** Height of the line in px (default 20). */
  height?: number;
}

/**
 * Builds an upright {@link TextLine} of 20 px wide characters with its top-left corner at (x, y), for tests of
 * layout rules.
 *
 * @example
 * textLineAt("姓名", 50, 100, { confidence: 0.5 });
 */
export function textLineAt(text: string, x: number, y: number, options: TextLineAtOptions = {}): TextLine {
  const { height = 20, ...rest } = options;
  const width = 20 * Array.from(text).length;
  const quad: Quad = [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ];
  return makeTextLine(text, { ...rest, quad });
}
