import type { Point, Quad, TextLine } from "../../types.ts";
import { editDistance } from "./edit-distance.ts";
import type { LabelSpec } from "./label-matcher.ts";
import type { PageFrame } from "./page-frame.ts";
import { lineChars, sliceTextLine } from "./slice-text-line.ts";

/**
 * Joins labels that a narrow cell wraps over two printed lines (公民身 / 份号码, 本市（县） / 其他住址) into one
 * line, so the label matcher sees the whole wording. The lower line's own value, when the detector merged it with
 * the label's second half, is kept as a line of its own. Lines are compared in page coordinates.
 */
export function stackWrappedLabels(
  lines: readonly TextLine[],
  specs: readonly LabelSpec[],
  frame: PageFrame,
): TextLine[] {
  const variants = specs
    .flatMap((spec) => spec.variants.map(normalise))
    .filter((v) => Array.from(v).length >= 4);
  const out = [...lines];
  const used = new Set<number>();
  lines.forEach((upper, i) => {
    if (used.has(i)) return;
    const top = normalise(upper.text);
    for (const variant of variants) {
      const symbols = Array.from(variant);
      const split = splitOf(top, symbols);
      if (split === undefined) continue;
      const lowerIndex = lines.findIndex(
        (lower, j) =>
          j !== i && !used.has(j) && isBelow(frame, upper, lower) && startsWith(lower, symbols.slice(split)),
      );
      const lower = lines[lowerIndex];
      if (lower === undefined) continue;
      const rest = symbols.length - split;
      const lowerPart = sliceTextLine(lower, 0, rest);
      if (lowerPart === undefined) continue;
      out[i] = stacked(upper, lowerPart, frame);
      const remainder = sliceTextLine(lower, rest, lineChars(lower).length);
      out[lowerIndex] = remainder ?? { ...lower, text: "", chars: [] };
      used.add(i).add(lowerIndex);
      return;
    }
  });
  return out.filter((line) => line.text !== "");
}

/** Where `text` ends as the beginning of a label: the label's length so far, if it is a proper beginning. */
function splitOf(text: string, label: readonly string[]): number | undefined {
  const length = Array.from(text).length;
  if (length < 2 || length > label.length - 2) return undefined;
  const allowed = length >= 4 ? 1 : 0;
  return editDistance(label.slice(0, length).join(""), text) <= allowed ? length : undefined;
}

function startsWith(line: TextLine, rest: readonly string[]): boolean {
  const head = Array.from(normalise(line.text)).slice(0, rest.length).join("");
  return editDistance(rest.join(""), head) <= (rest.length >= 4 ? 1 : 0);
}

/** Right under it, left edges aligned: the next line of the same cell. */
function isBelow(frame: PageFrame, upper: TextLine, lower: TextLine): boolean {
  const a = frame.box(upper.quad);
  const b = frame.box(lower.quad);
  const height = Math.max(a.height, b.height);
  const gap = b.top - a.bottom;
  return gap > -0.4 * height && gap < 1.2 * height && Math.abs(b.left - a.left) < 1.5 * height;
}

/** One line standing for both: its box round the two, its characters spaced evenly across it. */
function stacked(upper: TextLine, lower: TextLine, frame: PageFrame): TextLine {
  const points = [...upper.quad, ...lower.quad].map(frame.toPage);
  const left = Math.min(...points.map((p) => p.x));
  const right = Math.max(...points.map((p) => p.x));
  const top = Math.min(...points.map((p) => p.y));
  const bottom = Math.max(...points.map((p) => p.y));
  const corners: Point[] = [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
  const chars = [...lineChars(upper), ...lineChars(lower)];
  const count = chars.length;
  return {
    text: chars.map((char) => char.text).join(""),
    confidence: chars.reduce((sum, char) => sum + char.confidence, 0) / Math.max(count, 1),
    quad: corners.map(frame.toImage) as unknown as Quad,
    detectionScore: Math.min(upper.detectionScore, lower.detectionScore),
    chars: chars.map((char, index) => ({ ...char, start: index / count, end: (index + 1) / count })),
  };
}

function normalise(text: string): string {
  return text.replace(/\s+/gu, "").replace(/（/gu, "(").replace(/）/gu, ")");
}
