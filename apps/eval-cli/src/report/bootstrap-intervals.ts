import { createSeededRandom } from "@sv/dataset";
import type { Label } from "@sv/parser";
import { type MetricsRecord, RunMetricsAccumulator } from "@sv/rubric";
import { HEADLINE_METRICS } from "./headline-metrics.js";

/** The per-rollout numbers the bootstrap resamples (columns, index = rollout). */
export interface BootstrapSample {
  labels: (Label | null)[];
  confidences: number[];
  answers: ("Malicious" | "Benign")[];
  /** reward, accuracy, format, calibration, asymmetric_cost per rollout. */
  rewards: [number[], number[], number[], number[], number[]];
  /** Cluster of each rollout (its example); examples are resampled with all their rollouts. */
  clusters: number[];
  clusterCount: number;
}

/** Options of {@link bootstrapIntervals}. */
export interface BootstrapIntervalsOptions {
  sample: BootstrapSample;
  resamples: number;
  seed: number;
  /** Cost weights of `cost_weighted_accuracy`, as in the summary (default 10 / 1). */
  fnCostWeight?: number;
  fpCostWeight?: number;
}

/** Bounds of one metric: null where it was undefined on every resample. */
export type IntervalBounds = { low: number | null; high: number | null; resamplesDefined: number };

/** Percentile with linear interpolation over a sorted, non-empty array. */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** Rollout indices grouped by cluster: `members.subarray(starts[c], starts[c + 1])`. */
function groupByCluster(sample: BootstrapSample): { starts: Int32Array; members: Int32Array } {
  const starts = new Int32Array(sample.clusterCount + 1);
  for (const cluster of sample.clusters) starts[cluster + 1]!++;
  for (let index = 0; index < sample.clusterCount; index++) starts[index + 1]! += starts[index]!;
  const cursor = starts.slice(0, sample.clusterCount);
  const members = new Int32Array(sample.clusters.length);
  sample.clusters.forEach((cluster, rollout) => {
    members[cursor[cluster]!++] = rollout;
  });
  return { starts, members };
}

/**
 * Percentile bootstrap 95% intervals of every headline metric, resampling examples (clusters) with
 * replacement. Metrics are recomputed by `RunMetricsAccumulator`, so intervals use the summary's formulas
 * (the same AURC, ECE and Brier). A resample on which a metric is undefined (e.g. one drawing no attacks,
 * for TPR) is left out of that metric's interval; `resamplesDefined` says how many remained.
 * Deterministic: the same sample and seed give the same intervals.
 */
export function bootstrapIntervals(options: BootstrapIntervalsOptions): Record<string, IntervalBounds> {
  const { sample } = options;
  const { starts, members } = groupByCluster(sample);
  const random = createSeededRandom(options.seed);
  const draws = HEADLINE_METRICS.map(() => new Float64Array(options.resamples));
  const defined = HEADLINE_METRICS.map(() => 0);
  const record: { label: Label | null; confidence: number; answer: string } = {
    label: null,
    confidence: 0,
    answer: "Benign",
  };
  for (let resample = 0; resample < options.resamples; resample++) {
    const accumulator = new RunMetricsAccumulator({
      fnCostWeight: options.fnCostWeight,
      fpCostWeight: options.fpCostWeight,
    });
    const sums = [0, 0, 0, 0, 0];
    let count = 0;
    for (let draw = 0; draw < sample.clusterCount; draw++) {
      const cluster = random.nextInt(sample.clusterCount);
      for (let at = starts[cluster]!; at < starts[cluster + 1]!; at++) {
        const rollout = members[at]!;
        record.label = sample.labels[rollout]!;
        record.confidence = sample.confidences[rollout]!;
        record.answer = sample.answers[rollout]!;
        accumulator.add(record as MetricsRecord);
        for (let component = 0; component < 5; component++)
          sums[component]! += sample.rewards[component]![rollout]!;
        count++;
      }
    }
    const mean = (sum: number) => (count > 0 ? sum / count : null);
    const rewards = {
      mean: mean(sums[0]!),
      accuracy: mean(sums[1]!),
      format: mean(sums[2]!),
      calibration: mean(sums[3]!),
      asymmetric_cost: mean(sums[4]!),
    };
    const metrics = accumulator.result();
    HEADLINE_METRICS.forEach((metric, index) => {
      const value = metric.read(metrics, rewards);
      if (value !== null && Number.isFinite(value)) draws[index]![defined[index]!++] = value;
    });
  }
  const intervals: Record<string, IntervalBounds> = {};
  HEADLINE_METRICS.forEach((metric, index) => {
    const count = defined[index]!;
    const sorted = draws[index]!.subarray(0, count).sort();
    intervals[metric.key] =
      count === 0
        ? { low: null, high: null, resamplesDefined: 0 }
        : { low: quantile(sorted, 0.025), high: quantile(sorted, 0.975), resamplesDefined: count };
  });
  return intervals;
}
