import { quadSize } from "../../geometry/quad.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad, TextLine } from "../../types.ts";
import { orderForDirection, readingAxis } from "./reading-direction.ts";

/** Reads the text in given boxes, one line per box, in the order given. */
export interface LineReader {
  recognize(image: RawImage, quads: readonly Quad[]): Promise<TextLine[]>;
}

/** The reading direction decided for a page, how sure the reading made it, and every box read that way. */
export interface DirectedReading {
  /** Radians in image coordinates (y down): 0 upright, π/2 turned a quarter clockwise, π upside down. */
  direction: number;
  /** Mean confidence of the sample read this way, and the other way. */
  confidence: number;
  rejectedConfidence: number;
  /** One line per given quad, in the given order, each read in `direction` (empty lines included). */
  lines: TextLine[];
}

/**
 * Reads every box of a page the way its text runs, deciding that way from what is read, not guessed: the axis
 * comes from the boxes' long sides; every box is read along it, then a sample of line-shaped boxes is read the
 * other way too, and the way the recogniser is surer of wins (upside-down Chinese reads as low-confidence noise).
 * Only when the other way wins is the whole page read again, so an upright page costs one reading plus the sample.
 */
export async function readInReadingDirection(
  image: RawImage,
  quads: readonly Quad[],
  reader: LineReader,
  sampleSize = 8,
): Promise<DirectedReading> {
  const axis = likelyReadingDirection(quads);
  const forward = await reader.recognize(
    image,
    quads.map((quad) => orderForDirection(quad, axis)),
  );
  const sample = sampleIndices(quads, sampleSize);
  if (sample.length === 0) return { direction: axis, confidence: 0, rejectedConfidence: 0, lines: forward };
  const backwardDirection = (axis + Math.PI) % (2 * Math.PI);
  const backwardSample = await reader.recognize(
    image,
    sample.map((i) => orderForDirection(quads[i] as Quad, backwardDirection)),
  );
  const forwardConfidence = meanConfidence(sample.map((i) => forward[i] as TextLine));
  const backwardConfidence = meanConfidence(backwardSample);
  if (forwardConfidence >= backwardConfidence) {
    return {
      direction: axis,
      confidence: forwardConfidence,
      rejectedConfidence: backwardConfidence,
      lines: forward,
    };
  }
  const known = new Map(sample.map((quadIndex, k) => [quadIndex, backwardSample[k] as TextLine]));
  const rest = quads.map((_, i) => i).filter((i) => !known.has(i));
  const restLines = await reader.recognize(
    image,
    rest.map((i) => orderForDirection(quads[i] as Quad, backwardDirection)),
  );
  rest.forEach((quadIndex, k) => {
    known.set(quadIndex, restLines[k] as TextLine);
  });
  return {
    direction: backwardDirection,
    confidence: backwardConfidence,
    rejectedConfidence: forwardConfidence,
    lines: quads.map((_, i) => known.get(i) as TextLine),
  };
}

/**
 * The way a page is read first: along its boxes' axis, the way nearer upright (most photos are); the other way is
 * then only sampled. Radians, as {@link DirectedReading.direction}.
 */
export function likelyReadingDirection(quads: readonly Quad[]): number {
  const found = readingAxis(quads) ?? 0;
  return found > Math.PI / 2 ? found + Math.PI : found;
}

/**
 * Elongation up to which a box is preferred for the sample: enough characters to judge the direction by, while
 * keeping the second reading short (a page's longest lines, read twice, once cost as much as the rest of the page).
 */
const SAMPLE_ELONGATION = 10;

/** The boxes most worth reading both ways: line-shaped (several characters) and tall (large print reads surest). */
function sampleIndices(quads: readonly Quad[], sampleSize: number): number[] {
  return quads
    .map((quad, index) => {
      const size = quadSize(quad);
      const long = Math.max(size.width, size.height);
      const short = Math.max(Math.min(size.width, size.height), 1);
      const ratio = long / short;
      // Past the preferred elongation a box counts as less elongated: long lines are the dearest to read twice.
      const elongation = ratio <= SAMPLE_ELONGATION ? ratio : (SAMPLE_ELONGATION * SAMPLE_ELONGATION) / ratio;
      return { index, score: elongation * elongation * short };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, sampleSize)
    .map(({ index }) => index);
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
