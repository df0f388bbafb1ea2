import { scaleQuad } from "../../geometry/quad.ts";
import { sortReadingOrder } from "../../geometry/reading-order.ts";
import type { RawImage } from "../../image/raw-image.ts";
import { resizeImage } from "../../image/resize-image.ts";
import { OnnxModel, type OnnxModelOptions } from "../../inference/onnx-model.ts";
import type { Point, Quad } from "../../types.ts";
import { boxesFromProbabilityMap, type DetectedBox, type DetectionThresholds } from "./postprocess.ts";
import { type DetectionSizeLimits, detectionSize, toDetectionTensor } from "./preprocess.ts";

/** Everything that tunes detection. */
export type DetectionOptions = DetectionSizeLimits & DetectionThresholds;

/** Milliseconds spent in each part of one detection. */
export interface DetectionTimings {
  preprocess: number;
  inference: number;
  postprocess: number;
}

/**
 * The DB text detector (PP-OCRv4 mobile): finds text line boxes in an image and returns them in the image's own
 * pixels, in reading order. Owns its ONNX session.
 *
 * @example
 * const detector = await TextDetector.load(files.detection, options);
 * const { boxes } = await detector.detect(image);
 */
export class TextDetector {
  readonly #model: OnnxModel;
  readonly #options: DetectionOptions;

  private constructor(model: OnnxModel, options: DetectionOptions) {
    this.#model = model;
    this.#options = options;
  }

  /** Loads the detection model. */
  static async load(
    path: string,
    options: DetectionOptions,
    runtime: OnnxModelOptions = {},
  ): Promise<TextDetector> {
    return new TextDetector(await OnnxModel.load(path, runtime), options);
  }

  /**
   * Finds the text boxes of an image, in its pixels and reading order, with the time each part took. `longSide`
   * overrides the configured detection size for this call (a page whose text came out too small to find).
   */
  async detect(
    image: RawImage,
    longSide?: number,
  ): Promise<{ boxes: DetectedBox[]; timings: DetectionTimings }> {
    const started = performance.now();
    const limits = longSide === undefined ? this.#options : { minLongSide: longSide, maxLongSide: longSide };
    const size = detectionSize(image.width, image.height, limits);
    const resized =
      size.width === image.width && size.height === image.height
        ? image
        : await resizeImage(image, size.width, size.height);
    const input = toDetectionTensor(resized);
    const inferenceStarted = performance.now();
    const output = await this.#model.run(input);
    const postprocessStarted = performance.now();
    const found = boxesFromProbabilityMap(output.data, size.width, size.height, this.#options);
    const scaleX = image.width / size.width;
    const scaleY = image.height / size.height;
    const boxes = found.map((box) => ({
      quad: clampQuad(scaleQuad(box.quad, scaleX, scaleY), image.width, image.height),
      score: box.score,
    }));
    const ordered = sortReadingOrder(boxes, (box) => box.quad);
    const finished = performance.now();
    return {
      boxes: ordered,
      timings: {
        preprocess: inferenceStarted - started,
        inference: postprocessStarted - inferenceStarted,
        postprocess: finished - postprocessStarted,
      },
    };
  }

  /** Frees the session. */
  dispose(): Promise<void> {
    return this.#model.dispose();
  }
}

function clampQuad(quad: Quad, width: number, height: number): Quad {
  const [a, b, c, d] = quad.map((p) => ({
    x: Math.min(Math.max(p.x, 0), width),
    y: Math.min(Math.max(p.y, 0), height),
  }));
  return [a as Point, b as Point, c as Point, d as Point];
}
