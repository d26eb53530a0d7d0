import type { ChatModel, SamplingArgs } from "../model/chat-model.js";

/**
 * The judge of an evaluation in `judge` or `hybrid` mode (`evaluate({judge})`). Any {@link ChatModel}:
 * `createOpenAIModel({modelId: "gpt-4.1-nano", baseURL, apiKey})` for an OpenAI-compatible endpoint,
 * wrapped in `withResponseCache` (with the judge's own endpoint) to cache verdicts.
 */
export interface JudgeOptions {
  model: ChatModel;
  /**
   * Sampling of each judge request (default the original's `{max_tokens: 16, temperature: 0}`; reasoning
   * models get `max_completion_tokens` and no temperature, as for the model under evaluation).
   */
  samplingArgs?: SamplingArgs;
}
