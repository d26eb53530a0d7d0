import type { Distribution } from "./distribution.js";
import type { GroupStats } from "./group-stats.js";
import type { MetricInterval } from "./headline-metrics.js";
import type { RunMetadata } from "./run-metadata.js";
import type { RunSummary } from "./run-summary.js";

/** One bin of the reliability diagram (decided rollouts with confidence in [lower, upper)). */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  correct: number;
  /** correct / count (0 when empty). */
  accuracy: number;
  meanConfidence: number;
}

/** A point of the risk–coverage curve: answering only when confidence >= threshold. */
export interface CoveragePoint {
  threshold: number;
  coverage: number;
  risk: number;
}

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
  metadata: RunMetadata;
  /** Headline metric key → value and bootstrap 95% interval. */
  intervals: Record<string, MetricInterval>;
  bootstrap: { resamples: number; seed: number; unit: "example" };
  /** Confusion matrix by gold label, with abstentions and unparsable replies split by gold label too. */
  confusion: { malicious: ConfusionRow; benign: ConfusionRow };
  reliability: ReliabilityBin[];
  riskCoverage: CoveragePoint[];
  /** Confidence histogram (10 bins) by outcome. */
  confidenceByOutcome: { correct: number[]; wrong: number[]; abstained: number[] };
  byAttackFamily: GroupStats[];
  bySource: GroupStats[];
  latencyMs: Distribution;
  inputTokens: Distribution;
  outputTokens: Distribution;
  tokens: { input: number; output: number };
  /** Rollouts whose request failed. */
  requestErrors: number;
}
