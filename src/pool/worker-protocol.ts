import { ERROR_CODES, type ErrorCode, RecognitionError } from "../errors.ts";
import type { PipelineTimings } from "../pipeline/document-recognizer.ts";
import type { DocumentType, RecognitionResult } from "../types.ts";

/** What a pool worker is started with (`workerData`). */
export interface WorkerSettings {
  /** Intra-op threads of each ONNX session in this worker. */
  threads: number;
}

/** Parent → worker: read one image. The image's buffer is transferred, not copied. */
export interface RecognizeMessage {
  kind: "recognize";
  id: number;
  type: DocumentType;
  image: Uint8Array;
}

/**
 * Parent → worker: stop now. The worker exits when its event loop next turns, which is between two native inference
 * runs: terminating a worker from outside while onnxruntime runs aborts the whole process (measured: `Napi::Error`,
 * std::terminate), so an aborted recognition is ended this way.
 */
export interface StopMessage {
  kind: "stop";
}

/** Everything the parent sends. */
export type ParentMessage = RecognizeMessage | StopMessage;

/** An error as it crosses the thread boundary: a `RecognitionError` is rebuilt from its code on the other side. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
}

/** Worker → parent. */
export type WorkerMessage =
  | { kind: "ready" }
  | { kind: "failed"; error: SerializedError }
  | { kind: "result"; id: number; result: RecognitionResult; timings: PipelineTimings }
  | { kind: "error"; id: number; error: SerializedError };

/** Turns anything thrown into what crosses the thread; anything but a `RecognitionError` is `algorithmError`. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof RecognitionError) return { code: error.code, message: error.message };
  return { code: "algorithmError", message: ERROR_CODES.algorithmError.message };
}

/** Rebuilds the `RecognitionError` a worker reported; an unknown code becomes `algorithmError`. */
export function deserializeError(error: SerializedError): RecognitionError {
  const code: ErrorCode = Object.hasOwn(ERROR_CODES, error.code) ? error.code : "algorithmError";
  return new RecognitionError(code, error.message);
}
