/** A point in image pixels. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Four corners in image pixels: top-left, top-right, bottom-right, bottom-left, in the text's (or document's)
 * reading direction. A rotated line keeps this order relative to its own reading direction.
 */
export type Quad = readonly [Point, Point, Point, Point];

/** One alternative reading of a character position, with its probability (0–1). */
export interface CharAlternative {
  text: string;
  probability: number;
}

/**
 * One decoded character of a text line.
 *
 * `start` and `end` are fractions (0–1) of the line's length along its reading direction, so a character's box in
 * the image is `subQuad(line.quad, start, end)` (see `geometry/quad.ts`). Later stages split lines at label
 * boundaries and re-decode fields against vocabularies from these.
 */
export interface RecognizedChar {
  text: string;
  /** Probability of the chosen character (0–1). */
  confidence: number;
  start: number;
  end: number;
  /** The most probable readings at this position, best first (the chosen one included). */
  alternatives: CharAlternative[];
}

/** A recognised line of text. */
export interface TextLine {
  text: string;
  /** Mean character confidence (0–1); 0 for an empty line. */
  confidence: number;
  /** The line's box in the pixels of the image given to the engine. */
  quad: Quad;
  /** Detection score of the box (0–1). */
  detectionScore: number;
  chars: RecognizedChar[];
}

/** A line read as glyphs set at known places: its reading, and each glyph's likeliest characters, best first. */
export interface GlyphLine extends TextLine {
  glyphs: CharAlternative[][];
}

/** Document types the recognizers read. */
export type DocumentType = "household-head" | "household-resident" | "birth-certificate";

/** One entry of `prism_keyValueInfo`. */
export interface KeyValueInfo {
  key: string;
  keyProb: number;
  value: string;
  valueProb: number;
  valuePos?: Point[];
}

/** The four corners of the document in the original image (`x0,y0` top-left … `x3,y3` bottom-left). */
export interface SliceRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x3: number;
  y3: number;
}

/** The Alibaba-shaped result object (`Data` on the wire, as an object). */
export interface RecognitionResult {
  data: Record<string, string>;
  prism_keyValueInfo: KeyValueInfo[];
  sliceRect: SliceRect;
  angle: number;
  ftype: number;
  width: number;
  height: number;
  orgWidth: number;
  orgHeight: number;
}
