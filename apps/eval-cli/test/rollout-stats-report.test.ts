import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MINI_DATASET, runEvalCli } from "./eval-harness.js";

describe("-r k: several rollouts per example", () => {
  it("puts pass@k, majority vote, spread and agreement in summary.json, the report and the comparison", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const base = ["-m", "baseline/heuristic", "--dataset", MINI_DATASET, "-r", "3"];
    const run = await runEvalCli([...base, "--run-id", "k3", "--json"], { cwd });
    expect(run.exitCode).toBe(0);
    const summary = JSON.parse(run.stdout);
    // The heuristic answers the same every time: every rollout of an example agrees.
    expect(summary.rollout_stats).toMatchObject({
      k: 3,
      n_examples: 30,
      label_agreement: 1,
      mean_reward_std: 0,
    });
    expect(Object.keys(summary.rollout_stats.pass_at_k)).toEqual(["1", "2", "3"]);
    expect(summary.rollout_stats.pass_at_k["1"]).toBeCloseTo(summary.rollout_stats.pass_at_k["3"], 12);
    expect(summary.rollout_stats.majority_vote_accuracy).toBeCloseTo(
      summary.rollout_stats.pass_at_k["1"],
      12,
    );
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic");
    const report = readFileSync(join(dir, "k3", "report.md"), "utf8");
    expect(report).toMatch(/## Rollouts per Example \(k = 3\)/);
    expect(report).toMatch(/\| Examples whose labels all agree \| 1\.000 \|/);
    expect(readFileSync(join(dir, "k3", "report.html"), "utf8")).toMatch(/Rollouts per example \(k = 3\)/);

    const single = await runEvalCli(
      ["-m", "baseline/heuristic", "--dataset", MINI_DATASET, "--run-id", "k1", "--json"],
      {
        cwd,
      },
    );
    expect(JSON.parse(single.stdout).rollout_stats).toBeUndefined();
    const out = join(cwd, "comparison");
    const compared = await runEvalCli(
      ["report", join(dir, "k3"), join(dir, "k1"), "--out", out, "--resamples", "20"],
      {
        cwd,
      },
    );
    expect(compared.exitCode).toBe(0);
    const scoreboard = readFileSync(
      join(out, readdirSync(out).find((name) => name.endsWith(".md"))!),
      "utf8",
    );
    expect(scoreboard).toMatch(/## Cost and rollouts per example/);
    expect(scoreboard).toMatch(/\| baseline\/heuristic \| k1 \| \$0\.0000 \| 0 \| n\/a \| n\/a \|/);
  });
});
