import { ThrottledError } from "./throttled-error.ts";

/** A unit of work; it receives the signal that aborts it (time limit, client gone, shutdown). */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

interface Waiting {
  start: () => void;
  signal: AbortSignal;
  onAbort: () => void;
}

/**
 * A bounded queue with a concurrency limit in front of the recognizer. At most `concurrency` tasks run, at most
 * `maxQueued` more wait; beyond that {@link WorkQueue.run} fails at once with `Throttling.User`, so overload is
 * refused early instead of every caller timing out. A worker pool sits behind the task (its size = `concurrency`).
 *
 * The caller's promise settles when its signal aborts even if the task ignores the signal; the slot is released only
 * when the task itself settles, so a stuck worker is never counted as free.
 *
 * @example
 * const queue = new WorkQueue({ concurrency: 2, maxQueued: 64 });
 * const result = await queue.run((signal) => recognize({ ...request, signal }), AbortSignal.timeout(30_000));
 */
export class WorkQueue {
  readonly #concurrency: number;
  readonly #maxQueued: number;
  readonly #waiting: Waiting[] = [];
  readonly #idleListeners: Array<() => void> = [];
  #running = 0;

  constructor(options: { concurrency: number; maxQueued: number }) {
    this.#concurrency = options.concurrency;
    this.#maxQueued = options.maxQueued;
  }

  /** Tasks running now. */
  get running(): number {
    return this.#running;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** True when the next {@link WorkQueue.run} would be refused. */
  get saturated(): boolean {
    return this.#running >= this.#concurrency && this.#waiting.length >= this.#maxQueued;
  }

  /** Runs `task` when a slot is free; rejects with the signal's reason if it aborts first. */
  run<T>(task: Task<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.saturated) {
      return Promise.reject(
        new ThrottledError(`The server is busy: ${this.#waiting.length} requests are waiting.`, 1000),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const start = () => this.#start(task, signal, resolve, reject);
      if (this.#running < this.#concurrency) {
        start();
        return;
      }
      const waiting: Waiting = { start, signal, onAbort: () => this.#leave(waiting, reject) };
      signal.addEventListener("abort", waiting.onAbort, { once: true });
      this.#waiting.push(waiting);
    });
  }

  /** Resolves once nothing runs or waits (for graceful shutdown). */
  whenIdle(): Promise<void> {
    if (this.#running === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleListeners.push(resolve));
  }

  #start<T>(
    task: Task<T>,
    signal: AbortSignal,
    resolve: (value: T) => void,
    reject: (reason: unknown) => void,
  ) {
    this.#running += 1;
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    let settled: Promise<T>;
    try {
      settled = task(signal);
    } catch (error) {
      settled = Promise.reject(error);
    }
    settled.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", onAbort);
      this.#running -= 1;
      this.#next();
    });
  }

  #leave(waiting: Waiting, reject: (reason: unknown) => void): void {
    const index = this.#waiting.indexOf(waiting);
    if (index >= 0) this.#waiting.splice(index, 1);
    reject(waiting.signal.reason);
    this.#notifyIfIdle();
  }

  #next(): void {
    const waiting = this.#waiting.shift();
    if (waiting === undefined) {
      this.#notifyIfIdle();
      return;
    }
    waiting.signal.removeEventListener("abort", waiting.onAbort);
    waiting.start();
  }

  #notifyIfIdle(): void {
    if (this.#running > 0 || this.#waiting.length > 0) return;
    for (const listener of this.#idleListeners.splice(0)) listener();
  }
}
