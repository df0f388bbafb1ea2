import type { RecognizeFn, RecognizeRequest } from "../../src/http/recognize-fn.ts";
import type { RecognitionResult } from "../../src/types.ts";

/**
 * A TEST double for the injected recognizer: a well-formed result that echoes what it was asked (action, page,
 * image length), so tests can see what reached it. Never shipped.
 */
export function echoResult(request: RecognizeRequest): RecognitionResult {
  const data = {
    action: request.action,
    residentPage: String(request.residentPage),
    imageLength: String(request.image.length),
  };
  return {
    data,
    prism_keyValueInfo: Object.entries(data).map(([key, value]) => ({
      key,
      keyProb: 100,
      value,
      valueProb: 100,
    })),
    sliceRect: { x0: 0, y0: 0, x1: 99, y1: 0, x2: 99, y2: 49, x3: 0, y3: 49 },
    angle: 0,
    ftype: 0,
    width: 100,
    height: 50,
    orgWidth: 100,
    orgHeight: 50,
  };
}

/** The echo recognizer as a {@link RecognizeFn}; `seen` collects every request it received. */
export function createEchoRecognize(seen: RecognizeRequest[] = []): RecognizeFn {
  return async (request) => {
    seen.push(request);
    return echoResult(request);
  };
}
