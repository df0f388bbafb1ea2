import type { FastifyInstance, FastifyServerOptions } from "fastify";
import { listenHost, type ServerConfig } from "../config/server-config.ts";
import { buildApp } from "./build-app.ts";
import type { RecognizeFn } from "./recognize-fn.ts";

/** A listening service. */
export interface RunningServer {
  app: FastifyInstance;
  /** `http://host:port` actually bound (the port is real even when the configuration asked for 0). */
  url: string;
  /** Stops accepting connections, finishes the requests in flight, then resolves. */
  close(): Promise<void>;
}

/** Options for {@link startServer} beyond the configuration. */
export interface StartServerOptions {
  /** Fastify's logger option; defaults to JSON lines on stdout at `info`. */
  logger?: FastifyServerOptions["logger"];
  /** Clock for signature dates and rate limits; defaults to `Date.now` (tests move it). */
  now?: () => number;
}

/**
 * Builds the app and listens. A configuration without keys accepts every request, so the server then binds to
 * loopback whatever `host` says and warns at every start.
 *
 * @example
 * const server = await startServer(await loadServerConfig({ env: process.env }), recognize);
 * process.once("SIGTERM", () => void server.close());
 */
export async function startServer(
  config: ServerConfig,
  recognize: RecognizeFn,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const app = buildApp({ config, recognize, logger: options.logger ?? { level: "info" }, now: options.now });
  const host = listenHost(config);
  if (config.keys.length === 0) {
    app.log.warn(
      { configuredHost: config.host, host },
      "NO ACCESS KEYS CONFIGURED: the service accepts unsigned requests from anyone who can reach it, so it listens on loopback only. Configure keys to serve other hosts.",
    );
  }
  await app.listen({ host, port: config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  app.log.info({ url, workers: config.workers, queueSize: config.queueSize }, "listening");
  return { app, url, close: () => app.close() };
}
