import type { HubOptions } from "@sv/dataset";
import { DEFAULT_SYSTEM_PROMPT } from "@sv/env";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import type { MetricsSnapshot } from "../metrics/metrics-snapshot.js";
import { createServerMetrics, type ServerMetrics } from "../metrics/server-metrics.js";
import { registerGetRewardRoute } from "../routes/get-reward-route.js";
import { registerHealthRoute } from "../routes/health-route.js";
import { registerMetricsRoute } from "../routes/metrics-route.js";
import { registerPromptsRoute } from "../routes/prompts-route.js";
import { registerScoreRoute } from "../routes/score-route.js";
import { createRubricCache } from "../scoring/rubric-cache.js";
import type { RubricConfig } from "../scoring/rubric-config.js";
import { createBearerTokenCheck } from "./bearer-token.js";
import { errorReply } from "./error-reply.js";
import { registerJsonBodyParser } from "./json-body-parser.js";
import { REQUEST_ERROR_CODES } from "./request-error.js";
import type { ServerContext } from "./server-context.js";

/** Default `--body-limit`: 16 MiB, room for batches of several thousand long completions. */
export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

/** Longest time a request may take to arrive in full. */
const REQUEST_TIMEOUT_MS = 120_000;

/** Options of {@link createRewardServer}. */
export interface RewardServerOptions {
  /** Largest request body in bytes; larger ones get 413. Default {@link DEFAULT_BODY_LIMIT}. */
  bodyLimit?: number;
  /** When set, every route but `/health` needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Directory of local datasets for `/v1/prompts` (default `./data/e1`). */
  dataDir?: string;
  /** Hub settings for the hub tier (default: from the environment, as `pnpm eval`). */
  hub?: HubOptions;
  /** The bundled demo file (default: found above `@sv/dataset`). */
  demoPath?: string;
  /** System prompt of `/v1/prompts` (default: the environment's). */
  systemPrompt?: string;
  /**
   * The server's rubric overrides (weights, costs), for every request that sends none and under the
   * overrides of those that do. Throws `RubricError` when impossible.
   */
  rubric?: RubricConfig;
  /** Unexpected errors, one line each (default: stderr). */
  log?: (line: string) => void;
  /**
   * What `GET /metrics` shows (default: this process's counts). A cluster worker passes the sum over
   * every worker, fetched from its primary.
   */
  metricsSnapshot?: () => Promise<MetricsSnapshot>;
}

/** A built server: the Fastify instance (call `listen`, `close`, `inject`) and its metrics. */
export interface RewardServer {
  app: FastifyInstance;
  metrics: ServerMetrics;
}

const OPEN_ROUTES = new Set(["/health"]);

/**
 * Build the reward and prompt server: `POST /v1/score`, `POST /get_reward`, `GET /v1/prompts`,
 * `GET /health`, `GET /metrics`. Bad requests get a 4xx whose body names the field and item; a
 * server being closed finishes the requests it has and answers new ones 503.
 *
 * @example
 * const { app } = createRewardServer({ dataDir: "./data/e1" });
 * console.log(await app.listen({ host: "127.0.0.1", port: 0 }));
 */
export function createRewardServer(options: RewardServerOptions = {}): RewardServer {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const metrics = createServerMetrics();
  const context: ServerContext = {
    metrics,
    rubrics: createRubricCache({ base: options.rubric }),
    dataDir: options.dataDir ?? "./data/e1",
    systemPrompt: options.systemPrompt ?? DEFAULT_SYSTEM_PROMPT,
    hub: options.hub,
    demoPath: options.demoPath,
    log,
    metricsSnapshot: options.metricsSnapshot ?? (async () => metrics.snapshot()),
  };
  const app = Fastify({
    bodyLimit,
    logger: false,
    // Our own 503 (below) answers requests that arrive while closing, in the standard error shape.
    return503OnClosing: false,
    forceCloseConnections: "idle",
    // A client that stops sending mid-body must not hold a connection (or a shutdown) forever.
    requestTimeout: REQUEST_TIMEOUT_MS,
    // A URL Fastify cannot decode (`/%zz`) gets the same error body as every other 400.
    frameworkErrors: (error, _request, reply) => {
      metrics.addError("unmatched", REQUEST_ERROR_CODES.invalidRequest);
      (reply as FastifyReply)
        .code(400)
        .send({ error: { code: REQUEST_ERROR_CODES.invalidRequest, message: error.message } });
    },
  });
  // JSON only: a text/plain or form body is a 415 that says so, not a string to validate.
  app.removeContentTypeParser(["text/plain"]);
  registerJsonBodyParser(app);
  const tokenCheck = options.token ? createBearerTokenCheck(options.token) : undefined;
  let inFlight = 0;
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });

  const routeOf = (request: { routeOptions: { url?: string } }) => request.routeOptions.url ?? "unmatched";

  app.addHook("onRequest", async (request, reply) => {
    metrics.setInFlight(++inFlight);
    // "close" fires once per response, finished or aborted, so the gauge cannot drift.
    reply.raw.once("close", () => metrics.setInFlight(--inFlight));
    if (closing) {
      metrics.addError(routeOf(request), REQUEST_ERROR_CODES.shuttingDown);
      return reply
        .code(503)
        .header("connection", "close")
        .send({
          error: {
            code: REQUEST_ERROR_CODES.shuttingDown,
            message: "the server is shutting down; retry elsewhere",
          },
        });
    }
    if (!tokenCheck || OPEN_ROUTES.has(routeOf(request))) return;
    if (tokenCheck.matches(request.headers.authorization)) return;
    metrics.addError(routeOf(request), REQUEST_ERROR_CODES.unauthorized);
    return reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="sv-reward-server"')
      .send({ error: { code: REQUEST_ERROR_CODES.unauthorized, message: "missing or wrong bearer token" } });
  });
  app.addHook("onResponse", async (request, reply) => {
    metrics.observeRequest({
      route: routeOf(request),
      method: request.method,
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorReply(error, bodyLimit);
    metrics.addError(routeOf(request), body.error.code);
    if (status >= 500) {
      log(`${request.method} ${routeOf(request)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    metrics.addError("unmatched", REQUEST_ERROR_CODES.notFound);
    return reply.code(404).send({
      error: {
        code: REQUEST_ERROR_CODES.notFound,
        message: `no route ${request.method} ${request.url.split("?")[0]}; routes: POST /v1/score, POST /get_reward, GET /v1/prompts, GET /health, GET /metrics`,
      },
    });
  });

  registerScoreRoute(app, context);
  registerGetRewardRoute(app, context);
  registerPromptsRoute(app, context);
  registerHealthRoute(app);
  registerMetricsRoute(app, context);
  return { app, metrics };
}
