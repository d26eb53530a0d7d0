import type { FastifyInstance } from "fastify";
import { scoreResponseJson } from "../scoring/score-json.js";
import { parseScoreRequest } from "../scoring/score-request.js";
import { scoreItems } from "../scoring/score-items.js";
import type { ServerContext } from "../server/server-context.js";
import { JSON_CONTENT_TYPE } from "./json-content-type.js";

/** `POST /v1/score`: `{items: [{completion, answer}], rubric?}` → `{results: [eval score line, …]}`. */
export function registerScoreRoute(app: FastifyInstance, context: ServerContext): void {
  app.post("/v1/score", async (request, reply) => {
    const { items, rubric } = parseScoreRequest(request.body);
    const results = scoreItems(context.rubrics.get(rubric, "rubric"), items);
    context.metrics.addItems("/v1/score", results.length);
    return reply.type(JSON_CONTENT_TYPE).send(scoreResponseJson(results));
  });
}
