import type { FastifyReply, FastifyRequest } from "fastify";
import { ACTIONS, type Action, MAX_IMAGE_BYTES, type ServerConfig } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";
import type { Authenticator, Caller } from "./authenticator.ts";
import type { ImageUrlFetcher } from "./fetch-image-url.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { readCappedBody } from "./read-capped-body.ts";
import type { RecognizeFn } from "./recognize-fn.ts";
import { ThrottledError } from "./throttled-error.ts";
import type { WorkQueue } from "./work-queue.ts";

/** The only API version of these actions (alibaba-wire-protocol.md §6 step 2). */
export const API_VERSION = "2021-07-07";

/** What the recognize route needs; built once per app. */
export interface RecognizeRouteContext {
  config: ServerConfig;
  recognize: RecognizeFn;
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  queue: WorkQueue;
  fetcher: ImageUrlFetcher;
  /** Records which action a request was for, for logs and metrics. */
  noteAction: (request: FastifyRequest, action: Action) => void;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.at(-1) : value;
}

function resolveAction(request: FastifyRequest): Action {
  const action = header(request, "x-acs-action");
  const known = ACTIONS.find((candidate) => candidate === action);
  if (known === undefined) throw new RecognitionError("InvalidAction.NotFound");
  if (header(request, "x-acs-version") !== API_VERSION) throw new RecognitionError("InvalidVersion");
  return known;
}

/**
 * `POST /`: route on `x-acs-action`, authenticate, read the image (body first, else `Url`), then recognise through
 * the queue within the time limit. The order keeps the cheap refusals before the 10 MB read (protocol §6).
 */
export function createRecognizeHandler(context: RecognizeRouteContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const action = resolveAction(request);
    context.noteAction(request, action);
    const caller = context.authenticator.open
      ? undefined
      : context.authenticator.checkHeaders(request.headers);
    const body = await readCappedBody(request.raw, MAX_IMAGE_BYTES);
    if (caller !== undefined) {
      // The raw target, not a re-serialised one: the query is canonicalised from exactly what was sent (§2.2).
      const signed = {
        method: request.raw.method ?? "POST",
        url: request.raw.url ?? "/",
        headers: request.headers,
      };
      admitSigned(context, caller, signed, body.sha256, action);
    }
    // Closing the app does not abort work in flight: graceful shutdown lets it finish (build-app.ts).
    const signal = clientGoneSignal(reply);
    const image = await imageOf(context, request, body.bytes, signal);
    const residentPage =
      action === "RecognizeHousehold" && queryValue(request, "IsResidentPage")?.toLowerCase() === "true";
    const result = await recognizeWithinLimit(context, { action, image, residentPage }, signal);
    const payload = JSON.stringify({ RequestId: request.id, Data: JSON.stringify(result) });
    reply.header("content-type", "application/json;charset=utf-8").header("x-acs-request-id", request.id);
    await reply.send(payload);
  };
}

/** api.md §1: the body wins over `Url`; neither is `imageUrlOrBodyEmpty` (a 0-byte body counts as absent, §6.3). */
async function imageOf(
  context: RecognizeRouteContext,
  request: FastifyRequest,
  body: Buffer,
  signal: AbortSignal,
): Promise<Uint8Array> {
  if (body.length > 0) return body;
  const url = queryValue(request, "Url");
  if (url === undefined || url === "") throw new RecognitionError("imageUrlOrBodyEmpty");
  return context.fetcher.fetch(url, signal);
}

/**
 * Admits a signed request once its body is read: the signature over the target as received and the body's hash
 * (`Authenticator.verify`), then the access key's rate (`ThrottledError` when exceeded).
 */
export function admitSigned(
  context: Pick<RecognizeRouteContext, "authenticator" | "rateLimiter">,
  caller: Caller,
  signed: Parameters<Authenticator["verify"]>[1],
  payloadHash: string,
  action: Action,
): void {
  context.authenticator.verify(caller, signed, payloadHash, action);
  const rate = caller.key.ratePerSecond;
  const wait = rate === undefined ? 0 : context.rateLimiter.take(caller.key.accessKeyId, rate);
  if (wait > 0) throw new ThrottledError("The access key's request rate is exceeded.", wait);
}

/** A signal aborted when the client closes the connection before the reply is finished. */
export function clientGoneSignal(reply: FastifyReply): AbortSignal {
  const clientGone = new AbortController();
  reply.raw.once("close", () => {
    if (!reply.raw.writableFinished) clientGone.abort(new Error("the client closed the connection"));
  });
  return clientGone.signal;
}

/** Recognises through the work queue within `requestTimeoutMs` (`ServiceTimeout`), aborted also by `outer`. */
export async function recognizeWithinLimit(
  context: Pick<RecognizeRouteContext, "config" | "queue" | "recognize">,
  request: { action: Action; image: Uint8Array; residentPage: boolean },
  outer: AbortSignal,
) {
  const limit = new AbortController();
  const timer = setTimeout(
    () => limit.abort(new RecognitionError("ServiceTimeout")),
    context.config.requestTimeoutMs,
  );
  const signal = AbortSignal.any([limit.signal, outer]);
  try {
    return await context.queue.run(
      (taskSignal) => context.recognize({ ...request, signal: taskSignal }),
      signal,
    );
  } finally {
    clearTimeout(timer);
  }
}
