import type { FastifyInstance } from "fastify";
import { parseScoreRequest } from "../scoring/score-request.js";
import { scoreItems } from "../scoring/score-items.js";
import type { ServerContext } from "../server/server-context.js";
import { scoreResponseSchema } from "./response-schemas.js";

/** `POST /v1/score`: `{items: [{completion, answer}], rubric?}` → `{results: [eval score line, …]}`. */
export function registerScoreRoute(app: FastifyInstance, context: ServerContext): void {
  app.post("/v1/score", { schema: { response: { 200: scoreResponseSchema } } }, async (request) => {
    const { items, rubric } = parseScoreRequest(request.body);
    const results = scoreItems(context.rubrics.get(rubric, "rubric"), items);
    context.metrics.addItems("/v1/score", results.length);
    return { results };
  });
}
