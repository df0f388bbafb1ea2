import type { RecognizeFn } from "../http/recognize-fn.ts";
import type { DocumentType } from "../types.ts";
import type { RecognizerPool } from "./recognizer-pool.ts";

/**
 * The HTTP service's recognizer backed by a worker pool. The request's image is handed to the worker without a copy
 * (the HTTP layer does not use it again) and its signal ends the worker when the time limit passes.
 *
 * @example
 * const server = await startServer(config, poolRecognizeFn(await RecognizerPool.start({ size: config.workers })));
 */
export function poolRecognizeFn(pool: RecognizerPool): RecognizeFn {
  return async ({ action, image, residentPage, signal }) => {
    const type: DocumentType =
      action === "RecognizeBirthCertification"
        ? "birth-certificate"
        : residentPage
          ? "household-resident"
          : "household-head";
    const { result } = await pool.recognize(type, image, { signal, transferImage: true });
    return result;
  };
}
