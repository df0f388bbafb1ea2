import { quadSize } from "../../geometry/quad.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad, TextLine } from "../../types.ts";
import { orderForDirection, readingAxis } from "./reading-direction.ts";

/** Reads the text in given boxes, one line per box, in the order given. */
export interface LineReader {
  recognize(image: RawImage, quads: readonly Quad[]): Promise<TextLine[]>;
}

/** The reading direction decided for a page, and how sure the reading made it. */
export interface ReadingDirection {
  /** Radians in image coordinates (y down): 0 upright, π/2 turned a quarter clockwise, π upside down. */
  direction: number;
  /** Mean confidence of the sample read this way, and the other way. */
  confidence: number;
  rejectedConfidence: number;
}

/**
 * Decides which way the page's text reads, from what is read, not guessed: the axis comes from the boxes' long
 * sides; the two directions along it are told apart by reading the largest boxes both ways and keeping the way the
 * recogniser is surer of (upside-down Chinese reads as low-confidence noise).
 */
export async function decideReadingDirection(
  image: RawImage,
  quads: readonly Quad[],
  reader: LineReader,
  sampleSize = 8,
): Promise<ReadingDirection> {
  const axis = readingAxis(quads) ?? 0;
  const sample = [...quads]
    .map((quad) => ({ quad, size: quadSize(quad) }))
    .sort((a, b) => elongation(b.size) * b.size.width - elongation(a.size) * a.size.width)
    .slice(0, sampleSize)
    .map(({ quad }) => quad);
  if (sample.length === 0) return { direction: axis, confidence: 0, rejectedConfidence: 0 };
  const [forward, backward] = await Promise.all(
    [axis, axis + Math.PI].map(async (direction) => {
      const lines = await reader.recognize(
        image,
        sample.map((quad) => orderForDirection(quad, direction)),
      );
      return { direction, confidence: meanConfidence(lines) };
    }),
  );
  const [best, other] =
    (forward?.confidence ?? 0) >= (backward?.confidence ?? 0) ? [forward, backward] : [backward, forward];
  return {
    direction: best?.direction ?? axis,
    confidence: best?.confidence ?? 0,
    rejectedConfidence: other?.confidence ?? 0,
  };
}

function elongation(size: { width: number; height: number }): number {
  const long = Math.max(size.width, size.height);
  const short = Math.max(Math.min(size.width, size.height), 1);
  return Math.min(long / short, 8);
}

/** Confidence per character, so long confidently read lines count more than stray one-character boxes. */
function meanConfidence(lines: readonly TextLine[]): number {
  let sum = 0;
  let count = 0;
  for (const line of lines) {
    for (const char of line.chars) {
      sum += char.confidence;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}
