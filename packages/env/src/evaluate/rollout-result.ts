import type { ChatMessage, Label } from "@sv/parser";
import type { RewardVector } from "@sv/rubric";
import type { JudgeRecord, ProgrammaticScores } from "../judge/judge-record.js";
import type { ToolRecord } from "../multi-turn/tool-record.js";

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
  /**
   * The reply text; in multi-turn mode the messages after the prompt (assistant turns with their
   * `tool_calls`, `tool` answers, the final reply), as vf-eval records a multi-turn completion.
   */
  completion: string | ChatMessage[];
  answer: string;
  /** The weighted total; in judge mode the judge's score, in hybrid mode the total plus weight × the rationale score. */
  reward: number;
  /** The executable rubric's four rewards (in every mode). */
  metrics: RewardVector;
  parsed: { label: Label | null; confidence: number };
  /** The example's `meta`. */
  info: Record<string, unknown>;
  /**
   * Tokens the server reported; `null` when its count was missing, null or negative (unknown). On a
   * failed rollout, those of replies that were billed all the same (a reply without content, the turns of
   * a conversation before the one that failed); 0 when there was none.
   */
  token_usage: { input_tokens: number | null; output_tokens: number | null };
  timing: { generation_ms: number; scoring_ms: number; total_ms: number };
  /** Requests made (1 + retries). */
  attempts: number;
  error: RolloutError | null;
  /** The model's refusal message, present only when it declined to answer (scored as no answer). */
  refusal?: string;
  /** Present (true) only when a response cache answered: no request was made, nothing was paid. */
  cached?: true;
  /** Multi-turn mode only: the tool calls, their answers, the turns and how the conversation ended. */
  tools?: ToolRecord;
  /**
   * Judge and hybrid modes (`rubricMode`): the executable rubric's scores of the same reply (`metrics`
   * holds the same four; `reward` is then the mode's reward).
   */
  programmatic?: ProgrammaticScores;
  /** Judge and hybrid modes: the judge's verdict, reply, tokens and error. Absent when the model call failed. */
  judge?: JudgeRecord;
}
