import type { RawImage } from "../image/raw-image.ts";
import type { GlyphLine, Quad, TextLine } from "../types.ts";
import { type OcrEngineOverrides, resolveOcrEngineOptions } from "./ocr-engine-options.ts";
import { type DetectionTimings, TextDetector } from "./text-detection/text-detector.ts";
import type { DecodedLine, LineSpan } from "./text-recognition/decode.ts";
import { isAmbiguouslyTall, orientForReading } from "./text-recognition/preprocess.ts";
import { type RecognitionTimings, TextRecognizer } from "./text-recognition/text-recognizer.ts";

/** Milliseconds spent reading one image, by stage and part. */
export interface OcrTimings {
  detection: DetectionTimings;
  recognition: RecognitionTimings;
  total: number;
}

/**
 * PP-OCR: detects the text lines of an image and reads each one. Holds two ONNX sessions, created once; call
 * `dispose()` when done.
 *
 * @example
 * const engine = await OcrEngine.create({ detection: { boxThreshold: 0.5 } });
 * const lines = await engine.readLines(image);
 * await engine.dispose();
 */
export class OcrEngine {
  readonly #detector: TextDetector;
  readonly #recognizer: TextRecognizer;

  private constructor(detector: TextDetector, recognizer: TextRecognizer) {
    this.#detector = detector;
    this.#recognizer = recognizer;
  }

  /** Loads the models with the defaults, or with the given overrides laid over them. */
  static async create(overrides: OcrEngineOverrides = {}): Promise<OcrEngine> {
    const options = resolveOcrEngineOptions(overrides);
    const runtime = { threads: options.threads, allowSpinning: options.allowSpinning };
    const detector = await TextDetector.load(options.models.detection, options.detection, runtime);
    try {
      const recognizer = await TextRecognizer.load(
        options.models.recognition,
        options.models.dictionary,
        options.recognition,
        runtime,
      );
      return new OcrEngine(detector, recognizer);
    } catch (error) {
      await detector.dispose();
      throw error;
    }
  }

  /** The text lines of an image in reading order, with boxes in the image's pixels; none for a blank image. */
  async readLines(image: RawImage): Promise<TextLine[]> {
    return (await this.readLinesTimed(image)).lines;
  }

  /** {@link readLines}, also reporting where the time went (for benchmarks and the pipeline's timings). */
  async readLinesTimed(image: RawImage): Promise<{ lines: TextLine[]; timings: OcrTimings }> {
    const started = performance.now();
    const detected = await this.#detector.detect(image);
    const quads = detected.boxes.map((box) => orientForReading(box.quad));
    // Short tall boxes are also read upright; the more confident reading wins.
    const upright = detected.boxes.flatMap((box, i) => (isAmbiguouslyTall(box.quad) ? [i] : []));
    const recognized = await this.#recognizer.recognize(image, [
      ...quads,
      ...upright.map((i) => detected.boxes[i]?.quad as Quad),
    ]);
    const readings = recognized.lines
      .slice(0, quads.length)
      .map((line, i) => ({ line, quad: quads[i] as Quad }));
    upright.forEach((i, k) => {
      const alternative = recognized.lines[quads.length + k];
      const current = readings[i];
      if (alternative && current && alternative.confidence > current.line.confidence) {
        readings[i] = { line: alternative, quad: detected.boxes[i]?.quad as Quad };
      }
    });
    const completed = await this.#recognizer.completeAtRulings(
      image,
      readings.map(({ quad }) => quad),
      readings.map(({ line }) => line),
    );
    const lines: TextLine[] = [];
    readings.forEach(({ quad }, i) => {
      const line = completed.lines[i] as DecodedLine;
      if (line.text.trim() === "") return;
      lines.push({ ...line, quad, detectionScore: detected.boxes[i]?.score ?? 0 });
    });
    const recognition = { ...recognized.timings };
    for (const part of ["preprocess", "inference", "postprocess"] as const) {
      recognition[part] += completed.timings[part];
    }
    const timings = { detection: detected.timings, recognition, total: 0 };
    timings.total = performance.now() - started;
    return { lines, timings };
  }

  /** Only the detection half: the text boxes in reading order, each listed from its reading direction. */
  async detect(image: RawImage, options: { longSide?: number } = {}): Promise<Quad[]> {
    const { boxes } = await this.#detector.detect(image, options.longSide);
    return boxes.map((box) => orientForReading(box.quad));
  }

  /**
   * Only the recognition half: reads the given quads (listed from their reading direction), one line per quad in
   * the order given, empty ones included. The boxes came from the caller, so `detectionScore` is 1. With
   * `withoutRulings`, the form's ruling lines (leaning ones too) are painted out of each crop first.
   */
  async recognize(
    image: RawImage,
    quads: readonly Quad[],
    options: { withoutRulings?: boolean } = {},
  ): Promise<TextLine[]> {
    const { lines } = await this.#recognizer.recognize(image, quads, options.withoutRulings ?? false);
    return lines.map((line, i) => ({ ...line, quad: quads[i] as Quad, detectionScore: 1 }));
  }

  /**
   * Reads each quad (listed from its reading direction) as a line of glyphs at known places: the line as
   * {@link recognize} reads it, and per span of `spans[i]` (fractions of the line's length) the `k` likeliest
   * characters there, whatever the line's best reading.
   */
  async recognizeGlyphs(
    image: RawImage,
    quads: readonly Quad[],
    spans: readonly (readonly LineSpan[])[],
    k: number,
  ): Promise<GlyphLine[]> {
    const { lines, glyphs } = await this.#recognizer.recognizeGlyphs(image, quads, spans, k);
    return lines.map((line, i) => ({
      ...line,
      quad: quads[i] as Quad,
      detectionScore: 1,
      glyphs: glyphs[i] ?? [],
    }));
  }

  /**
   * Completes lines read by {@link recognize} where they end at a vertical ruling: each such line is read again
   * widened past the ruling, and a character printed across it that the wider read adds is kept. Returns one line
   * per given line, in order, as given or completed.
   */
  async completeAtRulings(image: RawImage, lines: readonly TextLine[]): Promise<TextLine[]> {
    const completed = await this.#recognizer.completeAtRulings(
      image,
      lines.map((line) => line.quad),
      lines,
    );
    return lines.map((line, i) => {
      const read = completed.lines[i] as DecodedLine;
      return read === line
        ? line
        : { ...line, text: read.text, confidence: read.confidence, chars: read.chars };
    });
  }

  /** Frees both sessions. */
  async dispose(): Promise<void> {
    await Promise.all([this.#detector.dispose(), this.#recognizer.dispose()]);
  }
}
