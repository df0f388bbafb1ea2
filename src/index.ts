/**
 * zhengzhao: read Chinese household registers (户口本) and birth certificates (出生医学证明) from photos and scans
 * into Alibaba-Cloud-OCR-shaped results (API 2021-07-07).
 *
 * @example
 * const recognizer = await createRecognizer();
 * const result = await recognizer.recognizeHousehold(bytes, { residentPage: true });
 * console.log(result.data.name);
 * await recognizer.dispose();
 */
import { DocumentRecognizer, type PipelineTimings } from "./pipeline/document-recognizer.ts";
import { OcrEngine } from "./stages/ocr-engine.ts";
import type { OcrEngineOverrides } from "./stages/ocr-engine-options.ts";
import type { DocumentType, RecognitionResult } from "./types.ts";

export { ERROR_CODES, type ErrorCode, RecognitionError } from "./errors.ts";
export type { PipelineTimings } from "./pipeline/document-recognizer.ts";
export type {
  DocumentType,
  KeyValueInfo,
  Point,
  Quad,
  RecognitionResult,
  SliceRect,
  TextLine,
} from "./types.ts";

/** Options of {@link createRecognizer}. */
export interface RecognizerOptions {
  /** OCR engine settings laid over the defaults (threads, detection thresholds, batch size). */
  engine?: OcrEngineOverrides;
}

/** Reads the three documents; holds the OCR models. Call `dispose()` when done. */
export interface Recognizer {
  /** `RecognizeHousehold`: the householder page, or a resident page with `residentPage: true`. */
  recognizeHousehold(image: Uint8Array, options?: { residentPage?: boolean }): Promise<RecognitionResult>;
  /** `RecognizeBirthCertification`: the front page of a 出生医学证明. */
  recognizeBirthCertificate(image: Uint8Array): Promise<RecognitionResult>;
  /** Any of the three by type, with where the time went. */
  recognize(
    type: DocumentType,
    image: Uint8Array,
  ): Promise<{ result: RecognitionResult; timings: PipelineTimings }>;
  dispose(): Promise<void>;
}

/** Loads the models once and returns a recognizer. Errors are `RecognitionError`s with a stable `code`. */
export async function createRecognizer(options: RecognizerOptions = {}): Promise<Recognizer> {
  const pipeline = new DocumentRecognizer(await OcrEngine.create(options.engine));
  return {
    recognizeHousehold: (image, { residentPage = false } = {}) =>
      pipeline.recognize(image, residentPage ? "household-resident" : "household-head"),
    recognizeBirthCertificate: (image) => pipeline.recognize(image, "birth-certificate"),
    recognize: (type, image) => pipeline.recognizeTimed(image, type),
    dispose: () => pipeline.dispose(),
  };
}
