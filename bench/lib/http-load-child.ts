// The load generator's process (see http-load.ts): receives LoadOptions, runs autocannon, sends back a LoadResult.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { signAcs3Request } from "../../src/http/sign-acs3-request.ts";
import type { LoadOptions, LoadResult } from "./http-load.ts";

process.once("message", async (message) => {
  const options = message as LoadOptions;
  const host = new URL(options.url).host;
  const images = options.images.map((image) => ({ ...image, bytes: readFileSync(image.file) }));
  let next = 0;
  const codes: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    // Unset options must be absent, not undefined: autocannon validates them as given.
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    ...(options.durationSeconds === undefined ? {} : { duration: options.durationSeconds }),
    timeout: options.timeoutSeconds,
    requests: [
      {
        // Built just before it is sent (autocannon keeps one context per request, one request in flight per
        // connection), so the time from here to its answer is the request's latency as the client sees it.
        setupRequest: (request, context) => {
          context.sentAt = performance.now();
          const image = images[next++ % images.length];
          if (image === undefined) throw new Error("no images");
          const path = image.query === "" ? "/" : `/?${image.query}`;
          const headers = signAcs3Request({
            accessKeyId: options.accessKeyId,
            accessKeySecret: options.accessKeySecret,
            action: image.action,
            host,
            url: path,
            body: image.bytes,
          });
          return { ...request, method: "POST", path, headers, body: image.bytes };
        },
        onResponse: (status, body, context) => {
          if (status === 200) latenciesMs.push(performance.now() - Number(context.sentAt));
          let code = status === 200 ? "OK" : `HTTP ${status}`;
          if (status !== 200) {
            try {
              code = String((JSON.parse(body) as { Code?: string }).Code ?? code);
            } catch {}
          }
          codes[code] = (codes[code] ?? 0) + 1;
        },
      },
    ],
  });
  const answer: LoadResult = {
    seconds: (performance.now() - started) / 1000,
    codes,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    latenciesMs,
  };
  process.send?.(answer, () => process.exit(0));
});
