import { HEADLINE_METRICS, type HeadlineMetric, type MetricInterval } from "../headline-metrics.js";
import type { RunReportData } from "../run-report-data.js";

/** Columns of the comparison scoreboard (keys of {@link HEADLINE_METRICS}). */
export const SCOREBOARD_KEYS = [
  "reward",
  "accuracy",
  "f1",
  "tpr",
  "fpr",
  "ece",
  "brier",
  "aurc",
  "abstain_rate",
  "cost_weighted_accuracy",
] as const;

/** Short column titles, as the original's scoreboard. */
export const SCOREBOARD_TITLES: Record<(typeof SCOREBOARD_KEYS)[number], string> = {
  reward: "Reward",
  accuracy: "Acc",
  f1: "F1",
  tpr: "TPR",
  fpr: "FPR",
  ece: "ECE",
  brier: "Brier",
  aurc: "AURC",
  abstain_rate: "Abstain",
  cost_weighted_accuracy: "Cost-Acc",
};

/** One run's row: its values and which columns it is best in. */
export interface ScoreboardRow {
  run: RunReportData;
  values: Record<string, MetricInterval>;
  best: Set<string>;
}

/** Options of {@link buildScoreboard}. */
export interface BuildScoreboardOptions {
  runs: RunReportData[];
}

/**
 * Rows of the comparison, one per run, with the best value of every column marked (ties all marked;
 * columns without a better direction, like the abstain rate, and single-run boards mark nothing).
 */
export function buildScoreboard(options: BuildScoreboardOptions): ScoreboardRow[] {
  const metrics = new Map<string, HeadlineMetric>(HEADLINE_METRICS.map((metric) => [metric.key, metric]));
  const rows = options.runs.map((run) => ({ run, values: run.intervals, best: new Set<string>() }));
  if (rows.length < 2) return rows;
  for (const key of SCOREBOARD_KEYS) {
    const direction = metrics.get(key)!.better;
    if (direction === "none") continue;
    const values = rows.map((row) => row.values[key]!.value);
    const target = direction === "higher" ? Math.max(...values) : Math.min(...values);
    for (const row of rows) if (row.values[key]!.value === target) row.best.add(key);
  }
  return rows;
}
