import type { RecognizeFn } from "../../src/http/recognize-fn.ts";
import type { Recognizer } from "../../src/index.ts";

/**
 * The real recognizer as the HTTP service's {@link RecognizeFn}, in this process (no worker pool): for tests that
 * want real results over HTTP. The signal is not passed on; a recognition runs to its end.
 */
export function inProcessRecognize(recognizer: Recognizer): RecognizeFn {
  return ({ action, image, residentPage }) =>
    action === "RecognizeBirthCertification"
      ? recognizer.recognizeBirthCertificate(image)
      : recognizer.recognizeHousehold(image, { residentPage });
}
