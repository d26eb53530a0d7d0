import type { Label } from "@sv/parser";
import type { RunCost } from "../../cost/run-cost.js";
import type { JudgeMode } from "./judge-run-info.js";
import type { JudgeKind } from "./rollout-judge.js";

/** The programmatic outcome of a judged reply: a row of the judge table. */
export type JudgeOutcome = "correct" | "wrong" | "abstained" | "noLabel";

/** Judge verdicts of the rollouts with one outcome. */
export interface JudgeCell {
  yes: number;
  no: number;
  /** The judge call failed after its retries (no verdict). */
  error: number;
}

/** A rollout where the judge and the programmatic accuracy disagree. */
export interface JudgeDisagreement {
  exampleId: number | string;
  rolloutIndex: number;
  gold: "Malicious" | "Benign";
  label: Label | null;
  confidence: number;
  verdict: "yes" | "no";
  /** The judge's reply; null when the row does not keep it (vf-eval). */
  reply: string | null;
}

/** Everything the report says about a judge or hybrid run's judge. */
export interface JudgeStats {
  /** The run's rubric mode (metadata.json `rubric.mode`, else the rows' kind). */
  mode: JudgeMode;
  /** The kinds of judge the rows carry (both only if rows of two modes were put together). */
  kinds: JudgeKind[];
  /** The judge model, or null when neither metadata.json nor the rows name it. */
  model: string | null;
  /** Where the model name comes from, when not from the run itself (e.g. the original's default). */
  modelNote: string | null;
  /** Hybrid: the judge part's weight; null when not recorded. */
  weight: number | null;
  /** Rollouts with a verdict. */
  judged: number;
  /** Rollouts whose judge call failed after its retries. */
  errors: number;
  /** Judge error kinds and how many of each, most frequent first. */
  errorTypes: [string, number][];
  /** Rollouts with a reply but no judge data (not judged). */
  notJudged: number;
  yes: number;
  /** yes / judged; null when nothing was judged. */
  yesRate: number | null;
  /** Judged rollouts where "yes" goes with an accuracy reward of 1 and "no" with 0. */
  agreements: number;
  /** agreements / judged; null when nothing was judged. */
  agreement: number | null;
  /** Judge verdicts by programmatic outcome. */
  table: Record<JudgeOutcome, JudgeCell>;
  /** The disagreeing rollouts: how many, and the first ones in (example, rollout) order. */
  disagreements: { total: number; listed: JudgeDisagreement[] };
  /** Mean executable-rubric reward over the rollouts without error; null with none. */
  programmaticMeanReward: number | null;
  /** Judge tokens over the calls that reported them (cached calls included), apart from the model's. */
  tokens: { input: number; output: number; calls: number; unknown: number };
  /** The judge's spend, costed like the model's (cached calls cost 0). */
  cost: RunCost;
  /** Judge calls answered by the judge cache. */
  cacheHits: number;
  /** Retried judge requests (attempts − 1 summed over the judged rollouts) and rollouts that needed one. */
  retries: { total: number; rollouts: number };
  /** Verdicts given without a judge call (hybrid: nothing to grade). */
  skipped: number;
  /** Whether the rows keep the judge's replies (vf-eval rows do not). */
  repliesKept: boolean;
  /**
   * metadata.json's own judge totals (`judge_usage`, `judge_cost.usd`, `judge_cache.hits`), each null when
   * not recorded; shown (and said to be from there) only where the rows have no figure of their own.
   */
  recorded: {
    usage: { input: number; output: number } | null;
    costUsd: number | null;
    cacheHits: number | null;
  };
}

/** summary.json's `judge` block (the issue-15 contract). */
export interface JudgeSummary {
  mode: JudgeMode;
  /** The judge model; `unknown` when neither metadata.json nor the rows name it. */
  model: string;
  n_judged: number;
  n_judge_errors: number;
  yes_rate: number | null;
  agreement_with_accuracy: number | null;
  cost_usd: number | null;
}
