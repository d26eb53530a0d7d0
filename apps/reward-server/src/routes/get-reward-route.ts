import type { FastifyInstance } from "fastify";
import { parseGetRewardRequest } from "../scoring/get-reward-request.js";
import { scoreItems } from "../scoring/score-items.js";
import { getRewardResponseJson } from "../scoring/score-json.js";
import type { ServerContext } from "../server/server-context.js";
import { JSON_CONTENT_TYPE } from "./json-content-type.js";

/**
 * `POST /get_reward`, OpenRLHF's remote reward model: `{query, prompts, labels}` →
 * `{rewards, scores, extra_logs}`. `rewards` is the weighted total, `scores` the 0/1 accuracy (what
 * OpenRLHF's dynamic filtering expects), `extra_logs` the four rewards per item.
 */
export function registerGetRewardRoute(app: FastifyInstance, context: ServerContext): void {
  app.post("/get_reward", async (request, reply) => {
    const results = scoreItems(context.rubrics.get(undefined, "rubric"), parseGetRewardRequest(request.body));
    context.metrics.addItems("/get_reward", results.length);
    return reply.type(JSON_CONTENT_TYPE).send(getRewardResponseJson(results));
  });
}
