import { REWARD_NAMES } from "@sv/rubric";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import { SPAN_ATTRIBUTES } from "./span-attributes.js";
import type { StepAttributes } from "./traced-step.js";
import type { TracingOptions } from "./tracing-options.js";

/** The reward and each metric, as span attributes. */
export function rewardAttributes(reward: number, metrics: RolloutResult["metrics"]): StepAttributes {
  const attributes: StepAttributes = { [SPAN_ATTRIBUTES.reward]: reward };
  for (const name of REWARD_NAMES) attributes[`${SPAN_ATTRIBUTES.metricPrefix}${name}`] = metrics[name];
  return attributes;
}

/**
 * What a finished rollout's span records: ids are set at its start; here the outcome. Never the prompt,
 * the completion, the rationale or the info block. Cost only when `costUsd` knows it.
 */
export function rolloutAttributes(result: RolloutResult, costUsd: TracingOptions["costUsd"]): StepAttributes {
  const { input_tokens: inputTokens, output_tokens: outputTokens } = result.token_usage;
  const cost = costUsd ? costUsd(result) : null;
  return {
    [SPAN_ATTRIBUTES.answer]: result.answer,
    [SPAN_ATTRIBUTES.label]: result.parsed.label,
    [SPAN_ATTRIBUTES.confidence]: result.parsed.confidence,
    ...rewardAttributes(result.reward, result.metrics),
    [SPAN_ATTRIBUTES.inputTokens]: inputTokens,
    [SPAN_ATTRIBUTES.outputTokens]: outputTokens,
    [SPAN_ATTRIBUTES.costUsd]: cost,
    [SPAN_ATTRIBUTES.cached]: result.cached === true,
    [SPAN_ATTRIBUTES.attempts]: result.attempts,
    [SPAN_ATTRIBUTES.toolCalls]: result.tools?.calls.length,
    [SPAN_ATTRIBUTES.outcome]: result.tools?.outcome,
    [SPAN_ATTRIBUTES.judgeVerdict]: result.judge?.verdict,
    [SPAN_ATTRIBUTES.judgeScore]: result.judge?.score,
  };
}
