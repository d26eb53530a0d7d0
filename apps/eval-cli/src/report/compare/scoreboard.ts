import { HEADLINE_METRICS, type HeadlineMetric, type MetricInterval } from "../headline-metrics.js";
import type { RunReportData } from "../run-report-data.js";
import { type RunDifference, rewardDefinition, runDifferences } from "./run-differences.js";

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

/** Short column titles; each names the same thing as its row in the run report. */
export const SCOREBOARD_TITLES: Record<(typeof SCOREBOARD_KEYS)[number], string> = {
  reward: "Mean reward",
  accuracy: "Acc, answered",
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

/** The scoreboard of a comparison: rows, how the runs differ, and whether ranking them means anything. */
export interface Scoreboard {
  rows: ScoreboardRow[];
  differences: RunDifference[];
  /** False when the runs differ in data, examples or rubric: then no cell is marked best. */
  comparable: boolean;
  /**
   * False when the runs' mean rewards are defined differently (rubric mode, judge model or weight): the
   * mean reward column is then not ranked, the programmatic metrics still are.
   */
  rewardComparable: boolean;
}

/** Options of {@link buildScoreboard}. */
export interface BuildScoreboardOptions {
  runs: RunReportData[];
}

/**
 * Rows of the comparison, one per run, with the best value of every column marked (ties all marked).
 * Nothing is marked on a single-run board, in a column without a better direction (the abstain rate),
 * among fewer than two runs on which the metric is defined (an undefined value is never ranked), or
 * anywhere when the runs are incomparable (see {@link runDifferences}).
 */
export function buildScoreboard(options: BuildScoreboardOptions): Scoreboard {
  const metrics = new Map<string, HeadlineMetric>(HEADLINE_METRICS.map((metric) => [metric.key, metric]));
  const rows = options.runs.map((run) => ({ run, values: run.intervals, best: new Set<string>() }));
  const differences = runDifferences({ runs: options.runs });
  const comparable = differences.every((difference) => !difference.incomparable);
  const rewardComparable = new Set(options.runs.map(rewardDefinition)).size <= 1;
  if (rows.length < 2 || !comparable) return { rows, differences, comparable, rewardComparable };
  for (const key of SCOREBOARD_KEYS) {
    const direction = metrics.get(key)!.better;
    if (direction === "none" || (key === "reward" && !rewardComparable)) continue;
    const values = rows
      .map((row) => row.values[key]!.value)
      .filter((value): value is number => value !== null && Number.isFinite(value));
    if (values.length < 2) continue;
    const target = direction === "higher" ? Math.max(...values) : Math.min(...values);
    for (const row of rows) if (row.values[key]!.value === target) row.best.add(key);
  }
  return { rows, differences, comparable, rewardComparable };
}
