import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { RecognitionError } from "../errors.ts";
import type { PipelineTimings } from "../pipeline/document-recognizer.ts";
import type { DocumentType, RecognitionResult } from "../types.ts";
import { spawnTsWorker } from "./spawn-ts-worker.ts";
import {
  deserializeError,
  type RecognizeMessage,
  type StopMessage,
  type WorkerMessage,
  type WorkerSettings,
} from "./worker-protocol.ts";

/** Options of {@link RecognizerPool.start}. */
export interface RecognizerPoolOptions {
  /** Worker threads, each holding its own models; defaults to the cores. */
  size?: number;
  /**
   * Intra-op threads of each ONNX session in a worker; defaults to the cores divided among the workers (at least 1),
   * since more inference threads than cores is ~3× slower (field notes).
   */
  threadsPerWorker?: number;
  /** The worker module (tests substitute their own speaking the same protocol); defaults to the recognizer. */
  workerModule?: URL;
  /** Told when a worker dies and when its replacement starts or fails to; never given image content. */
  onEvent?: (event: PoolEvent) => void;
}

/** Something that happened to the pool's workers, for the logs. */
export type PoolEvent =
  | { kind: "worker-lost"; reason: "crashed" | "aborted"; detail: string }
  | { kind: "worker-replaced" }
  | { kind: "worker-start-failed"; detail: string; retryInMs: number };

/** Options of one {@link RecognizerPool.recognize} call. */
export interface PoolRecognizeOptions {
  /**
   * Aborts the recognition: a queued one is dropped, a running one's worker is terminated and replaced. The promise
   * rejects with the signal's reason.
   */
  signal?: AbortSignal;
  /**
   * Hand the image's memory to the worker instead of copying it: the caller's array is detached (empty) afterwards.
   * Only done when the array spans its whole buffer; otherwise the bytes are copied.
   */
  transferImage?: boolean;
}

/** A recognition's answer, as from the library's `Recognizer.recognize`. */
export interface PoolRecognition {
  result: RecognitionResult;
  timings: PipelineTimings;
}

interface Job {
  id: number;
  type: DocumentType;
  image: Uint8Array;
  transferImage: boolean;
  signal: AbortSignal | undefined;
  resolve: (value: PoolRecognition) => void;
  reject: (reason: unknown) => void;
  onAbort: (() => void) | undefined;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** `stopping`: told to stop after an abort, replaced once gone; `closing`: ended by `close()`. */
  state: "active" | "stopping" | "closing";
  lastError: unknown;
  /** Resolves when the thread has exited. */
  exited: Promise<void>;
  forceStop: NodeJS.Timeout | undefined;
}

const DEFAULT_WORKER = new URL("./recognition-worker.ts", import.meta.url);
const MAX_RESTART_DELAY_MS = 30_000;
/**
 * How long a worker told to stop may take to reach a safe point before it is terminated from outside. Inference runs
 * take well under a second each, so only a worker stuck in JavaScript (where terminating is safe) gets this far.
 */
const STOP_GRACE_MS = 30_000;

/**
 * Runs recognitions on worker threads, never on the caller's event loop: `size` workers each load the models once
 * and read one image at a time; further requests wait in order. Errors arrive as `RecognitionError` with the
 * worker's code. A worker that crashes, or whose request is aborted (time limit, client gone), is terminated and
 * replaced, and only that request fails.
 *
 * @example
 * const pool = await RecognizerPool.start({ size: 2 });
 * const { result } = await pool.recognize("household-resident", bytes, { signal: AbortSignal.timeout(30_000) });
 * await pool.close();
 */
export class RecognizerPool {
  readonly size: number;
  readonly threadsPerWorker: number;
  readonly #module: URL;
  readonly #onEvent: (event: PoolEvent) => void;
  readonly #slots = new Set<Slot>();
  /** Workers told to stop after an abort, until they exit. */
  readonly #stopping = new Set<Slot>();
  readonly #spawning = new Set<Promise<void>>();
  readonly #queue: Job[] = [];
  readonly #idleListeners: Array<() => void> = [];
  #starting = 0;
  #nextId = 1;
  #closing = false;
  #closed = false;
  #restartDelayMs = 0;
  #restartTimer: NodeJS.Timeout | undefined;

  private constructor(options: RecognizerPoolOptions) {
    const cores = availableParallelism();
    this.size = options.size ?? cores;
    this.threadsPerWorker = options.threadsPerWorker ?? Math.max(1, Math.floor(cores / this.size));
    if (!Number.isInteger(this.size) || this.size < 1) {
      throw new RecognitionError(
        "InvalidParameter",
        `the pool size must be an integer ≥ 1, not ${this.size}`,
      );
    }
    this.#module = options.workerModule ?? DEFAULT_WORKER;
    this.#onEvent = options.onEvent ?? (() => {});
  }

  /** Starts the workers and resolves once every one has loaded its models; rejects if any cannot. */
  static async start(options: RecognizerPoolOptions = {}): Promise<RecognizerPool> {
    const pool = new RecognizerPool(options);
    const started = await Promise.allSettled(Array.from({ length: pool.size }, () => pool.#spawn()));
    const failure = started.find((outcome) => outcome.status === "rejected");
    if (failure !== undefined) {
      await pool.#terminateAll();
      throw failure.reason;
    }
    return pool;
  }

  /** Recognitions running now. */
  get running(): number {
    let running = 0;
    for (const slot of this.#slots) if (slot.job !== undefined) running += 1;
    return running;
  }

  /** Recognitions waiting for a worker. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Reads one image on the next free worker. */
  recognize(
    type: DocumentType,
    image: Uint8Array,
    options: PoolRecognizeOptions = {},
  ): Promise<PoolRecognition> {
    const { signal } = options;
    if (this.#closing) {
      return Promise.reject(new RecognitionError("algorithmError", "the recognizer pool is closed"));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.#nextId++,
        type,
        image,
        transferImage: options.transferImage ?? false,
        signal,
        resolve,
        reject,
        onAbort: undefined,
      };
      if (signal !== undefined) {
        job.onAbort = () => this.#abort(job);
        signal.addEventListener("abort", job.onAbort, { once: true });
      }
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  /**
   * Refuses new recognitions, lets the running and queued ones finish, then stops the workers. Safe to call twice.
   */
  async close(): Promise<void> {
    this.#closing = true;
    if (!this.#closed) await this.#whenIdle();
    this.#closed = true;
    clearTimeout(this.#restartTimer);
    // Never terminate a worker mid-load or mid-run (worker-protocol.ts): wait for starts and stops to settle.
    await Promise.allSettled([...this.#spawning]);
    await Promise.all([...this.#stopping].map((slot) => slot.exited));
    await this.#terminateAll();
  }

  #spawn(): Promise<void> {
    const spawned = this.#startWorker();
    this.#spawning.add(spawned);
    const forget = () => this.#spawning.delete(spawned);
    spawned.then(forget, forget);
    return spawned;
  }

  #startWorker(): Promise<void> {
    this.#starting += 1;
    const settings: WorkerSettings = { threads: this.threadsPerWorker };
    const worker = spawnTsWorker(this.#module, settings);
    return new Promise<void>((resolve, reject) => {
      let lastError: unknown;
      const onError = (error: unknown) => {
        lastError = error;
      };
      const onExit = (code: number) => {
        cleanup();
        reject(
          new RecognitionError(
            "algorithmError",
            `a recognition worker stopped while starting (exit code ${code})`,
            {
              cause: lastError,
            },
          ),
        );
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.kind === "failed") {
          cleanup();
          void worker.terminate();
          reject(deserializeError(message.error));
        } else if (message.kind === "ready") {
          cleanup();
          this.#adopt(worker);
          resolve();
        }
      };
      const cleanup = () => {
        this.#starting -= 1;
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      };
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    });
  }

  #adopt(worker: Worker): void {
    if (this.#closed) {
      void worker.terminate(); // idle: it has just loaded its models
      return;
    }
    const slot: Slot = {
      worker,
      job: undefined,
      state: "active",
      lastError: undefined,
      exited: new Promise((resolve) => worker.once("exit", () => resolve())),
      forceStop: undefined,
    };
    this.#slots.add(slot);
    worker.on("message", (message: WorkerMessage) => this.#onMessage(slot, message));
    worker.on("error", (error) => {
      slot.lastError = error;
    });
    worker.on("exit", (code) => this.#onExit(slot, code));
    this.#dispatch();
  }

  #onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.kind !== "result" && message.kind !== "error") return;
    const job = slot.job;
    if (job === undefined || job.id !== message.id) return;
    slot.job = undefined;
    this.#finish(job);
    if (message.kind === "result") job.resolve({ result: message.result, timings: message.timings });
    else job.reject(deserializeError(message.error));
    this.#dispatch();
  }

  #onExit(slot: Slot, code: number): void {
    clearTimeout(slot.forceStop);
    if (slot.state === "closing") return;
    if (slot.state === "stopping") {
      this.#stopping.delete(slot);
      this.#replace();
      return;
    }
    this.#slots.delete(slot);
    const detail =
      slot.lastError instanceof Error ? slot.lastError.message : `the worker exited with code ${code}`;
    this.#onEvent({ kind: "worker-lost", reason: "crashed", detail });
    const job = slot.job;
    if (job !== undefined) {
      this.#finish(job);
      job.reject(
        new RecognitionError("algorithmError", "the recognition worker stopped unexpectedly", {
          cause: slot.lastError,
        }),
      );
    }
    this.#replace();
  }

  /** The job's signal fired: drop it from the queue, or end the worker running it. */
  #abort(job: Job): void {
    const reason = job.signal?.reason;
    const index = this.#queue.indexOf(job);
    if (index >= 0) {
      this.#queue.splice(index, 1);
      this.#finish(job);
      job.reject(reason);
      this.#notifyIfIdle();
      return;
    }
    for (const slot of this.#slots) {
      if (slot.job !== job) continue;
      // The worker is told to stop rather than terminated, which would abort the process mid-inference; it exits
      // between two inference runs and is then replaced. The caller does not wait for that.
      slot.job = undefined;
      slot.state = "stopping";
      this.#slots.delete(slot);
      this.#stopping.add(slot);
      const stop: StopMessage = { kind: "stop" };
      slot.worker.postMessage(stop);
      slot.forceStop = setTimeout(() => void slot.worker.terminate(), STOP_GRACE_MS);
      slot.forceStop.unref();
      this.#onEvent({ kind: "worker-lost", reason: "aborted", detail: String(reason) });
      this.#finish(job);
      job.reject(reason);
      this.#notifyIfIdle();
      return;
    }
  }

  #finish(job: Job): void {
    if (job.onAbort !== undefined) job.signal?.removeEventListener("abort", job.onAbort);
  }

  #replace(): void {
    if (this.#closed) return;
    this.#spawn().then(
      () => {
        this.#restartDelayMs = 0;
        this.#onEvent({ kind: "worker-replaced" });
      },
      (error: unknown) => {
        // Models that load at start do not stop loading later, but a machine short of memory might: try again,
        // waiting longer each time, while queued requests wait under their own time limits.
        this.#restartDelayMs = Math.min(MAX_RESTART_DELAY_MS, Math.max(500, this.#restartDelayMs * 2));
        this.#onEvent({
          kind: "worker-start-failed",
          detail: error instanceof Error ? error.message : String(error),
          retryInMs: this.#restartDelayMs,
        });
        if (this.#closed) return;
        this.#restartTimer = setTimeout(() => this.#replace(), this.#restartDelayMs);
        this.#restartTimer.unref();
        this.#rejectStrandedIfClosing();
      },
    );
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job !== undefined) continue;
      const job = this.#queue.shift();
      if (job === undefined) break;
      slot.job = job;
      try {
        const message: RecognizeMessage = {
          kind: "recognize",
          id: job.id,
          type: job.type,
          image: imageToSend(job),
        };
        slot.worker.postMessage(message, [message.image.buffer as ArrayBuffer]);
      } catch (error) {
        slot.job = undefined;
        this.#finish(job);
        job.reject(
          new RecognitionError("algorithmError", "the image could not be handed to a worker", {
            cause: error,
          }),
        );
      }
    }
    this.#notifyIfIdle();
  }

  #whenIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    const idle = new Promise<void>((resolve) => this.#idleListeners.push(resolve));
    this.#rejectStrandedIfClosing();
    return idle;
  }

  #isIdle(): boolean {
    return this.#queue.length === 0 && this.running === 0;
  }

  #notifyIfIdle(): void {
    if (!this.#isIdle()) return;
    for (const listener of this.#idleListeners.splice(0)) listener();
  }

  /** While closing with no worker alive or starting, queued requests would wait forever: fail them. */
  #rejectStrandedIfClosing(): void {
    if (!this.#closing || this.#slots.size > 0 || this.#starting > 0 || this.#stopping.size > 0) return;
    for (const job of this.#queue.splice(0)) {
      this.#finish(job);
      job.reject(new RecognitionError("algorithmError", "no recognition worker could be started"));
    }
    this.#notifyIfIdle();
  }

  async #terminateAll(): Promise<void> {
    const slots = [...this.#slots];
    this.#slots.clear();
    for (const slot of slots) slot.state = "closing";
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

/** The bytes to post: the caller's own buffer when it may be handed over whole, else a copy (then transferred). */
function imageToSend(job: Job): Uint8Array {
  const { image } = job;
  const whole =
    image.buffer instanceof ArrayBuffer &&
    image.byteOffset === 0 &&
    image.byteLength === image.buffer.byteLength;
  return job.transferImage && whole ? image : new Uint8Array(image);
}
