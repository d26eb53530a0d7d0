import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJsonl, runEvalCli } from "./eval-harness.js";

/** A split file grouped by label, as build-data wrote them: 20 Malicious rows, then 10 Benign. */
function groupedDataset(cwd: string): string {
  const row = (index: number, answer: string) =>
    JSON.stringify({
      question: `Log Entry: id.orig_h=10.0.0.${index}, id.resp_p=${1000 + index}, proto=tcp`,
      answer,
      meta: { source: "test", split: "test" },
    });
  const lines = [
    ...Array.from({ length: 20 }, (_, index) => row(index, "Malicious")),
    ...Array.from({ length: 10 }, (_, index) => row(20 + index, "Benign")),
  ];
  const path = join(cwd, "grouped.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

async function evaluate(cwd: string, runId: string, extra: string[]) {
  const dataset = groupedDataset(cwd);
  const run = await runEvalCli(["--dataset", dataset, "--run-id", runId, ...extra], { cwd });
  expect(run.exitCode, run.stderr).toBe(0);
  const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic", runId);
  const answers = readJsonl(join(dir, "results.jsonl")).map((line) => line.answer);
  const metadata = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"));
  return { answers, metadata };
}

describe("pnpm eval -n N", () => {
  it("draws a label-stratified sample with the default seed 0, recorded in metadata.json", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-n-"));
    const { answers, metadata } = await evaluate(cwd, "n9", ["-n", "9"]);
    expect(answers.filter((answer) => answer === "Malicious")).toHaveLength(6);
    expect(answers.filter((answer) => answer === "Benign")).toHaveLength(3);
    expect(metadata.seed).toBe(0);
    expect(metadata.num_examples).toBe(9);
  });

  it("uses --seed for the sample, and records null when the file order was kept", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-n-"));
    const seeded = await evaluate(cwd, "seeded", ["-n", "9", "--seed", "5"]);
    expect(seeded.metadata.seed).toBe(5);
    expect(seeded.answers.filter((answer) => answer === "Benign")).toHaveLength(3);
    const all = await evaluate(cwd, "all", []);
    expect(all.metadata.seed).toBeNull();
    expect(all.answers).toHaveLength(30);
  });
});
