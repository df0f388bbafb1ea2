import { quadSize } from "../../geometry/quad.ts";
import type { Point, RecognizedChar, TextLine } from "../../types.ts";
import { lineChars } from "./slice-text-line.ts";

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Whether `second` continues `first` on the same row: its left edge lies ahead of `first`'s right edge along the
 * reading direction, within `maxGap` line heights, and no more than half a line height off the baseline. Measured in
 * the line's own direction, so it holds for a slanted document too.
 */
export function isRowNeighbour(first: TextLine, second: TextLine, maxGap = 4): boolean {
  const [topLeft, topRight, bottomRight] = first.quad;
  const height = quadSize(first.quad).height;
  const length = Math.hypot(topRight.x - topLeft.x, topRight.y - topLeft.y);
  if (height <= 0 || length <= 0) return false;
  const direction = { x: (topRight.x - topLeft.x) / length, y: (topRight.y - topLeft.y) / length };
  const end = midpoint(topRight, bottomRight);
  const start = midpoint(second.quad[0], second.quad[3]);
  const along = (start.x - end.x) * direction.x + (start.y - end.y) * direction.y;
  const across = -(start.x - end.x) * direction.y + (start.y - end.y) * direction.x;
  const similarHeight = Math.abs(quadSize(second.quad).height - height) <= 0.5 * height;
  return (
    along >= -0.5 * height && along <= maxGap * height && Math.abs(across) <= 0.5 * height && similarHeight
  );
}

/**
 * Two boxes of one row as one line, with a space standing for the gap between them: what the detector would have
 * returned had it not cut a letter-spaced label (`户　别`) at its wide gap. Character positions are re-expressed as
 * fractions of the joined line.
 */
export function joinLines(first: TextLine, second: TextLine): TextLine {
  const quad = [first.quad[0], second.quad[1], second.quad[2], first.quad[3]] as const;
  const [origin, topRight] = quad;
  const length = Math.hypot(topRight.x - origin.x, topRight.y - origin.y) || 1;
  const fraction = (line: TextLine, t: number) => {
    const x = line.quad[0].x + (line.quad[1].x - line.quad[0].x) * t;
    const y = line.quad[0].y + (line.quad[1].y - line.quad[0].y) * t;
    return (
      ((x - origin.x) * (topRight.x - origin.x) + (y - origin.y) * (topRight.y - origin.y)) / length ** 2
    );
  };
  const place = (line: TextLine) =>
    lineChars(line).map((char) => ({
      ...char,
      start: fraction(line, char.start),
      end: fraction(line, char.end),
    }));
  const left = place(first);
  const right = place(second);
  const gap: RecognizedChar = {
    text: " ",
    confidence: 1,
    start: left[left.length - 1]?.end ?? 0,
    end: right[0]?.start ?? 1,
    alternatives: [{ text: " ", probability: 1 }],
  };
  const chars = [...left, gap, ...right];
  const scored = [...left, ...right];
  return {
    text: chars.map((char) => char.text).join(""),
    confidence: scored.reduce((sum, char) => sum + char.confidence, 0) / Math.max(scored.length, 1),
    quad,
    detectionScore: Math.min(first.detectionScore, second.detectionScore),
    chars,
  };
}
