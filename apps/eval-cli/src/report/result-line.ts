import type { Label } from "@sv/parser";
import type { RolloutJudge } from "./judge/rollout-judge.js";

/** One chat message of a rollout's prompt. */
export interface PromptMessage {
  role: string;
  content: string;
}

/** The four rubric components of a rollout. */
export interface RewardComponents {
  accuracy: number;
  format: number;
  calibration: number;
  asymmetric_cost: number;
}

/** One line of `results.jsonl` (the DESIGN.md "Eval outputs" contract). */
export interface ResultLine {
  example_id: number | string;
  rollout_index: number;
  prompt: PromptMessage[];
  completion: string;
  /** Multi-turn rollouts: the whole conversation as text (see `transcriptText`); absent otherwise. */
  transcript?: string;
  answer: string | number | boolean;
  reward: number;
  metrics: RewardComponents;
  parsed: { label: Label | null; confidence: number };
  info: Record<string, unknown>;
  token_usage: { input_tokens: number; output_tokens: number };
  /**
   * Whether the server reported this rollout's token usage (false for a failed rollout or a null usage,
   * whose `token_usage` reads 0); absent counts as reported.
   */
  token_usage_reported?: boolean;
  timing: { generation_ms: number; scoring_ms: number; total_ms: number };
  attempts: number;
  error: { type: string; message: string } | null;
  /** Answered by the response cache (`rollout.cached`): nothing was paid. */
  cached?: true;
  /** A failed rollout's tokens billed all the same (`rollout.billed_tokens`); absent when none. */
  billedTokens?: { input_tokens: number; output_tokens: number };
  /** Multi-turn `tools.cachedTokens`: tokens of the turns the response cache answered (not paid). */
  cachedTokens?: { input_tokens: number | null; output_tokens: number | null };
  /** The row's token usage was unknown (`null`): its cost is unknown too. */
  unknownUsage?: true;
  /**
   * Judge and hybrid runs: the judge's verdict of this rollout (absent when it was not judged, e.g. its
   * model call failed). `reward` is then the run's reward (the judge's, or programmatic + weighted judge)
   * and `metrics` the executable rubric's four rewards.
   */
  judge?: RolloutJudge;
  /** Judge and hybrid runs: the executable rubric's weighted total of the same reply. */
  programmaticReward?: number;
}
