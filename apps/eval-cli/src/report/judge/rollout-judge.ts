import type { RolloutError } from "@sv/env";

/** What a judge graded: the whole reply (`--rubric judge`) or the rationale (`--rubric hybrid`). */
export type JudgeKind = "correctness" | "rationale";

/**
 * A rollout's judge verdict as the report reads it: our row's `judge` field, or (runs of the original's
 * judge environment under vf-eval) rebuilt from the `judge_reward` metric, which keeps no reply.
 */
export interface RolloutJudge {
  kind: JudgeKind;
  /** The judge model named by the row; null when the row names none (vf-eval). */
  model: string | null;
  /** "no" covers every non-yes reply; null when the judge call failed. */
  verdict: "yes" | "no" | null;
  score: 1 | 0 | null;
  /** The judge's reply text; null when the row does not keep it. */
  reply: string | null;
  /** Answered by the judge cache: nothing was paid. */
  cached: boolean;
  /** Scored without a call (hybrid: a reply without a label or rationale is a "no"): no request, no cost. */
  skipped: boolean;
  /** Requests to the judge (1 + retries; 0 when not called); null when the row does not say. */
  attempts: number | null;
  /** The judge call's tokens; a side is null when unknown (and the whole is null when not recorded). */
  tokenUsage: { input: number | null; output: number | null } | null;
  /** The judge call failed after its retries. */
  error: RolloutError | null;
}
