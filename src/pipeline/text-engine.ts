import type { RawImage } from "../image/raw-image.ts";
import type { LineSpan } from "../stages/text-recognition/decode.ts";
import type { GlyphLine, Quad, TextLine } from "../types.ts";

/**
 * What the pipeline needs of an OCR engine: find the text boxes, and read given boxes (each in the corner order
 * that makes it read left to right). `recognize` answers one line per quad, in the order given.
 */
export interface TextEngine {
  /** `longSide`: the size the detector reads the image at, instead of its configured one. */
  detect(image: RawImage, options?: { longSide?: number }): Promise<Quad[]>;
  /** `withoutRulings`: the form's ruling lines are painted out of each crop before it is read. */
  recognize(
    image: RawImage,
    quads: readonly Quad[],
    options?: { withoutRulings?: boolean },
  ): Promise<TextLine[]>;
  /**
   * Reads again, widened past it, each given line that ends at a vertical ruling, keeping a character printed
   * across the ruling that the wider read adds; answers one line per given line, in order, as given or completed.
   * An engine without it leaves the lines as read.
   */
  completeAtRulings?(image: RawImage, lines: readonly TextLine[]): Promise<TextLine[]>;
  /**
   * Reads each quad as a line of glyphs at known places (a seal's characters): the line as `recognize` reads it,
   * and per span of `spans[i]` (fractions of the line's length) the `k` likeliest characters there whatever the
   * line's best reading, best first. An engine without it gives no such candidates.
   */
  recognizeGlyphs?(
    image: RawImage,
    quads: readonly Quad[],
    spans: readonly (readonly LineSpan[])[],
    k: number,
  ): Promise<GlyphLine[]>;
  dispose(): Promise<void>;
}
