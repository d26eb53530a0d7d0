import type { BootstrapSample } from "./bootstrap-intervals.js";

/**
 * The sample in (example_id, rollout_index) order, clusters numbered in that order too. Results files
 * list rollouts in completion order, which a resumed run changes; the bootstrap must not depend on it.
 * `keys[i]` orders rollout `i` (example_id * 2^20 + rollout_index).
 */
export function canonicalSample(sample: BootstrapSample, keys: readonly number[]): BootstrapSample {
  const order = keys.map((_, index) => index).sort((a, b) => keys[a]! - keys[b]!);
  const pick = <T>(values: readonly T[]): T[] => order.map((index) => values[index]!);
  const renumbered = new Map<number, number>();
  const clusters = order.map((index) => {
    const cluster = sample.clusters[index]!;
    let canonical = renumbered.get(cluster);
    if (canonical === undefined) {
      canonical = renumbered.size;
      renumbered.set(cluster, canonical);
    }
    return canonical;
  });
  const [reward, accuracy, format, calibration, cost] = sample.rewards;
  return {
    labels: pick(sample.labels),
    confidences: pick(sample.confidences),
    answers: pick(sample.answers),
    rewards: [pick(reward), pick(accuracy), pick(format), pick(calibration), pick(cost)],
    clusters,
    clusterCount: sample.clusterCount,
  };
}
