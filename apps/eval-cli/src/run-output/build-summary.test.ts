import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RolloutResult } from "@sv/env";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSummary } from "./build-summary.js";
import { readResults } from "./read-results.js";

const metadata = {
  env_id: "sv-env-network-logs",
  run_id: "r",
  started_at: "2025-01-01T00:00:00.000Z",
  model: "m",
  dataset: { name: "d", source: "local", split: "test", revision: null, path: null },
  seed: null,
};

function rollout(example: number, label: "Benign" | "Malicious" | null, confidence: number, error = false) {
  return {
    example_id: example,
    rollout_index: 0,
    answer: example % 2 ? "Benign" : "Malicious",
    reward: confidence * 1.7,
    metrics: { accuracy: 1, format: 1, calibration: confidence, asymmetric_cost: 0 },
    parsed: { label, confidence },
    error: error ? { type: "timeout", message: "x" } : null,
  } as unknown as RolloutResult;
}

describe("buildSummary", () => {
  it("does not depend on the order of results (property)", async () => {
    const base = Array.from({ length: 30 }, (_, index) =>
      rollout(index, index % 3 ? "Malicious" : "Benign", (index * 0.137) % 1, index === 7),
    );
    const reference = JSON.stringify(await buildSummary({ results: base, metadata }));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(base, { minLength: base.length }), async (shuffled) => {
        expect(JSON.stringify(await buildSummary({ results: shuffled, metadata }))).toBe(reference);
      }),
      { numRuns: 25 },
    );
  });

  it("leaves errored rollouts out of metrics and rewards, and counts them", async () => {
    const summary = await buildSummary({
      results: [rollout(0, "Malicious", 1), rollout(1, null, 0, true)],
      metadata,
    });
    expect(summary).toMatchObject({ n_examples: 2, n_rollouts: 2, n_errors: 1 });
    expect(summary.rewards.mean_reward).toBe(1.7);
    expect(summary.metrics.confusion_matrix).toMatchObject({ tp: 1, invalid: 0 });
  });
});

describe("readResults", () => {
  it("skips a torn last line and reports it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "sv-results-")), "results.jsonl");
    writeFileSync(path, `${JSON.stringify(rollout(0, "Benign", 0.5))}\n{"example_id": 1, "rollo`);
    const invalid: number[] = [];
    const results: RolloutResult[] = [];
    for await (const result of readResults(path, { onInvalidLine: ({ line }) => invalid.push(line) })) {
      results.push(result);
    }
    expect(results).toHaveLength(1);
    expect(invalid).toEqual([2]);
  });
});
