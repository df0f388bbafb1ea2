import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One image the load generator sends, with how to send it. */
export interface LoadImage {
  file: string;
  action: "RecognizeHousehold" | "RecognizeBirthCertification";
  /** The query, encoded (`IsResidentPage=true`) or "". */
  query: string;
}

/** What one run of the load generator does. */
export interface LoadOptions {
  /** `http://host:port` of the service. */
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  images: LoadImage[];
  /** Connections, each with one request in flight. */
  connections: number;
  /** Stop after this many answers; or, when absent, after `durationSeconds`. */
  amount?: number;
  durationSeconds?: number;
  timeoutSeconds: number;
}

/** What a run saw. */
export interface LoadResult {
  seconds: number;
  /** Answers by code: `OK` for 200, else the body's `Code` (or `HTTP <status>` when there is none). */
  codes: Record<string, number>;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
  timeouts: number;
  /** Milliseconds from sending to the answer, of each successful request. */
  latenciesMs: number[];
}

const CHILD = fileURLToPath(new URL("./http-load-child.ts", import.meta.url));

/**
 * Runs autocannon against the service from a second process, so that the load generator's own work does not share
 * the server's event loop. Every request is signed (ACS3-HMAC-SHA256, a fresh nonce each) and carries a real image.
 */
export function runHttpLoad(options: LoadOptions): Promise<LoadResult> {
  const child = fork(CHILD, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let result: LoadResult | undefined;
    child.once("message", (message) => {
      result = message as LoadResult;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`the load generator exited with ${code} and no result`));
    });
    child.send(options);
  });
}
