import type { Command } from "commander";
import { loadServerConfig } from "../config/load-server-config.ts";
import { parseServerConfig, type ServerConfig } from "../config/server-config.ts";
import { type RunningServer, startServer } from "../http/server.ts";
import { poolRecognizeFn } from "../pool/pool-recognize-fn.ts";
import { type PoolEvent, RecognizerPool } from "../pool/recognizer-pool.ts";

interface ServeOptions {
  config?: string;
  host?: string;
  port?: string;
}

/**
 * Adds `serve [--config FILE] [--host HOST] [--port PORT]`: the Alibaba-compatible HTTP service in front of a pool of
 * recognizer worker threads. Settings: embedded defaults, then the file, then the environment (`ZHENGZHAO_*`, see
 * docs/http-service.md), then these flags. SIGINT or SIGTERM stops it gracefully; a second one stops it at once.
 */
export function addServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "run the HTTP service compatible with Alibaba Cloud OCR (RecognizeHousehold, RecognizeBirthCertification)",
    )
    .option("--config <file>", "JSON configuration file (keys, limits, Url policy)")
    .option(
      "--host <host>",
      "address to listen on (default 0.0.0.0; loopback only while no keys are configured)",
    )
    .option("--port <port>", "port to listen on (default 8080; 0 picks a free one)")
    .action(async (options: ServeOptions) => {
      let config: ServerConfig;
      try {
        config = await configFrom(options);
      } catch (error) {
        program.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      }
      await serve(config);
    });
}

async function configFrom(options: ServeOptions): Promise<ServerConfig> {
  const loaded = await loadServerConfig({ file: options.config, env: process.env });
  const flags: Partial<ServerConfig> = {};
  if (options.host !== undefined) flags.host = options.host;
  if (options.port !== undefined) {
    if (!/^\d+$/.test(options.port)) throw new Error(`--port must be a number, not "${options.port}"`);
    flags.port = Number(options.port);
  }
  return parseServerConfig({ ...loaded, ...flags });
}

async function serve(config: ServerConfig): Promise<void> {
  let server: RunningServer | undefined;
  const onEvent = (event: PoolEvent) => {
    const log = server?.app.log;
    if (event.kind === "worker-replaced") log?.info({ pool: event }, "recognition worker replaced");
    else log?.warn({ pool: event }, "recognition worker event");
  };
  const pool = await RecognizerPool.start({ size: config.workers, onEvent });
  try {
    server = await startServer(config, poolRecognizeFn(pool));
  } catch (error) {
    await pool.close();
    throw error;
  }
  const running = server;
  running.app.log.info(
    { workers: pool.size, threadsPerWorker: pool.threadsPerWorker },
    "recognizer pool ready",
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      running.app.log.warn({ signal }, "second signal: exiting without waiting for requests in flight");
      process.exit(1);
    }
    stopping = true;
    running.app.log.info({ signal }, "stopping: finishing requests in flight");
    void (async () => {
      try {
        await running.close();
        await pool.close();
        running.app.log.info("stopped");
      } catch (error) {
        running.app.log.error({ err: error }, "stopping failed");
        process.exitCode = 1;
      }
    })();
  };
  process.on("SIGINT", stop).on("SIGTERM", stop);
}
