import type { ChatMessage, Label } from "@sv/parser";
import type { RewardVector } from "@sv/rubric";

/** The error of a rollout that failed after its retries, or `null`. */
export interface RolloutError {
  /** `rate_limit`, `server_error`, `timeout`, `connection_error`, `bad_response`, `client_error`, … */
  type: string;
  message: string;
}

/** One scored rollout: exactly one line of `results.jsonl` (the eval outputs contract). */
export interface RolloutResult {
  example_id: number;
  rollout_index: number;
  prompt: ChatMessage[];
  completion: string;
  answer: string;
  reward: number;
  metrics: RewardVector;
  parsed: { label: Label | null; confidence: number };
  /** The example's `meta`. */
  info: Record<string, unknown>;
  token_usage: { input_tokens: number; output_tokens: number };
  timing: { generation_ms: number; scoring_ms: number; total_ms: number };
  /** Requests made (1 + retries). */
  attempts: number;
  error: RolloutError | null;
}
