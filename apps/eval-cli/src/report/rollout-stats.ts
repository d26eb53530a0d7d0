import { safeNormalizeGoldAnswer } from "@sv/rubric";
import { passAtK } from "./pass-at-k.js";
import type { ResultLine } from "./result-line.js";

/** summary.json `rollout_stats`: how the k rollouts of each example behave (present when k >= 2). */
export interface RolloutStats {
  /** Rollouts per example the run asked for. */
  k: number;
  /** Examples with at least one scored rollout (failed rollouts are left out). */
  n_examples: number;
  /** pass@j for j = 1..k: unbiased estimate, mean over examples with at least j scored rollouts; null when none. */
  pass_at_k: Record<string, number | null>;
  /** Share of examples whose most frequent label (a tie is no majority, counted wrong) is the gold label. */
  majority_vote_accuracy: number | null;
  /** Mean over examples of the example's mean reward. */
  mean_reward: number | null;
  /**
   * Mean over examples with at least 2 scored rollouts of the standard deviation (population) of the
   * example's rewards; an example with one scored rollout has no spread and is left out. Null when none.
   */
  mean_reward_std: number | null;
  /** Share of examples with >= 2 scored rollouts whose labels are all the same (unparsable counts as a label). */
  label_agreement: number | null;
}

interface ExampleRollouts {
  gold: string | null;
  labels: string[];
  rewards: number[];
}

interface ScoredRollout {
  label: string;
  reward: number;
}

const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Gathers each example's scored rollouts, then computes {@link RolloutStats}. A later line of the same
 * rollout replaces an earlier one (as in summary.json: a retried failure, a resumed run), and the figures
 * do not depend on the order of the lines (a resumed run gives the same numbers, to the last digit).
 */
export class RolloutStatsAccumulator {
  private readonly examples = new Map<
    string,
    { gold: string | null; rollouts: Map<number, ScoredRollout> }
  >();

  add(line: ResultLine): void {
    const key = String(line.example_id);
    let example = this.examples.get(key);
    if (!example) {
      example = { gold: safeNormalizeGoldAnswer(line.answer) ?? null, rollouts: new Map() };
      this.examples.set(key, example);
    }
    if (line.error) example.rollouts.delete(line.rollout_index);
    else
      example.rollouts.set(line.rollout_index, { label: line.parsed.label ?? "(none)", reward: line.reward });
  }

  /** Examples with a scored rollout, by example id, each with its rollouts by index. */
  private scoredExamples(): ExampleRollouts[] {
    return [...this.examples.entries()]
      .filter(([, example]) => example.rollouts.size > 0)
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([, example]) => {
        const rollouts = [...example.rollouts.entries()]
          .sort(([a], [b]) => a - b)
          .map(([, rollout]) => rollout);
        return {
          gold: example.gold,
          labels: rollouts.map((rollout) => rollout.label),
          rewards: rollouts.map((rollout) => rollout.reward),
        };
      });
  }

  /** The statistics, or null when the run has one rollout per example (`k` < 2). */
  result(k: number): RolloutStats | null {
    if (!Number.isInteger(k) || k < 2) return null;
    const examples = this.scoredExamples();
    const passAt: Record<string, number | null> = {};
    for (let j = 1; j <= k; j++) {
      const values = examples
        .filter((example) => example.rewards.length >= j)
        .map((example) => passAtK(example.labels.length, this.correct(example), j));
      passAt[String(j)] = mean(values);
    }
    const majority = examples.map((example) => (majorityLabel(example.labels) === example.gold ? 1 : 0));
    const perExampleMean = examples.map((example) => mean(example.rewards)!);
    const several = examples.filter((example) => example.labels.length >= 2);
    const perExampleStd = several.map((example) => populationStd(example.rewards));
    return {
      k,
      n_examples: examples.length,
      pass_at_k: passAt,
      majority_vote_accuracy: mean(majority),
      mean_reward: mean(perExampleMean),
      mean_reward_std: mean(perExampleStd),
      label_agreement: mean(several.map((example) => (new Set(example.labels).size === 1 ? 1 : 0))),
    };
  }

  private correct(example: ExampleRollouts): number {
    return example.labels.filter((label) => label === example.gold).length;
  }
}

/**
 * Population standard deviation, computed on values shifted by the first one, so equal rewards give
 * exactly 0 (not 1e-16 from rounding the mean).
 */
function populationStd(values: number[]): number {
  const shift = values[0] ?? 0;
  const deviations = values.map((value) => value - shift);
  const center = mean(deviations) ?? 0;
  const variance = (mean(deviations.map((value) => value * value)) ?? 0) - center * center;
  return Math.sqrt(Math.max(0, variance));
}

/** The most frequent label, or null on a tie for first place. */
function majorityLabel(labels: string[]): string | null {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [label, count] of counts) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) tie = true;
  }
  return tie ? null : best;
}
