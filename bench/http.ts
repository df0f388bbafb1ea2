// The HTTP service under load against its peer, the library called directly through the same worker pool.
//
// Starts `RecognizerPool` (the real recognizer) and the service in front of it in this process, then for each
// concurrency drives the service from a second process (autocannon, signed requests carrying real document images)
// and runs the same number of recognitions straight on the pool at the same concurrency, alternately, so the ratio is
// measured on the same machine at the same moment. Prints throughput, p50/p99 latency, the share of throttled answers
// and memory; fails on any error other than throttling. `--soak-minutes N` then holds the load for N minutes and
// samples memory.
//
// Usage: npm run bench:http [-- --levels 1,2,4,8 --requests 12 --workers 2 --queue-size 64 --soak-minutes 10]
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseServerConfig } from "../src/config/server-config.ts";
import { startServer } from "../src/http/server.ts";
import { poolRecognizeFn } from "../src/pool/pool-recognize-fn.ts";
import { RecognizerPool } from "../src/pool/recognizer-pool.ts";
import type { DocumentType } from "../src/types.ts";
import { type LoadImage, type LoadResult, runHttpLoad } from "./lib/http-load.ts";
import { readLabels } from "./lib/labels.ts";

const { values } = parseArgs({
  options: {
    levels: { type: "string", default: "1,2,4,8" },
    requests: { type: "string" },
    workers: { type: "string" },
    "queue-size": { type: "string", default: "64" },
    images: { type: "string", default: "test/fixtures/synth" },
    "soak-minutes": { type: "string", default: "0" },
    rounds: { type: "string", default: "2" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(
    "npm run bench:http -- [--levels 1,2,4,8] [--requests N per level, default max(8, 3×concurrency)]\n" +
      "  [--rounds R: alternate HTTP and library R times per level, default 2]\n" +
      "  [--workers N, default the cores] [--queue-size N, default 64] [--images DIR with labels.jsonl]\n" +
      "  [--soak-minutes N: hold 2×workers concurrent requests for N minutes and sample memory]",
  );
  process.exit(0);
}
const levels = values.levels.split(",").map(Number);
const workers = Number(values.workers ?? availableParallelism());
const queueSize = Number(values["queue-size"]);
const soakMinutes = Number(values["soak-minutes"]);
const rounds = Number(values.rounds);
const requestsAt = (concurrency: number) => Number(values.requests ?? Math.max(8, 3 * concurrency));
const KEY = { accessKeyId: "LTAI5tBenchKey", accessKeySecret: `bench-${process.pid}-${Date.now()}` };

interface Sample {
  type: DocumentType;
  load: LoadImage;
  bytes: Uint8Array;
}

const dataDir = resolve(values.images);
const samples: Sample[] = (await readLabels(dataDir)).map((label) => {
  const file = join(dataDir, label.file);
  const load: LoadImage = {
    file,
    action: label.type === "birth-certificate" ? "RecognizeBirthCertification" : "RecognizeHousehold",
    query: label.type === "household-resident" ? "IsResidentPage=true" : "",
  };
  return { type: label.type, load, bytes: new Uint8Array(readFileSync(file)) };
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const memory = () => {
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed };
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

const pool = await RecognizerPool.start({ size: workers });
const config = parseServerConfig({
  host: "127.0.0.1",
  port: 0,
  workers,
  queueSize,
  requestTimeoutMs: 600_000,
  keys: [KEY],
});
const server = await startServer(config, poolRecognizeFn(pool), { logger: false });

/**
 * The peer: `count` recognitions straight on the pool, `concurrency` at a time, over the images in the order the load
 * generator sends them (the first `count`), so both paths read the same pages.
 */
async function runLibrary(concurrency: number, count: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const sample = samples[next++ % samples.length] as Sample;
        const begun = performance.now();
        await pool.recognize(sample.type, sample.bytes);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, pages: count, latencies };
}

/** p50 / p99 in seconds. */
function spread(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${(percentile(sorted, 50) / 1000).toFixed(1)} / ${(percentile(sorted, 99) / 1000).toFixed(1)}`;
}

const failures: string[] = [];
function otherErrors(result: LoadResult): string[] {
  const found = Object.entries(result.codes)
    .filter(([code]) => code !== "OK" && code !== "Throttling.User")
    .map(([code, count]) => `${code} ×${count}`);
  if (result.errors > 0) found.push(`connection errors ×${result.errors}`);
  if (result.timeouts > 0) found.push(`timeouts ×${result.timeouts}`);
  return found;
}

try {
  console.log(
    `HTTP service vs the library through the same pool: ${pool.size} workers × ${pool.threadsPerWorker} inference ` +
      `thread(s), queue ${queueSize}, ${samples.length} images from ${values.images}, ${availableParallelism()} cores`,
  );
  // Warm-up: every worker reads a page, through each path.
  await runLibrary(workers, workers);
  await runHttpLoad(loadOptions(workers, workers));
  const before = memory();
  console.log(`server memory before: RSS ${mb(before.rss)} MB, main heap ${mb(before.heap)} MB`);
  console.log(
    "\n| concurrency | answers HTTP / library | HTTP pages/s | library pages/s | HTTP ÷ library | HTTP p50 / p99 s | library p50 / p99 s | throttled | other errors |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const concurrency of levels) {
    // Alternated in rounds, so that a change in the machine's load falls on both paths alike.
    const perRound = Math.max(concurrency, Math.round(requestsAt(concurrency) / rounds));
    const tally = { httpSeconds: 0, libSeconds: 0, ok: 0, pages: 0, answers: 0, throttled: 0 };
    const httpLatencies: number[] = [];
    const libLatencies: number[] = [];
    const others: string[] = [];
    for (let round = 0; round < rounds; round++) {
      // Which goes first alternates too, so neither path always follows the other.
      let library = round % 2 === 1 ? await runLibrary(concurrency, perRound) : undefined;
      const http = await runHttpLoad(loadOptions(concurrency, perRound));
      library ??= await runLibrary(concurrency, perRound);
      tally.httpSeconds += http.seconds;
      tally.libSeconds += library.seconds;
      tally.ok += http.codes.OK ?? 0;
      tally.pages += library.pages;
      tally.answers += Object.values(http.codes).reduce((sum, n) => sum + n, 0);
      tally.throttled += http.codes["Throttling.User"] ?? 0;
      httpLatencies.push(...http.latenciesMs);
      libLatencies.push(...library.latencies);
      others.push(...otherErrors(http));
    }
    if (others.length > 0) failures.push(`concurrency ${concurrency}: ${others.join(", ")}`);
    const httpRate = tally.ok / tally.httpSeconds;
    const libraryRate = tally.pages / tally.libSeconds;
    console.log(
      `| ${concurrency} | ${tally.answers} / ${tally.pages} | ${httpRate.toFixed(3)} | ${libraryRate.toFixed(3)} | ` +
        `${(httpRate / libraryRate).toFixed(2)} | ${spread(httpLatencies)} | ${spread(libLatencies)} | ` +
        `${((100 * tally.throttled) / Math.max(1, tally.answers)).toFixed(1)}% | ${others.join(", ") || "none"} |`,
    );
  }
  const after = memory();
  console.log(
    `\nserver memory after: RSS ${mb(after.rss)} MB (${after.rss >= before.rss ? "+" : ""}${mb(after.rss - before.rss)}), ` +
      `main heap ${mb(after.heap)} MB`,
  );
  if (soakMinutes > 0) await soak(soakMinutes);
} finally {
  await server.close();
  await pool.close();
}
if (failures.length > 0) {
  console.error(`\nFAILED: errors other than throttling:\n${failures.join("\n")}`);
  process.exitCode = 1;
}

function loadOptions(connections: number, amount?: number, durationSeconds?: number) {
  return {
    url: server.url,
    ...KEY,
    images: samples.map((sample) => sample.load),
    connections,
    amount,
    durationSeconds,
    timeoutSeconds: 600,
  };
}

/** Holds 2×workers requests in flight for `minutes`, sampling the server's memory every 30 s. */
async function soak(minutes: number): Promise<void> {
  const concurrency = 2 * workers;
  console.log(`\nSoak: ${concurrency} concurrent requests for ${minutes} min; memory every 30 s`);
  const start = performance.now();
  const rows: string[] = [];
  const sample = () => {
    const { rss, heap } = memory();
    rows.push(`| ${((performance.now() - start) / 60_000).toFixed(1)} | ${mb(rss)} | ${mb(heap)} |`);
  };
  sample();
  const timer = setInterval(sample, 30_000);
  const result = await runHttpLoad(loadOptions(concurrency, undefined, minutes * 60));
  clearInterval(timer);
  sample();
  console.log("\n| minute | RSS MB | main heap MB |\n|---|---|---|");
  for (const row of rows) console.log(row);
  const ok = result.codes.OK ?? 0;
  console.log(
    `\n${ok} pages in ${result.seconds.toFixed(0)} s (${(ok / result.seconds).toFixed(3)} pages/s), ` +
      `p50 / p99 ${spread(result.latenciesMs)} s`,
  );
  const others = otherErrors(result);
  if (others.length > 0) failures.push(`soak: ${others.join(", ")}`);
}
