import type { FastifyInstance } from "fastify";
import type { HttpMetrics } from "./http-metrics.ts";
import type { WorkQueue } from "./work-queue.ts";

/**
 * `GET /healthz` (the process answers), `GET /readyz` (it would accept a recognition now: not stopping, queue not
 * full, so a balancer can send traffic elsewhere) and `GET /metrics` (Prometheus text from the app's own registry).
 */
export function registerOperationsRoutes(
  app: FastifyInstance,
  options: { metrics: HttpMetrics; queue: WorkQueue; stopping: AbortSignal },
): void {
  const { metrics, queue, stopping } = options;
  app.get("/healthz", async (_request, reply) => reply.send({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const ready = !stopping.aborted && !queue.saturated;
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? "ready" : stopping.aborted ? "stopping" : "busy" });
  });
  app.get("/metrics", async (_request, reply) =>
    reply.header("content-type", metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
