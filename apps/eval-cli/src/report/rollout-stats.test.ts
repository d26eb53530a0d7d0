import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ResultLine } from "./result-line.js";
import { RolloutStatsAccumulator } from "./rollout-stats.js";

/** Rollout indices handed out so far, per example: each `line` is the example's next rollout. */
const nextIndex = new Map<number, number>();

const line = (
  example: number,
  answer: string,
  label: "Malicious" | "Benign" | "Abstain" | null,
  reward: number,
  error = false,
  rolloutIndex?: number,
): ResultLine => {
  const index = rolloutIndex ?? nextIndex.get(example) ?? 0;
  nextIndex.set(example, index + 1);
  return {
    example_id: example,
    rollout_index: index,
    prompt: [],
    completion: "",
    answer,
    reward,
    metrics: { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 },
    parsed: { label, confidence: 0.5 },
    info: {},
    token_usage: { input_tokens: 0, output_tokens: 0 },
    timing: { generation_ms: 0, scoring_ms: 0, total_ms: 0 },
    attempts: 1,
    error: error ? { type: "server_error", message: "500" } : null,
  };
};

describe("RolloutStatsAccumulator", () => {
  it("computes pass@k, majority vote, per-example spread and label agreement", () => {
    const stats = new RolloutStatsAccumulator();
    // Example 0: 2 of 3 correct. Example 1: 0 of 3 correct, all agree. Example 2: a 1-1 tie and an error.
    for (const [label, reward] of [
      ["Malicious", 1],
      ["Malicious", 1],
      ["Benign", -1],
    ] as const)
      stats.add(line(0, "Malicious", label, reward));
    for (let index = 0; index < 3; index++) stats.add(line(1, "Benign", "Malicious", 0));
    stats.add(line(2, "Benign", "Benign", 1));
    stats.add(line(2, "Benign", null, 0));
    stats.add(line(2, "Benign", "Benign", 9, true));
    const result = stats.result(3)!;
    expect(result.k).toBe(3);
    expect(result.n_examples).toBe(3);
    // pass@1 = mean(2/3, 0, 1/2); pass@2 = mean(1 - C(1,2)/C(3,2) = 1, 0, 1 - C(1,2)/C(2,2) = 1);
    // pass@3 over the two examples with 3 scored rollouts: mean(1, 0).
    expect(result.pass_at_k["1"]).toBeCloseTo((2 / 3 + 0 + 1 / 2) / 3, 12);
    expect(result.pass_at_k["2"]).toBeCloseTo(2 / 3, 12);
    expect(result.pass_at_k["3"]).toBeCloseTo(1 / 2, 12);
    expect(result.majority_vote_accuracy).toBeCloseTo(1 / 3, 12); // the tie counts as wrong
    expect(result.mean_reward).toBeCloseTo((1 / 3 + 0 + 0.5) / 3, 12);
    const std0 = Math.sqrt(((1 - 1 / 3) ** 2 * 2 + (-1 - 1 / 3) ** 2) / 3);
    expect(result.mean_reward_std).toBeCloseTo((std0 + 0 + 0.5) / 3, 12);
    expect(result.label_agreement).toBeCloseTo(1 / 3, 12);
  });

  it("leaves an example with one scored rollout out of the spread (undefined, not 0)", () => {
    const stats = new RolloutStatsAccumulator();
    stats.add(line(0, "Benign", "Benign", 1, false, 0));
    stats.add(line(0, "Benign", "Malicious", -1, false, 1));
    stats.add(line(1, "Benign", "Benign", 1, false, 0));
    stats.add(line(1, "Benign", null, 0, true, 1));
    const result = stats.result(2)!;
    expect(result.mean_reward_std).toBe(1); // example 0 only: std of {1, -1}
    expect(result.label_agreement).toBe(0); // example 0 only
    const lone = new RolloutStatsAccumulator();
    lone.add(line(0, "Benign", "Benign", 1, false, 0));
    lone.add(line(0, "Benign", null, 0, true, 1));
    expect(lone.result(2)).toMatchObject({
      n_examples: 1,
      mean_reward: 1,
      mean_reward_std: null,
      label_agreement: null,
    });
  });

  it("is the same for every order of the lines (property)", () => {
    const labels = ["Malicious", "Benign", "Abstain", null] as const;
    const rollout = fc.record({
      example: fc.integer({ min: 0, max: 5 }),
      index: fc.integer({ min: 0, max: 3 }),
      label: fc.constantFrom(...labels),
      reward: fc.double({ min: -2, max: 2, noNaN: true }),
      error: fc.boolean(),
    });
    // One line per (example, rollout), so no later line replaces another and every order is equivalent.
    const runs = fc.uniqueArray(rollout, {
      selector: (each) => `${each.example}/${each.index}`,
      maxLength: 24,
    });
    fc.assert(
      fc.property(runs, fc.integer(), (rollouts, seed) => {
        const lines = rollouts.map((each) =>
          line(
            each.example,
            each.example % 2 ? "Malicious" : "Benign",
            each.label,
            each.reward,
            each.error,
            each.index,
          ),
        );
        const shuffled = fc.sample(fc.shuffledSubarray(lines, { minLength: lines.length }), {
          numRuns: 1,
          seed,
        })[0]!;
        const first = new RolloutStatsAccumulator();
        for (const each of lines) first.add(each);
        const second = new RolloutStatsAccumulator();
        for (const each of shuffled) second.add(each);
        expect(second.result(4)).toEqual(first.result(4));
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it("is absent with one rollout per example, and undefined (null), not 0, when nothing was scored", () => {
    const stats = new RolloutStatsAccumulator();
    stats.add(line(0, "Benign", "Benign", 1));
    expect(stats.result(1)).toBeNull();
    const empty = new RolloutStatsAccumulator();
    empty.add(line(0, "Benign", "Benign", 1, true));
    expect(empty.result(2)).toEqual({
      k: 2,
      n_examples: 0,
      pass_at_k: { "1": null, "2": null },
      majority_vote_accuracy: null,
      mean_reward: null,
      mean_reward_std: null,
      label_agreement: null,
    });
  });

  it("gives the same figures whatever the order of the lines, a later line of a rollout replacing it", () => {
    // Examples 0, 1, 2 with rewards 0.1, 0.2, 0.3 twice: 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in
    // floating point, so a sum in line order would not give the same mean in both orders.
    const rewards = [0.1, 0.2, 0.3, 0.1, 0.2, 0.3];
    const lines = rewards.map((reward, position) =>
      line(position % 3, "Benign", "Benign", reward, false, Math.floor(position / 3)),
    );
    const forward = new RolloutStatsAccumulator();
    for (const each of lines) forward.add(each);
    const backward = new RolloutStatsAccumulator();
    for (const each of [...lines].reverse()) backward.add(each);
    // Exact equality: a resumed run (other line order) must write the same summary.json.
    expect(backward.result(2)).toEqual(forward.result(2));

    const retried = new RolloutStatsAccumulator();
    retried.add(line(0, "Benign", "Benign", 1, false, 0));
    retried.add(line(0, "Benign", null, 0, true, 1));
    retried.add(line(0, "Benign", "Malicious", -1, false, 1)); // --retry-errors: rollout 1 again
    retried.add(line(0, "Benign", "Malicious", -1, false, 1)); // the same rollout twice counts once
    const result = retried.result(2)!;
    expect(result.pass_at_k["1"]).toBe(0.5);
    expect(result.mean_reward).toBe(0);
    expect(result.label_agreement).toBe(0);
  });
});
