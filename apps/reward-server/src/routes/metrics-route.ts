import type { FastifyInstance } from "fastify";
import { renderSnapshot } from "../metrics/metrics-snapshot.js";
import type { ServerContext } from "../server/server-context.js";

/**
 * `GET /metrics`: Prometheus text exposition of requests, items, errors and latency; with
 * `--workers N`, summed over every worker.
 */
export function registerMetricsRoute(app: FastifyInstance, context: ServerContext): void {
  app.get("/metrics", async (_request, reply) =>
    reply
      .type("text/plain; version=0.0.4; charset=utf-8")
      .send(renderSnapshot(await context.metricsSnapshot())),
  );
}
