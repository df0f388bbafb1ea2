import type { FastifyReply, FastifyRequest } from "fastify";
import { RecognitionError } from "../errors.ts";
import { errorBody, toRecognitionError } from "./error-response.ts";
import { ThrottledError } from "./throttled-error.ts";

/**
 * Answers with an error exactly as the SDKs parse it (alibaba-wire-protocol.md §3.2, §6 step 7): the code's status,
 * a JSON body with `application/json;charset=utf-8` (never HTML or text, which the SDK cannot parse),
 * `x-acs-request-id`, and `x-acs-retry-after` for throttling.
 */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: RecognitionError,
  hostId: string,
) {
  if (error instanceof ThrottledError) reply.header("x-acs-retry-after", String(error.retryAfterMs));
  // The rest of an oversized upload is drained and dropped; the connection is not reused after it.
  if (error.code === "exceededImageContent") reply.header("connection", "close");
  if (error.status >= 500)
    request.log.error({ err: error.cause ?? error, code: error.code }, "request failed");
  return reply
    .code(error.status)
    .header("content-type", "application/json;charset=utf-8")
    .header("x-acs-request-id", request.id)
    .send(JSON.stringify(errorBody(error, request.id, hostId)));
}

/** Fastify's own 4xx errors become `InvalidParameter`; everything else goes through {@link toRecognitionError}. */
export function fromFastifyError(error: unknown): RecognitionError {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (!(error instanceof RecognitionError) && typeof status === "number" && status >= 400 && status < 500) {
    return new RecognitionError("InvalidParameter", "The request is malformed.", { cause: error });
  }
  return toRecognitionError(error);
}
