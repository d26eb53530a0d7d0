import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MINI_DATASET, runEvalCli } from "./eval-harness.js";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const folder = () => mkdtempSync(join(tmpdir(), "sv-eval-"));
const baselineRun = (cwd: string, runId: string) =>
  join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic", runId, "metadata.json");

describe("pnpm eval -C eval.toml", () => {
  it("reads the long flags (kebab or snake case) from the file; flags on the command line win", async () => {
    const cwd = folder();
    writeFileSync(
      join(cwd, "eval.toml"),
      [
        'model = "baseline/heuristic"',
        `dataset = ${JSON.stringify(MINI_DATASET)}`,
        "num-examples = 4",
        "rollouts_per_example = 2",
        'run-id = "fromfile"',
        "sampling-args = { temperature = 0.5 }",
        "save-results = true",
      ].join("\n"),
    );
    const run = await runEvalCli(["-C", "eval.toml", "-r", "3"], { cwd });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    const metadata = readJson(baselineRun(cwd, "fromfile"));
    expect(metadata).toMatchObject({
      num_examples: 4,
      rollouts_per_example: 3,
      sampling_args: { temperature: 0.5 },
    });
  });

  it("maps the original's configs/eval/e1*.toml keys where they have a meaning here", async () => {
    const cwd = folder();
    writeFileSync(
      join(cwd, "e1.toml"),
      [
        "[eval]",
        'environment = "intertwine/sv-env-network-logs"',
        `dataset = ${JSON.stringify(MINI_DATASET)}`,
        "num_examples = 5",
        "seed = 42",
        'mode = "local"',
        "[model]",
        'id = "baseline/heuristic"',
        'revision = "default"',
        "[metrics]",
        'include = ["accuracy", "f1", "ece", "abstention_rate"]',
        "[output]",
        'format = "jsonl"',
      ].join("\n"),
    );
    const run = await runEvalCli(["-C", "e1.toml", "--run-id", "mapped"], { cwd });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    const metadata = readJson(baselineRun(cwd, "mapped"));
    expect(metadata).toMatchObject({ num_examples: 5, seed: 42, dataset_info: { source: "local" } });
  });

  it("refuses keys that do not map, and unknown keys, naming every one", async () => {
    const cwd = folder();
    writeFileSync(
      join(cwd, "ood.toml"),
      [
        "bogus = 1",
        "max_tokenz = 5",
        "[eval]",
        'datasets = ["cic-ids-2017-ood-v1.jsonl", "unsw-nb15-ood-v1.jsonl"]',
        "[data]",
        'loader_mode = "public_mini"',
        "[output_schema]",
        'evidence = "list[str]"',
      ].join("\n"),
    );
    const run = await runEvalCli(["-C", "ood.toml"], { cwd });
    expect(run.exitCode).toBe(2);
    const line = run.stderr.trim();
    expect(line.split("\n")).toHaveLength(1);
    for (const part of [
      "ood.toml",
      "bogus: unknown key",
      "max_tokenz: unknown key",
      "[eval].datasets: one run evaluates one dataset",
      '[data].loader_mode: loader mode "public_mini" does not exist here',
      "[output_schema].evidence: the answer format is fixed",
    ]) {
      expect(line).toContain(part);
    }
    const missing = await runEvalCli(["-C", "nope.toml"], { cwd });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/-C nope\.toml: no such file/);
    writeFileSync(join(cwd, "bad.toml"), "model = ");
    const bad = await runEvalCli(["-C", "bad.toml"], { cwd });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^error: -C bad\.toml: /m);
  });
});
