import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { WorkQueue } from "./work-queue.ts";

/** The service's Prometheus metrics, on a registry of their own (never prom-client's global one). */
export interface HttpMetrics {
  registry: Registry;
  /** Answers by action and code (`OK` for success). */
  requests: Counter<"action" | "code">;
  /** Seconds from arrival to answer, by action. */
  duration: Histogram<"action">;
}

/** Creates the metrics of one app; queue depth and running tasks are read from the queue at scrape time. */
export function createHttpMetrics(queue: WorkQueue): HttpMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "zhengzhao_requests_total",
    help: "Requests answered, by action and code",
    labelNames: ["action", "code"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "zhengzhao_request_duration_seconds",
    help: "Time from arrival to answer",
    labelNames: ["action"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: "zhengzhao_queue_depth",
    help: "Recognitions waiting for a worker",
    registers: [registry],
    collect() {
      this.set(queue.queued);
    },
  });
  new Gauge({
    name: "zhengzhao_recognitions_running",
    help: "Recognitions running now",
    registers: [registry],
    collect() {
      this.set(queue.running);
    },
  });
  return { registry, requests, duration };
}
