import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from "fastify";
import type { Action, ServerConfig } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";
import { Authenticator } from "./authenticator.ts";
import { newRequestId } from "./error-response.ts";
import { ImageUrlFetcher } from "./fetch-image-url.ts";
import { createHttpMetrics, type HttpMetrics } from "./http-metrics.ts";
import { registerOperationsRoutes } from "./operations-routes.ts";
import { RateLimiter } from "./rate-limiter.ts";
import type { RecognizeFn } from "./recognize-fn.ts";
import { createRecognizeHandler } from "./recognize-route.ts";
import { fromFastifyError, sendError } from "./send-error.ts";
import { ThrottledError } from "./throttled-error.ts";
import { registerWebRoutes } from "./web-routes.ts";
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
    // The default request lines carry the URL, whose `Url` query may be private.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: newRequestId,
    return503OnClosing: false, // answered below in the Alibaba error format instead
  });
  const queue = new WorkQueue({ concurrency: config.workers, maxQueued: config.queueSize });
  const metrics = createHttpMetrics(queue);
  const fetcher = new ImageUrlFetcher(config.urlFetch);
  const stopping = new AbortController();
  const outcomes = new WeakMap<FastifyRequest, Outcome>();
  const outcomeOf = (request: FastifyRequest): Outcome => {
    const outcome = outcomes.get(request) ?? { action: "other", code: "OK" };
    outcomes.set(request, outcome);
    return outcome;
  };
  const fail = (request: FastifyRequest, reply: FastifyReply, error: RecognitionError) => {
    outcomeOf(request).code = error.code;
    return sendError(request, reply, error, config.hostId);
  };

  // The image is the raw body whatever its content type (or none): the route streams it with its own cap.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
  app.setErrorHandler((error, request, reply) => fail(request, reply, fromFastifyError(error)));
  app.setNotFoundHandler((request, reply) =>
    fail(request, reply, new RecognitionError("InvalidAction.NotFound")),
  );
  app.addHook("onRequest", async (request, reply) => {
    if (stopping.signal.aborted && request.method === "POST") return fail(request, reply, stoppingError());
  });
  app.addHook("onResponse", async (request, reply) =>
    recordOutcome(request, reply, outcomeOf(request), metrics),
  );
  // While stopping, every answer ends its connection: a keep-alive client would otherwise hold the close open until
  // the keep-alive timeout (72 s, measured with the SDK).
  app.addHook("onSend", async (_request, reply) => {
    if (stopping.signal.aborted) reply.header("connection", "close");
  });
  app.addHook("preClose", async () => stopping.abort(stoppingError()));
  app.addHook("onClose", async () => {
    await queue.whenIdle();
    await fetcher.close();
  });

  const authenticator = new Authenticator(config.keys, {
    nonceCapacity: config.nonceCapacity,
    now: options.now,
  });
  const noteAction = (request: FastifyRequest, action: Action) => {
    outcomeOf(request).action = action;
  };
  const rateLimiter = new RateLimiter(options.now);
  const { recognize } = options;
  const routeContext = { config, recognize, authenticator, rateLimiter, queue, fetcher, noteAction };
  app.post("/", createRecognizeHandler(routeContext));
  registerWebRoutes(app, routeContext); // the page to try it (GET /) and its same-origin route
  registerOperationsRoutes(app, { metrics, queue, stopping: stopping.signal });
  return app;
}

function stoppingError(): ThrottledError {
  return new ThrottledError("The server is stopping.", 1000);
}

/** Metrics for recognition requests, and one log line per request. */
function recordOutcome(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: Outcome,
  metrics: HttpMetrics,
): void {
  const { action, code } = outcome;
  const route = request.routeOptions.url;
  if (request.method === "POST" && (route === "/" || route === "/api/recognize")) {
    metrics.requests.inc({ action, code });
    metrics.duration.observe({ action }, reply.elapsedTime / 1000);
  }
  // Privacy (brief): RequestId, action, code and timing only; never the image, the Url or a result.
  request.log.info(
    { requestId: request.id, action, code, status: reply.statusCode, ms: reply.elapsedTime },
    "answered",
  );
}
