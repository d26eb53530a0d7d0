import type { JudgeKind } from "@sv/rubric";
import type { RolloutError } from "../evaluate/rollout-result.js";

/** The longest judge reply a rollout records (characters); the verdict reads the whole reply. */
export const MAX_JUDGE_REPLY_CHARS = 500;

/** What the judge said about one rollout (the `judge` field of a `results.jsonl` row). */
export interface JudgeRecord {
  /** `correctness` (judge mode: the whole reply) or `rationale` (hybrid mode). */
  kind: JudgeKind;
  /** The judge model's name. */
  model: string;
  /** `yes`, `no` (every reply that is not a yes), or null when the judge call failed. */
  verdict: "yes" | "no" | null;
  /** 1 for yes, 0 for no, null when the judge call failed. */
  score: 1 | 0 | null;
  /** The judge's reply text, at most {@link MAX_JUDGE_REPLY_CHARS} characters. */
  reply: string;
  /** Requests to the judge (1 + retries; 0 when nothing needed judging). */
  attempts: number;
  /** Present (true) when the response cache answered: no request, nothing paid. */
  cached?: true;
  /**
   * Present when the judge was not called: `no_rationale` (hybrid mode, a reply without a label or a
   * rationale scores 0 without a call).
   */
  skipped?: "no_rationale";
  /** The judge's tokens; a count is null when unknown (a failed call, or the server reported none). */
  token_usage: { input_tokens: number | null; output_tokens: number | null };
  /** Why the judge call failed after its retries, or null. */
  error: RolloutError | null;
}

/** The executable rubric's scores of a reply judged in judge or hybrid mode (no judge part). */
export interface ProgrammaticScores {
  /** Weighted total, tool-call charge included. */
  reward: number;
  accuracy: number;
  format: number;
  calibration: number;
  asymmetric_cost: number;
}
