import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";
import type { Action, ServerConfig } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";
import { Authenticator } from "./authenticator.ts";
import { errorBody, newRequestId, toRecognitionError } from "./error-response.ts";
import { ImageUrlFetcher } from "./fetch-image-url.ts";
import { createHttpMetrics } from "./http-metrics.ts";
import { RateLimiter } from "./rate-limiter.ts";
import type { RecognizeFn } from "./recognize-fn.ts";
import { createRecognizeHandler } from "./recognize-route.ts";
import { ThrottledError } from "./throttled-error.ts";
import { WorkQueue } from "./work-queue.ts";

/** What {@link buildApp} needs. */
export interface BuildAppOptions {
  config: ServerConfig;
  recognize: RecognizeFn;
  /** Fastify's logger option; off by default (tests). Request logging is always replaced by one privacy-safe line. */
  logger?: FastifyServerOptions["logger"];
  /** Clock for signature dates and rate limits (tests). */
  now?: () => number;
}

interface Outcome {
  action: Action | "other";
  code: string;
}

/**
 * Builds the Alibaba-compatible HTTP service without listening: `POST /` for `RecognizeHousehold` and
 * `RecognizeBirthCertification` (alibaba-wire-protocol.md §6), `GET /healthz`, `GET /readyz` and `GET /metrics`.
 * Closing the app stops new work, lets work in flight finish, then releases the URL fetcher's connections.
 *
 * @example
 * const app = buildApp({ config: parseServerConfig({}), recognize });
 * const response = await app.inject({ method: "POST", url: "/", headers: { "x-acs-action": "RecognizeHousehold" } });
 */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    disableRequestLogging: true, // the default lines carry the URL, whose `Url` query may be private
    genReqId: newRequestId,
    return503OnClosing: false, // answered below in the Alibaba error format instead
  });
  const queue = new WorkQueue({ concurrency: config.workers, maxQueued: config.queueSize });
  const metrics = createHttpMetrics(queue);
  const fetcher = new ImageUrlFetcher(config.urlFetch);
  const shutdown = new AbortController();
  const outcomes = new WeakMap<FastifyRequest, Outcome>();
  const outcomeOf = (request: FastifyRequest): Outcome => {
    const outcome = outcomes.get(request) ?? { action: "other", code: "OK" };
    outcomes.set(request, outcome);
    return outcome;
  };

  // The image is the raw body whatever its content type (or none): the route streams it with its own cap.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));

  const sendError = (request: FastifyRequest, reply: FastifyReply, error: RecognitionError) => {
    outcomeOf(request).code = error.code;
    if (error instanceof ThrottledError) reply.header("x-acs-retry-after", String(error.retryAfterMs));
    if (error.code === "exceededImageContent") reply.header("connection", "close"); // the rest of the upload is dropped
    if (error.status >= 500)
      request.log.error({ err: error.cause ?? error, code: error.code }, "request failed");
    return reply
      .code(error.status)
      .header("content-type", "application/json;charset=utf-8")
      .header("x-acs-request-id", request.id)
      .send(JSON.stringify(errorBody(error, request.id, config.hostId)));
  };

  app.setErrorHandler((error, request, reply) => sendError(request, reply, fromFastifyError(error)));
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new RecognitionError("InvalidAction.NotFound")),
  );

  app.addHook("onRequest", async (request, reply) => {
    if (shutdown.signal.aborted)
      return sendError(request, reply, new ThrottledError("The server is stopping.", 1000));
  });
  app.addHook("onResponse", async (request, reply) => {
    const { action, code } = outcomeOf(request);
    const seconds = reply.elapsedTime / 1000;
    if (request.routeOptions.url === "/" && request.method === "POST") {
      metrics.requests.inc({ action, code });
      metrics.duration.observe({ action }, seconds);
    }
    // Privacy (brief): RequestId, action, code and timing only; never the image, the Url or a result.
    request.log.info(
      { requestId: request.id, action, code, status: reply.statusCode, ms: reply.elapsedTime },
      "answered",
    );
  });
  app.addHook("preClose", async () => {
    shutdown.abort(new ThrottledError("The server is stopping.", 1000));
  });
  app.addHook("onClose", async () => {
    await queue.whenIdle();
    await fetcher.close();
  });

  app.post(
    "/",
    createRecognizeHandler({
      config,
      recognize: options.recognize,
      authenticator: new Authenticator(config.keys, {
        nonceCapacity: config.nonceCapacity,
        now: options.now,
      }),
      rateLimiter: new RateLimiter(options.now),
      queue,
      fetcher,
      shutdown: shutdown.signal,
      noteAction: (request, action) => {
        outcomeOf(request).action = action;
      },
    }),
  );
  app.get("/healthz", async (_request, reply) => reply.send({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const ready = !shutdown.signal.aborted && !queue.saturated;
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "busy" });
  });
  app.get("/metrics", async (_request, reply) =>
    reply.header("content-type", metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  return app;
}

/** Fastify's own errors keep their 4xx meaning as `InvalidParameter`; everything else goes through the mapping. */
function fromFastifyError(error: unknown): RecognitionError {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (!(error instanceof RecognitionError) && typeof status === "number" && status >= 400 && status < 500) {
    return new RecognitionError("InvalidParameter", "The request is malformed.", { cause: error });
  }
  return toRecognitionError(error);
}
