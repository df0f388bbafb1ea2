import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { RecognitionError } from "../../src/errors.ts";
import { type PoolEvent, RecognizerPool } from "../../src/pool/recognizer-pool.ts";
import type { DocumentType } from "../../src/types.ts";

interface FixtureLabel {
  file: string;
  type: DocumentType;
  fields: Record<string, string>;
}

const FIXTURES = new URL("../fixtures/synth/", import.meta.url);
const labels: FixtureLabel[] = readFileSync(new URL("labels.jsonl", FIXTURES), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
const fixture = (file: string) => {
  const label = labels.find((candidate) => candidate.file === file);
  assert.ok(label, file);
  return { label, bytes: new Uint8Array(readFileSync(new URL(file, FIXTURES))) };
};
const SCRIPTED = new URL("./scripted-worker.ts", import.meta.url);
const text = (value: string) => new TextEncoder().encode(value);

/** Resolves once the pool has reported `count` events. */
function eventCount(events: PoolEvent[], count: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (events.length < count) return;
      clearInterval(poll);
      resolve();
    }, 10);
  });
}

/** The share of the label's non-empty fields read exactly. */
function exactShare(data: Record<string, string>, label: FixtureLabel): number {
  const keys = Object.keys(label.fields).filter((key) => label.fields[key] !== "");
  return keys.filter((key) => data[key] === label.fields[key]).length / keys.length;
}

describe("the recognizer pool with the real recognizer", () => {
  const events: PoolEvent[] = [];
  let pool: RecognizerPool;
  before(async () => {
    pool = await RecognizerPool.start({ size: 1, onEvent: (event) => events.push(event) });
  });
  after(async () => {
    await pool.close();
  });

  it("reads a fixture on a worker thread", async () => {
    const { label, bytes } = fixture("household-resident-clean-0001.jpg");
    const { result, timings } = await pool.recognize(label.type, bytes);
    assert.equal(result.data.name, label.fields.name);
    assert.ok(exactShare(result.data, label) >= 0.7, "most fields of a clean scan are read exactly");
    assert.ok(timings.total > 0);
    assert.equal(bytes.byteLength > 0, true, "the caller's bytes are copied unless a transfer is asked for");
  });

  it("hands the image over without a copy when asked, and the caller's array is then empty", async () => {
    const { label, bytes } = fixture("birth-certificate-clean-0002.jpg");
    const pending = pool.recognize(label.type, bytes, { transferImage: true });
    assert.equal(bytes.byteLength, 0);
    const { result } = await pending;
    assert.equal(result.data.NewbornName, label.fields.NewbornName);
  });

  it("brings a RecognitionError across the thread with its code", async () => {
    const error = await pool.recognize("household-head", text("%PDF-1.7\n%fake document\n")).then(
      () => assert.fail("a PDF was accepted"),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof RecognitionError);
    assert.equal(error.code, "unsupportedImageFormat");
  });

  it("drops an aborted queued request at once while the running one finishes", async () => {
    const { label, bytes } = fixture("household-head-clean-0000.jpg");
    const running = pool.recognize(label.type, bytes);
    const controller = new AbortController();
    const queued = pool.recognize(label.type, bytes, { signal: controller.signal });
    assert.equal(pool.queued, 1);
    const reason = new Error("the caller gave up");
    controller.abort(reason);
    await assert.rejects(queued, (error) => error === reason);
    assert.equal(pool.queued, 0);
    assert.equal(pool.running, 1, "the first request is still being read");
    assert.equal((await running).result.data.householderName, label.fields.householderName);
  });

  it("stops the worker of an aborted running request, answers at once, and replaces the worker", async () => {
    const { label, bytes } = fixture("household-resident-clean-0010.jpg");
    const timeout = new RecognitionError("ServiceTimeout");
    const controller = new AbortController();
    const started = performance.now();
    const aborted = pool.recognize(label.type, bytes, { signal: controller.signal });
    setTimeout(() => controller.abort(timeout), 300);
    await assert.rejects(aborted, (error) => error === timeout);
    assert.ok(performance.now() - started < 1500, "the caller does not wait for the worker");
    await eventCount(events, 2);
    assert.deepEqual(
      events.map((event) => event.kind),
      ["worker-lost", "worker-replaced"],
    );
    const { result } = await pool.recognize(label.type, bytes);
    assert.equal(result.data.name, label.fields.name);
  });
});

describe("the recognizer pool's handling of its workers", () => {
  it("replaces a worker that crashes or exits; only the request on it fails, as algorithmError", async () => {
    const events: PoolEvent[] = [];
    const pool = await RecognizerPool.start({
      size: 1,
      workerModule: SCRIPTED,
      onEvent: (event) => events.push(event),
    });
    try {
      for (const fatal of ["crash", "exit"]) {
        const queuedBehind = pool.recognize("household-head", text(`after ${fatal}`));
        await assert.rejects(pool.recognize("household-head", text(fatal)), { code: "algorithmError" });
        assert.equal((await queuedBehind).result.data.text, `after ${fatal}`);
      }
      await eventCount(events, 4);
      assert.deepEqual(
        events.map((event) => [event.kind, "reason" in event ? event.reason : ""]),
        [
          ["worker-lost", "crashed"],
          ["worker-replaced", ""],
          ["worker-lost", "crashed"],
          ["worker-replaced", ""],
        ],
      );
    } finally {
      await pool.close();
    }
  });

  it("spreads requests over the workers and divides the cores among them", async () => {
    const pool = await RecognizerPool.start({ size: 3, threadsPerWorker: 1, workerModule: SCRIPTED });
    try {
      const started = performance.now();
      const answers = await Promise.all(
        [1, 2, 3].map(() => pool.recognize("household-head", text("slow:600"))),
      );
      assert.ok(performance.now() - started < 1500, "three slow requests ran at once, not one after another");
      assert.deepEqual(
        answers.map((answer) => answer.result.data.threads),
        ["1", "1", "1"],
      );
    } finally {
      await pool.close();
    }
  });

  it("finishes running and queued work when closed, and refuses new work", async () => {
    const pool = await RecognizerPool.start({ size: 1, workerModule: SCRIPTED });
    const first = pool.recognize("household-head", text("slow:200"));
    const second = pool.recognize("household-head", text("second"));
    const closed = pool.close();
    await assert.rejects(pool.recognize("household-head", text("late")), /closed/);
    assert.equal((await first).result.data.text, "slow:200");
    assert.equal((await second).result.data.text, "second");
    await closed;
  });

  it("passes a worker's own error code through, and fails to start when a worker cannot load", async () => {
    const pool = await RecognizerPool.start({ size: 1, workerModule: SCRIPTED });
    try {
      await assert.rejects(pool.recognize("household-head", text("refuse")), {
        code: "unmatchedImageType",
        message: "scripted refusal",
      });
    } finally {
      await pool.close();
    }
    process.env.SCRIPTED_WORKER_FAIL_START = "1";
    try {
      await assert.rejects(RecognizerPool.start({ size: 2, workerModule: SCRIPTED }), {
        code: "algorithmError",
        message: "models missing (scripted)",
      });
    } finally {
      delete process.env.SCRIPTED_WORKER_FAIL_START;
    }
  });
});
