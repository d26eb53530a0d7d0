import type { ChatMessage } from "@sv/parser";

/** Sampling settings of one request, OpenAI chat-completions names. Unknown keys are passed through. */
export interface SamplingArgs {
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  seed?: number;
  [key: string]: unknown;
}

/** What {@link ChatModel.doGenerate} receives. */
export interface GenerateOptions {
  messages: readonly ChatMessage[];
  samplingArgs?: SamplingArgs;
  /** Aborts the request (a timeout or the run's signal). */
  signal?: AbortSignal;
}

/** What {@link ChatModel.doGenerate} returns. */
export interface GenerateResult {
  /** The reply text (empty when the model returned no content). */
  text: string;
  usage?: { inputTokens?: number; outputTokens?: number };
  /** Why generation stopped, as the provider reports it. */
  finishReason?: string;
}

/**
 * A chat model, AI-SDK style: a plain object, not a class. Implementations throw
 * `ModelCallError` for failures a retry may fix (rate limits, 5xx, timeouts, resets).
 */
export interface ChatModel {
  /** Who serves it: `openai-compatible`, `baseline`, `scripted`, … */
  readonly provider: string;
  /** The model's name as written in outputs (`gpt-4.1-mini`, `baseline/heuristic`). */
  readonly modelId: string;
  doGenerate(options: GenerateOptions): Promise<GenerateResult>;
}
