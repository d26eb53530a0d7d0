import type { FastifyInstance } from "fastify";
import { parseGetRewardRequest } from "../scoring/get-reward-request.js";
import { scoreItems } from "../scoring/score-items.js";
import type { ServerContext } from "../server/server-context.js";
import { getRewardResponseSchema } from "./response-schemas.js";

/**
 * `POST /get_reward`, OpenRLHF's remote reward model: `{query, prompts, labels}` →
 * `{rewards, scores, extra_logs}`. `rewards` is the weighted total, `scores` the 0/1 accuracy (what
 * OpenRLHF's dynamic filtering expects), `extra_logs` the four rewards per item.
 */
export function registerGetRewardRoute(app: FastifyInstance, context: ServerContext): void {
  app.post("/get_reward", { schema: { response: { 200: getRewardResponseSchema } } }, async (request) => {
    const results = scoreItems(context.rubrics.get(undefined, "rubric"), parseGetRewardRequest(request.body));
    const count = results.length;
    const rewards = new Array<number>(count);
    const accuracy = new Array<number>(count);
    const format = new Array<number>(count);
    const calibration = new Array<number>(count);
    const asymmetricCost = new Array<number>(count);
    for (let index = 0; index < count; index++) {
      const result = results[index]!;
      rewards[index] = result.reward;
      accuracy[index] = result.rewards.accuracy;
      format[index] = result.rewards.format;
      calibration[index] = result.rewards.calibration;
      asymmetricCost[index] = result.rewards.asymmetric_cost;
    }
    context.metrics.addItems("/get_reward", count);
    return {
      rewards,
      scores: accuracy,
      extra_logs: { accuracy, format, calibration, asymmetric_cost: asymmetricCost },
    };
  });
}
