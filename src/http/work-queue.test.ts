import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RecognitionError } from "../errors.ts";
import { RateLimiter } from "./rate-limiter.ts";
import { ThrottledError } from "./throttled-error.ts";
import { WorkQueue } from "./work-queue.ts";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const never = new AbortController().signal;

describe("WorkQueue", () => {
  it("runs at most `concurrency` tasks and starts waiting ones in order", async () => {
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 2 });
    const first = deferred<string>();
    const order: string[] = [];
    const a = queue.run(() => first.promise, never);
    const b = queue.run(async () => {
      order.push("b");
      return "b";
    }, never);
    assert.equal(queue.running, 1);
    assert.equal(queue.queued, 1);
    assert.deepEqual(order, []);
    first.resolve("a");
    assert.deepEqual(await Promise.all([a, b]), ["a", "b"]);
    await queue.whenIdle();
    assert.equal(queue.running, 0);
  });

  it("refuses work beyond the queue with Throttling.User and a retry delay", async () => {
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 1 });
    const blocker = deferred<void>();
    const running = queue.run(() => blocker.promise, never);
    const waiting = queue.run(async () => {}, never);
    await assert.rejects(
      queue.run(async () => {}, never),
      (error: unknown) => {
        assert.ok(error instanceof ThrottledError);
        assert.equal(error.code, "Throttling.User");
        assert.ok(error.retryAfterMs > 0);
        return true;
      },
    );
    blocker.resolve();
    await Promise.all([running, waiting]);
  });

  it("drops a waiting task whose signal aborts, and never starts it", async () => {
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 1 });
    const blocker = deferred<void>();
    const running = queue.run(() => blocker.promise, never);
    const controller = new AbortController();
    let started = false;
    const waiting = queue.run(async () => {
      started = true;
    }, controller.signal);
    controller.abort(new RecognitionError("ServiceTimeout"));
    await assert.rejects(waiting, { code: "ServiceTimeout" });
    assert.equal(queue.queued, 0);
    blocker.resolve();
    await running;
    await queue.whenIdle();
    assert.equal(started, false);
  });

  it("answers at abort even when the task ignores its signal, but keeps the slot until it settles", async () => {
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 0 });
    const stuck = deferred<void>();
    const controller = new AbortController();
    const running = queue.run(() => stuck.promise, controller.signal);
    controller.abort(new RecognitionError("ServiceTimeout"));
    await assert.rejects(running, { code: "ServiceTimeout" });
    assert.equal(queue.running, 1);
    await assert.rejects(
      queue.run(async () => {}, never),
      { code: "Throttling.User" },
    );
    stuck.resolve();
    await queue.whenIdle();
    assert.equal(queue.running, 0);
  });

  it("passes a task's own failure through", async () => {
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 0 });
    await assert.rejects(
      queue.run(async () => {
        throw new RecognitionError("unsupportedImageFormat");
      }, never),
      { code: "unsupportedImageFormat" },
    );
    assert.equal(queue.running, 0);
  });
});

describe("RateLimiter", () => {
  it("allows a burst of the rate, then refills at the rate", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    assert.equal(limiter.take("k", 2), 0);
    assert.equal(limiter.take("k", 2), 0);
    assert.equal(limiter.take("k", 2), 500);
    assert.equal(limiter.take("other", 2), 0);
    now += 500;
    assert.equal(limiter.take("k", 2), 0);
    assert.ok(limiter.take("k", 2) > 0);
  });
});
