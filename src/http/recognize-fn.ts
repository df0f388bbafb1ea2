import type { Action } from "../config/server-config.ts";
import type { RecognitionResult } from "../types.ts";

/** One recognition the HTTP service asks for. */
export interface RecognizeRequest {
  action: Action;
  /** The image bytes as received (body or downloaded `Url`), at most 10 MB. */
  image: Uint8Array;
  /** `IsResidentPage` for `RecognizeHousehold` (常住人口登记卡 instead of 户主页); always false otherwise. */
  residentPage: boolean;
  /** Aborted when the request's time limit passes, the client goes away or the server stops. */
  signal: AbortSignal;
}

/**
 * The recognizer the service is built around, injected so that the HTTP layer does not depend on it (and a worker
 * pool can sit behind it). It resolves with the result object or rejects with a `RecognitionError`; any other
 * rejection is reported as `algorithmError`.
 */
export type RecognizeFn = (request: RecognizeRequest) => Promise<RecognitionResult>;
