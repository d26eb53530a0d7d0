import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeRunMetrics, createRubric, type Label } from "@sv/rubric";
import { startOpenAIServer } from "@sv/test-utils";
import { describe, expect, it } from "vitest";
import { runCli } from "./eval/cli-child.js";
import { expectedOutcome, faultAction, faultFor } from "./eval/fault-schedule.js";
import { readJson, readJsonl } from "./eval/read-run.js";
import { questionOf, scriptedDelay, scriptedReply } from "./eval/scripted-reply.js";
import { writeSoakDataset } from "./eval/write-dataset.js";
import { SOAK_SCALE, scaled } from "./soak-scale.js";

const SEED = 20261128;
// The short run (CI) retries once, so its 200 examples still include rollouts that exhaust their retries.
const MAX_RETRIES = SOAK_SCALE < 0.5 ? 1 : 2;

/** results.jsonl names the rewards after the original's reward functions (vf-eval's metric names). */
const toMetricColumns = (
  rewards: Record<"accuracy" | "format" | "calibration" | "asymmetric_cost", number>,
) => ({
  reward_accuracy: rewards.accuracy,
  format_reward: rewards.format,
  reward_calibration: rewards.calibration,
  reward_asymmetric_cost: rewards.asymmetric_cost,
});

interface ResultLine {
  example_id: number;
  rollout: { index: number; attempts: number };
  prompt: { role: string; content: string }[];
  completion: string;
  answer: string;
  reward: number;
  metrics: Record<string, number>;
  parsed: { label: Label | null; confidence: number };
  error: { error: string; message: string } | null;
}

describe("eval chaos soak", () => {
  it("records every rollout once, scores it right, and errs only where retries ran out", async () => {
    const count = Math.max(200, scaled(2000));
    const cwd = mkdtempSync(join(tmpdir(), "sv-soak-chaos-"));
    const rows = writeSoakDataset({ count, path: join(cwd, "chaos.jsonl") });
    const answers = new Map(rows.map((row) => [row.question, row.answer]));
    const attemptsSeen = new Map<string, number>();
    const server = await startOpenAIServer({
      record: false,
      handle: (request) => {
        const question = questionOf(request);
        const attempt = (attemptsSeen.get(question) ?? 0) + 1;
        attemptsSeen.set(question, attempt);
        const fault = faultFor(SEED, question, attempt);
        return faultAction(fault, scriptedReply(question), scriptedDelay(question, 0, 20));
      },
    });
    const started = performance.now();
    try {
      const run = await runCli({
        cwd,
        args: [
          ...["-m", "chaos-model", "-b", server.baseURL, "--dataset", join(cwd, "chaos.jsonl")],
          ...[
            "--split",
            "all",
            "-c",
            "64",
            "--request-timeout",
            "5",
            "--request-retries",
            String(MAX_RETRIES),
          ],
          ...["--max-consecutive-errors", "0", "--run-id", "chaos", "--output-dir", "out"],
        ],
      });
      console.info(
        `[soak] eval chaos: ${count} examples in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(run.exitCode, run.stderr.slice(-2000)).toBe(0);

      const runDir = join(cwd, "out", "evals", "sv-env-network-logs--chaos-model", "chaos");
      const results = readJsonl<ResultLine>(join(runDir, "results.jsonl"));
      expect(results).toHaveLength(count);
      expect(new Set(results.map((result) => result.example_id)).size).toBe(count);

      const rubric = createRubric();
      let expectedErrors = 0;
      for (const result of results) {
        const question = questionOf({ model: "", messages: result.prompt });
        expect(result.answer).toBe(answers.get(question));
        expect(result.rollout.index).toBe(0);
        const expected = expectedOutcome(SEED, question, MAX_RETRIES);
        // The server saw exactly the attempts the schedule implies: no hidden retries, none lost.
        expect(attemptsSeen.get(question), question).toBe(expected.attempts);
        expect(result.rollout.attempts, question).toBe(expected.attempts);
        expect(result.error?.error ?? null, question).toBe(expected.errorType);
        if (expected.errorType) {
          expectedErrors++;
          continue;
        }
        expect(result.completion).toBe(scriptedReply(question));
        const scored = rubric.score({ completion: result.completion, answer: result.answer });
        expect(result.reward).toBe(scored.reward);
        expect(result.metrics).toEqual(toMetricColumns(scored.rewards));
        expect(result.parsed).toEqual({ label: scored.label, confidence: scored.confidence });
      }

      const summary = readJson(join(runDir, "summary.json"));
      const metadata = readJson(join(runDir, "metadata.json"));
      const succeeded = results
        .filter((result) => result.error === null)
        .sort((a, b) => a.example_id - b.example_id);
      expect(summary).toMatchObject({ n_examples: count, n_rollouts: count, n_errors: expectedErrors });
      expect(metadata).toMatchObject({ status: "complete", n_errors: expectedErrors, num_examples: count });
      expect(summary.metrics).toEqual(
        computeRunMetrics(succeeded.map((result) => ({ ...result.parsed, answer: result.answer }))),
      );
      const meanReward = succeeded.reduce((sum, result) => sum + result.reward, 0) / succeeded.length;
      expect((summary.rewards as { mean_reward: number }).mean_reward).toBeCloseTo(meanReward, 12);
      const retried = results.filter((result) => result.rollout.attempts > 1).length;
      console.info(
        `[soak] eval chaos: ${retried} rollouts retried, ${expectedErrors} exhausted their retries`,
      );
      expect(retried).toBeGreaterThan(count * 0.08); // the schedule really injected faults
      expect(expectedErrors).toBeGreaterThan(0); // and some rollouts ran out of retries
    } finally {
      await server.close();
    }
  });
});
