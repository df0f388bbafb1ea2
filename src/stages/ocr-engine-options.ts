import { availableParallelism } from "node:os";
import { invalidParameterError } from "../errors.ts";
import { defaultModelFiles, type ModelFiles } from "../inference/model-files.ts";
import type { DetectionOptions } from "./text-detection/text-detector.ts";
import type { RecognitionOptions } from "./text-recognition/text-recognizer.ts";

/** Everything the OCR engine can be tuned with. */
export interface OcrEngineOptions {
  detection: DetectionOptions;
  recognition: RecognitionOptions;
  /** Intra-op threads of each model; more than the cores is ~3× slower. */
  threads: number;
  /** Let idle inference threads spin-wait (faster only when nothing else wants the cores); off by default. */
  allowSpinning: boolean;
  /** Model and dictionary files. */
  models: ModelFiles;
}

/** Overrides for {@link OcrEngineOptions}: any group may be given in part. */
export interface OcrEngineOverrides {
  detection?: Partial<DetectionOptions>;
  recognition?: Partial<RecognitionOptions>;
  threads?: number;
  allowSpinning?: boolean;
  models?: Partial<ModelFiles>;
}

/** The measured defaults (field notes: detector at ≥ 960 px long side, batches of 2, one thread per core). */
export const DEFAULT_DETECTION_OPTIONS: DetectionOptions = {
  minLongSide: 960,
  maxLongSide: 960,
  binaryThreshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

export const DEFAULT_RECOGNITION_OPTIONS: RecognitionOptions = { batchSize: 2, topK: 5 };

/**
 * The defaults with `overrides` laid over them, group by group, checked: a bad value fails here with
 * `InvalidParameter` instead of deep inside the runtime.
 */
export function resolveOcrEngineOptions(overrides: OcrEngineOverrides = {}): OcrEngineOptions {
  const options = {
    detection: { ...DEFAULT_DETECTION_OPTIONS, ...overrides.detection },
    recognition: { ...DEFAULT_RECOGNITION_OPTIONS, ...overrides.recognition },
    threads: overrides.threads ?? availableParallelism(),
    allowSpinning: overrides.allowSpinning ?? false,
    models: { ...defaultModelFiles(), ...overrides.models },
  };
  const { detection, recognition } = options;
  expectInteger("threads", options.threads, 1);
  expectInteger("recognition.batchSize", recognition.batchSize, 1);
  expectInteger("recognition.topK", recognition.topK, 1);
  expectInteger("detection.minLongSide", detection.minLongSide, 32);
  expectInteger("detection.maxLongSide", detection.maxLongSide, detection.minLongSide);
  expectInteger("detection.maxCandidates", detection.maxCandidates, 1);
  for (const key of ["binaryThreshold", "boxThreshold"] as const) {
    const value = detection[key];
    if (!(value >= 0 && value <= 1))
      throw invalidParameterError(`detection.${key}`, "a number from 0 to 1", value);
  }
  for (const key of ["unclipRatio", "minSize"] as const) {
    const value = detection[key];
    if (!(value >= 0)) throw invalidParameterError(`detection.${key}`, "a number ≥ 0", value);
  }
  return options;
}

function expectInteger(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw invalidParameterError(name, `an integer ≥ ${minimum}`, value);
  }
}
