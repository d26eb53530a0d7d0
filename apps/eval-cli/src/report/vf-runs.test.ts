import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reportRunDir } from "./report-run-dir.js";
import type { RunSummary } from "./run-summary.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "fixtures", "report");

async function report(name: string) {
  const dir = join(await mkdtemp(join(tmpdir(), "sv-vf-run-")), name);
  await cp(join(fixtures, name), dir, { recursive: true });
  const result = await reportRunDir({ dir, resamples: 20 });
  const summary = JSON.parse(await readFile(result.files.summary, "utf8")) as RunSummary;
  return { summary, data: result.data };
}

// The 12 rollouts every fixture holds (see fixtures/report/*/README.md): one failed call, one
// unparseable reply, one abstention.
const confusion = { tp: 4, tn: 3, fp: 1, fn: 1, abstain: 1, invalid: 1 };
const scoredRewards = [1.78, 1.76, -0.32, 1.74, 1.78, 0.2, 1.79, 1.74, 0.18, 1.76, 0];
const meanReward = scoredRewards.reduce((sum, value) => sum + value, 0) / scoredRewards.length;

describe("reporting runs of vf-eval and of the original's scripts", () => {
  it.each(["vf-0.1.9", "vf-0.1.12", "vf-legacy"])(
    "%s: numbers the rollouts of each example in file order, and counts every rollout and error",
    async (name) => {
      const { summary, data } = await report(name);
      expect(summary).toMatchObject({ n_examples: 12, n_distinct_examples: 4, n_rollouts: 12, n_errors: 1 });
      expect(summary.metrics.confusion_matrix).toEqual(confusion);
      expect(summary.rewards.mean_reward).toBeCloseTo(meanReward, 12);
      expect(data.requestErrors).toBe(1);
    },
  );

  it("reads the original's eval_network_logs.py run: `index`, nested `rewards`, `completion_error`", async () => {
    const { summary, data } = await report("original-eval-network-logs");
    expect(summary).toMatchObject({
      n_examples: 12,
      n_rollouts: 12,
      n_errors: 1,
      model: "gpt-5-mini",
      dataset: "iot23-train-dev-test-v1.jsonl",
      timestamp: "2025-10-01T12:00:00.000Z",
    });
    expect(summary.metrics.confusion_matrix).toEqual(confusion);
    // no total reward in those rows: the weighted sum of the stored rewards
    expect(summary.rewards.mean_reward).toBeCloseTo(meanReward, 12);
    expect(summary.metadata).toMatchObject({ seed: 42 });
    expect(data.requestErrors).toBe(1);
  });
});
