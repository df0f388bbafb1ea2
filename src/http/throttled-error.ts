import { RecognitionError } from "../errors.ts";

/**
 * `Throttling.User` with the delay after which a retry may succeed. The service sends the delay as
 * `x-acs-retry-after` (milliseconds): SDKs newer than npm's raise `ThrottlingError` only when that header is present
 * (alibaba-wire-protocol.md §3.2).
 */
export class ThrottledError extends RecognitionError {
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number) {
    super("Throttling.User", message);
    this.name = "ThrottledError";
    this.retryAfterMs = Math.max(1, Math.ceil(retryAfterMs));
  }
}
