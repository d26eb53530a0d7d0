import type { SamplingArgs } from "./chat-model.js";

const REASONING_PREFIXES = ["gpt-5", "o1", "o3", "o4"] as const;

/**
 * True for OpenAI reasoning models (`gpt-5*`, `o1*`, `o3*`, `o4*`), also behind a router prefix such as
 * `openai/o3-mini`. They take `max_completion_tokens` and no `temperature`.
 */
export function isReasoningModel(modelId: string): boolean {
  const name = modelId.slice(modelId.lastIndexOf("/") + 1).toLowerCase();
  return REASONING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Adapt sampling args to the model, as the original does: reasoning models get no temperature. */
export function adaptSamplingArgs(modelId: string, samplingArgs: SamplingArgs = {}): SamplingArgs {
  if (!isReasoningModel(modelId)) return { ...samplingArgs };
  const { temperature: _temperature, max_tokens: maxTokens, ...rest } = samplingArgs;
  const adapted: SamplingArgs = { ...rest };
  if (maxTokens !== undefined && adapted.max_completion_tokens === undefined) {
    adapted.max_completion_tokens = maxTokens;
  }
  return adapted;
}
