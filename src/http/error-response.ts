import { randomUUID } from "node:crypto";
import { RecognitionError } from "../errors.ts";

/** Where `Recommend` points: Alibaba's table of these codes, which the service follows (§4 of the protocol page). */
const ERROR_CODES_PAGE =
  "https://help.aliyun.com/zh/ocr/developer-reference/api-ocr-api-2021-07-07-errorcodes";

/** A RequestId in the service's form: an upper-case UUID, like `43A29C77-405E-4CC0-BC55-EE694AD00655`. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** The error body the SDKs parse (alibaba-wire-protocol.md §3.2): PascalCase keys, all strings. */
export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

/** Builds the POP-gateway error body for a code and message. */
export function errorBody(error: RecognitionError, requestId: string, hostId: string): ErrorBody {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `${ERROR_CODES_PAGE}?code=${encodeURIComponent(error.code)}&requestId=${requestId}`,
  };
}

/**
 * Any failure as a {@link RecognitionError}: ours pass through; anything else is an internal fault, reported as
 * `algorithmError` (503, "retry") without its message, which may hold details the caller must not see.
 */
export function toRecognitionError(error: unknown): RecognitionError {
  if (error instanceof RecognitionError) return error;
  return new RecognitionError("algorithmError", undefined, { cause: error });
}
