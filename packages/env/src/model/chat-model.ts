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

/** A function the model may call (OpenAI function calling). */
export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

/** A tool call as the model made it; `arguments` is the raw JSON text, unvalidated. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What {@link ChatModel.doGenerate} receives. */
export interface GenerateOptions {
  messages: readonly ChatMessage[];
  samplingArgs?: SamplingArgs;
  /** Tools offered to the model; without them a tool call in the reply is an error. */
  tools?: readonly ToolDefinition[];
  /** Aborts the request (a timeout or the run's signal). */
  signal?: AbortSignal;
  /**
   * Which rollout of the example this request is (0-based; `evaluate()` sets it), so a response cache
   * keeps several samples of one prompt apart. Models ignore it.
   */
  rolloutIndex?: number;
}

/**
 * Tokens of one request. `null` means the server's count is unknown (missing, null or negative);
 * `undefined` that the model has no notion of tokens (recorded as 0, like the offline baselines).
 */
export interface TokenUsage {
  inputTokens?: number | null;
  outputTokens?: number | null;
}

/** What {@link ChatModel.doGenerate} returns. */
export interface GenerateResult {
  /** The reply text (empty for a refusal). */
  text: string;
  /** The model's refusal message, when it declined to answer (scored as no answer). */
  refusal?: string;
  usage?: TokenUsage;
  /** Why generation stopped, as the provider reports it. */
  finishReason?: string;
  /** True when a response cache answered without calling the model (see `withResponseCache`). */
  cached?: boolean;
  /** Tool calls of the reply (only when the request offered `tools`); `text` may be empty then. */
  toolCalls?: ToolCall[];
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
