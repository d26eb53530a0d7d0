/** How a multi-turn rollout ended. */
export type ConversationOutcome = "answered" | "turn_budget_exhausted" | "model_error";

/** One tool call as the model made it, with the turn (1-based model request) it came in. */
export interface RecordedToolCall {
  id: string;
  name: string;
  /** The raw JSON text the model sent. */
  arguments: string;
  turn: number;
}

/** What the tool answered: the text sent back as the `tool` message, and whether it was an error. */
export interface RecordedToolResult {
  id: string;
  name: string;
  ok: boolean;
  content: string;
}

/**
 * The tool use of one multi-turn rollout, recorded under `tools` in results.jsonl (nested: vf-eval's
 * readers take only top-level numbers as metrics).
 */
export interface ToolRecord {
  calls: RecordedToolCall[];
  results: RecordedToolResult[];
  /** Model requests made (each a turn). */
  turns: number;
  /** The turn budget. */
  maxTurns: number;
  outcome: ConversationOutcome;
  /** Tool calls answered with an error (unknown tool, bad arguments). */
  errors: number;
  /** What the calls cost: `costs.toolCall` × calls (0 unless configured). */
  cost: number;
  /**
   * Turns a response cache answered, present only when at least one was. The rollout is marked
   * `cached` only when every turn was; a partly cached rollout pays for its other turns only.
   */
  cachedTurns?: number;
  /** Tokens of the cached turns (part of `token_usage`, not paid); present with `cachedTurns`. */
  cachedTokens?: { input_tokens: number | null; output_tokens: number | null };
}
