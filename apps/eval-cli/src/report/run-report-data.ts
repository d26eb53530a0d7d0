import type { RiskCoveragePoint, RunMetrics } from "@sv/rubric";
import type { Distribution } from "./distribution.js";
import type { GroupStats } from "./group-stats.js";
import type { MetricInterval } from "./headline-metrics.js";
import type { JudgeStats } from "./judge/judge-stats.js";
import type { RunMetadata } from "./run-metadata.js";
import type { RunSummary } from "./run-summary.js";

/** One bin of the reliability diagram (decided rollouts with confidence in [lower, upper)). */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  correct: number;
  /** correct / count; null for an empty bin. */
  accuracy: number | null;
  /** Mean confidence in the bin; null for an empty bin. */
  meanConfidence: number | null;
}

/** A step of the risk–coverage curve: answering only when confidence >= the step's confidence. */
export type CoveragePoint = RiskCoveragePoint;

/** Counts of predicted labels for one gold label. */
export interface ConfusionRow {
  malicious: number;
  benign: number;
  abstain: number;
  /** No label could be parsed. */
  none: number;
}

/** Everything a run's report shows except the rollout table; small enough to keep for comparisons. */
export interface RunReportData {
  summary: RunSummary;
  /** The summary's metrics with undefined ones as null: what every page shows (null → n/a). */
  metrics: RunMetrics;
  metadata: RunMetadata;
  /** Headline metric key → value and bootstrap 95% interval. */
  intervals: Record<string, MetricInterval>;
  bootstrap: { resamples: number; seed: number; unit: "example" };
  /** Confusion matrix by gold label, with abstentions and unparsable replies split by gold label too. */
  confusion: { malicious: ConfusionRow; benign: ConfusionRow };
  reliability: ReliabilityBin[];
  /** The standard risk–coverage curve over answered rollouts, one step per distinct confidence (highest first). */
  riskCoverage: CoveragePoint[];
  /** Confidence histogram (10 bins) by outcome. */
  confidenceByOutcome: { correct: number[]; wrong: number[]; abstained: number[] };
  byAttackFamily: GroupStats[];
  bySource: GroupStats[];
  latencyMs: Distribution;
  inputTokens: Distribution;
  outputTokens: Distribution;
  /** Token totals over the rollouts whose usage was reported, and how many those are. */
  tokens: { input: number; output: number; rollouts: number };
  /** Rollouts whose request failed. */
  requestErrors: number;
  /** Retried requests (attempts − 1 summed over rollouts) and rollouts that needed a retry. */
  retries: { total: number; rollouts: number };
  /** Pool-wide pauses after a 429 (metadata.json `rate_limit_pauses`); null when the run did not record it. */
  rateLimitPauses: number | null;
  /** Distinct system prompts in the rollouts and a short SHA-256 of them (to tell runs apart). */
  systemPrompt: { distinct: number; sha256: string | null };
  /** Distinct examples in the rollouts and a short SHA-256 of their identities (`info.hash`, else id + question). */
  examples: { distinct: number; sha256: string | null };
  /** Judge and hybrid runs: the judge's verdicts next to the programmatic scores; absent otherwise. */
  judge?: JudgeStats;
}
