import type { RawImage } from "../../image/raw-image.ts";
import { warpImage } from "../../image/warp-image.ts";
import { loadDictionary } from "../../inference/load-dictionary.ts";
import { OnnxModel, type OnnxModelOptions } from "../../inference/onnx-model.ts";
import type { Quad } from "../../types.ts";
import type { CharAlternative } from "../../types.ts";
import {
  ctcLabels,
  type DecodedLine,
  decodeCtc,
  type FrameLayout,
  type LineSpan,
  spanAlternatives,
} from "./decode.ts";
import { FRAME_WIDTH, LINE_HEIGHT, lineCropWidth, toRecognitionBatch } from "./preprocess.ts";
import { type RulingOptions, withoutRulingLines } from "./remove-rulings.ts";
import {
  betterCleanRead,
  betterWidenedRead,
  type RulingEnds,
  rulingsNearEnds,
  type WidenedQuad,
  widenAtRulings,
} from "./widen-at-rulings.ts";

/** Everything that tunes recognition. */
export interface RecognitionOptions {
  /** Lines per model run; lines are sorted by width first so a batch pads little (small batches
   * measured cheapest: 2 costs 0.75× the CPU time of 6 on a page of 80–90 lines). */
  batchSize: number;
  /** Alternatives kept per character. */
  topK: number;
}

/** Milliseconds spent in each part of recognising a page's lines. */
export interface RecognitionTimings {
  preprocess: number;
  inference: number;
  postprocess: number;
}

/**
 * The CTC text recogniser (PP-OCRv4 mobile): reads the text inside each quad of an image. Owns its ONNX session
 * and dictionary.
 *
 * @example
 * const recognizer = await TextRecognizer.load(files.recognition, files.dictionary, { batchSize: 2, topK: 5 });
 * const { lines } = await recognizer.recognize(image, quads);
 */
export class TextRecognizer {
  readonly #model: OnnxModel;
  readonly #labels: string[];
  readonly #options: RecognitionOptions;

  private constructor(model: OnnxModel, labels: string[], options: RecognitionOptions) {
    this.#model = model;
    this.#labels = labels;
    this.#options = options;
  }

  /** Loads the recognition model and its dictionary. */
  static async load(
    modelPath: string,
    dictionaryPath: string,
    options: RecognitionOptions,
    runtime: OnnxModelOptions = {},
  ): Promise<TextRecognizer> {
    const labels = ctcLabels(await loadDictionary(dictionaryPath));
    return new TextRecognizer(await OnnxModel.load(modelPath, runtime), labels, options);
  }

  /**
   * Reads each quad (corners listed from its reading direction); results come back in the order of `quads`.
   * A degenerate quad reads as an empty line. With `withoutRulings`, the form's ruling lines are painted out of each
   * crop first.
   */
  async recognize(
    image: RawImage,
    quads: readonly Quad[],
    withoutRulings = false,
  ): Promise<{ lines: DecodedLine[]; timings: RecognitionTimings }> {
    const timings: RecognitionTimings = { preprocess: 0, inference: 0, postprocess: 0 };
    const lines = quads.map(emptyLine);
    await this.#read(image, quads, lines, timings, withoutRulings ? LEANING : undefined);
    return { lines, timings };
  }

  /**
   * Reads each quad as a line of glyphs set at known places: its best reading, and per span of `spans[i]`
   * (fractions of the line's length) the `k` likeliest characters there whatever the best path reads (see
   * {@link spanAlternatives}). One model run serves both.
   */
  async recognizeGlyphs(
    image: RawImage,
    quads: readonly Quad[],
    spans: readonly (readonly LineSpan[])[],
    k: number,
  ): Promise<{ lines: DecodedLine[]; glyphs: CharAlternative[][][]; timings: RecognitionTimings }> {
    const timings: RecognitionTimings = { preprocess: 0, inference: 0, postprocess: 0 };
    const lines = quads.map(emptyLine);
    const glyphs: CharAlternative[][][] = quads.map((_, i) => (spans[i] ?? []).map(() => []));
    await this.#run(image, quads, timings, undefined, (data, layout, index) => {
      lines[index] = decodeCtc(data, layout, this.#labels, this.#options.topK);
      glyphs[index] = spanAlternatives(data, layout, this.#labels, spans[index] ?? [], k);
    });
    return { lines, glyphs, timings };
  }

  /**
   * Completes lines read from `quads` (one per quad, in order) where a line ends at a vertical ruling: it is read
   * again widened past the ruling, with the form's ruling lines removed from the crop, and a character that read
   * adds is kept (the detected box often stops at a ruling while a character printed across it continues).
   * Returns the lines, each either as given or completed.
   */
  async completeAtRulings(
    image: RawImage,
    quads: readonly Quad[],
    lines: readonly DecodedLine[],
  ): Promise<{ lines: DecodedLine[]; timings: RecognitionTimings }> {
    const timings: RecognitionTimings = { preprocess: 0, inference: 0, postprocess: 0 };
    const completed = [...lines];
    const atRuling = new Map<number, RulingEnds>();
    const crossed: number[] = [];
    const started = performance.now();
    quads.forEach((quad, index) => {
      if ((lines[index]?.chars.length ?? 0) === 0) return; // nothing read: nothing to complete
      const ends = rulingsNearEnds(image, quad);
      if (ends.left || ends.right) atRuling.set(index, ends);
      else if (ends.inside) crossed.push(index);
    });
    timings.preprocess += performance.now() - started;
    if (crossed.length > 0) {
      // A ruling across the line, away from its ends: read again with it painted out.
      await this.#readCleaner(image, quads, crossed, completed, timings, UPRIGHT);
      // A short value (a name) that gained nothing may be crossed by a ruling that leans (a photographed page):
      // 彭长江 read 长江, the 彭 on the ruling lost. Read once more with leaning rulings painted out too.
      const short = crossed.filter(
        (i) => completed[i] === lines[i] && (lines[i]?.chars.length ?? 0) <= LEANING_RETRY_CHARS,
      );
      await this.#readCleaner(image, quads, short, completed, timings, LEANING);
    }
    if (atRuling.size === 0) return { lines: completed, timings };
    const indexes = [...atRuling.keys()];
    const widened = indexes.map((i) => widenAtRulings(quads[i] as Quad, atRuling.get(i) as RulingEnds));
    const again = widened.map(emptyLine);
    await this.#read(
      image,
      widened.map((w) => w.quad),
      again,
      timings,
      UPRIGHT,
    );
    indexes.forEach((i, k) => {
      const better = betterWidenedRead(
        completed[i] as DecodedLine,
        again[k] as DecodedLine,
        widened[k] as WidenedQuad,
      );
      if (better) completed[i] = better;
    });
    // A first character printed across a ruling that leans a little (a photographed page): a short value (a name)
    // that starts at a ruling and was not completed is read once more with leaning rulings painted out too.
    const leaning = indexes.flatMap((i, k) =>
      completed[i] === lines[i] &&
      atRuling.get(i)?.left === true &&
      (lines[i]?.chars.length ?? 0) <= LEANING_RETRY_CHARS
        ? [k]
        : [],
    );
    if (leaning.length === 0) return { lines: completed, timings };
    const leftOnly = leaning.map((k) => {
      const i = indexes[k] as number;
      return widenAtRulings(quads[i] as Quad, { ...(atRuling.get(i) as RulingEnds), right: false });
    });
    const third = leftOnly.map(emptyLine);
    await this.#read(
      image,
      leftOnly.map((w) => w.quad),
      third,
      timings,
      LEANING,
    );
    leaning.forEach((k, n) => {
      const i = indexes[k] as number;
      const better = betterWidenedRead(
        completed[i] as DecodedLine,
        third[n] as DecodedLine,
        leftOnly[n] as WidenedQuad,
      );
      if (better) completed[i] = better;
    });
    return { lines: completed, timings };
  }

  /**
   * Reads `quads` into `lines`; with `clean`, rulings are removed from each crop first
   * (only for the widened reads, which are kept when better: on blurred pages a line's own strokes can fill its
   * crop's height and pass for rulings).
   */
  /**
   * Reads the lines at `indices` again with the rulings painted out (`rulings` says which), and keeps each read that
   * {@link betterCleanRead} finds better than the one in `completed`.
   */
  async #readCleaner(
    image: RawImage,
    quads: readonly Quad[],
    indices: readonly number[],
    completed: DecodedLine[],
    timings: RecognitionTimings,
    rulings: RulingOptions,
  ): Promise<void> {
    if (indices.length === 0) return;
    const again = indices.map(emptyLine);
    await this.#read(
      image,
      indices.map((i) => quads[i] as Quad),
      again,
      timings,
      rulings,
    );
    indices.forEach((i, k) => {
      const better = betterCleanRead(completed[i] as DecodedLine, again[k] as DecodedLine);
      if (better) completed[i] = better;
    });
  }

  async #read(
    image: RawImage,
    quads: readonly Quad[],
    lines: DecodedLine[],
    timings: RecognitionTimings,
    clean: RulingOptions | undefined,
  ): Promise<void> {
    await this.#run(image, quads, timings, clean, (data, layout, index) => {
      lines[index] = decodeCtc(data, layout, this.#labels, this.#options.topK);
    });
  }

  /** Runs the model on `quads` in width-sorted batches and hands each line's output to `decode`. */
  async #run(
    image: RawImage,
    quads: readonly Quad[],
    timings: RecognitionTimings,
    clean: RulingOptions | undefined,
    decode: (data: Float32Array, layout: FrameLayout, index: number) => void,
  ): Promise<void> {
    const widths = quads.map(lineCropWidth);
    const order = quads.map((_, i) => i).filter((i) => (widths[i] as number) > 0);
    order.sort((a, b) => (widths[a] as number) - (widths[b] as number));
    const batchSize = Math.max(1, this.#options.batchSize);
    for (let first = 0; first < order.length; first += batchSize) {
      const batch = order.slice(first, first + batchSize);
      const started = performance.now();
      const crops = batch.map((i) => {
        const crop = warpImage(image, quads[i] as Quad, widths[i] as number, LINE_HEIGHT);
        return clean ? withoutRulingLines(crop, clean) : crop;
      });
      const input = toRecognitionBatch(crops);
      const inferenceStarted = performance.now();
      const output = await this.#model.run(input);
      const postprocessStarted = performance.now();
      this.#decodeBatch(output.data, output.dims, crops, batch, decode);
      timings.preprocess += inferenceStarted - started;
      timings.inference += postprocessStarted - inferenceStarted;
      timings.postprocess += performance.now() - postprocessStarted;
    }
  }

  #decodeBatch(
    data: Float32Array,
    dims: readonly number[],
    crops: readonly RawImage[],
    batch: readonly number[],
    decode: (data: Float32Array, layout: FrameLayout, index: number) => void,
  ): void {
    const frames = dims[1] as number;
    const classes = dims[2] as number;
    batch.forEach((lineIndex, n) => {
      const layout = {
        offset: n * frames * classes,
        frames,
        classes,
        frameWidth: FRAME_WIDTH,
        contentWidth: (crops[n] as RawImage).width,
      };
      decode(data, layout, lineIndex);
    });
  }

  /** Frees the session. */
  dispose(): Promise<void> {
    return this.#model.dispose();
  }
}

/** Rulings removed before a widened read: upright ones only (a line's own strokes may lean). */
const UPRIGHT: RulingOptions = { leaning: false };
/** Lines of at most this many characters (names, short words) get the read with leaning rulings painted out. */
const LEANING_RETRY_CHARS = 4;
/** Rulings removed when asked for: leaning ones too (a frame line photographed at an angle to the text). */
const LEANING: RulingOptions = { leaning: true };

/** The read of a line with nothing on it. */
function emptyLine(): DecodedLine {
  return { text: "", confidence: 0, chars: [] };
}
