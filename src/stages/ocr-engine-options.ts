import { availableParallelism } from "node:os";
import { defaultModelFiles, type ModelFiles } from "../inference/model-files.ts";
import type { DetectionOptions } from "./text-detection/text-detector.ts";
import type { RecognitionOptions } from "./text-recognition/text-recognizer.ts";

/** Everything the OCR engine can be tuned with. */
export interface OcrEngineOptions {
  detection: DetectionOptions;
  recognition: RecognitionOptions;
  /** Intra-op threads of each model; more than the cores is ~3× slower. */
  threads: number;
  /** Model and dictionary files. */
  models: ModelFiles;
}

/** Overrides for {@link OcrEngineOptions}: any group may be given in part. */
export interface OcrEngineOverrides {
  detection?: Partial<DetectionOptions>;
  recognition?: Partial<RecognitionOptions>;
  threads?: number;
  models?: Partial<ModelFiles>;
}

/** The measured defaults (field notes: detector at ≥ 960 px long side, batches of 6, one thread per core). */
export const DEFAULT_DETECTION_OPTIONS: DetectionOptions = {
  minLongSide: 960,
  maxLongSide: 960,
  binaryThreshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

export const DEFAULT_RECOGNITION_OPTIONS: RecognitionOptions = { batchSize: 6, topK: 5 };

/** The defaults with `overrides` laid over them, group by group. */
export function resolveOcrEngineOptions(overrides: OcrEngineOverrides = {}): OcrEngineOptions {
  return {
    detection: { ...DEFAULT_DETECTION_OPTIONS, ...overrides.detection },
    recognition: { ...DEFAULT_RECOGNITION_OPTIONS, ...overrides.recognition },
    threads: overrides.threads ?? availableParallelism(),
    models: { ...defaultModelFiles(), ...overrides.models },
  };
}
