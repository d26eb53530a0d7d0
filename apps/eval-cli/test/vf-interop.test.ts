import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { Ajv } from "ajv";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/cli.js";
import { MINI_DATASET, readJsonl, runEvalCli, scriptedAnswer } from "./eval-harness.js";

const SCHEMA = resolve(
  fileURLToPath(import.meta.url),
  "../../../../fixtures/schemas/sv-bench-summary-e1.schema.json",
);
const validateSummary = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
const METRIC_COLUMNS = ["format_reward", "reward_accuracy", "reward_asymmetric_cost", "reward_calibration"];

// vf-tui (verifiers 0.1.14) shows as metrics the `metrics` entries and every top-level number it does not know.
const VF_STANDARD_FIELDS = new Set([
  "example_id",
  "reward",
  "timing",
  "token_usage",
  "metrics",
  "error",
  "info",
]);
function vfTuiMetricNames(rows: Record<string, unknown>[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys((row.metrics as object) ?? {})) names.add(key);
    for (const [key, value] of Object.entries(row)) {
      if (!VF_STANDARD_FIELDS.has(key) && typeof value === "number") names.add(key);
    }
  }
  return [...names].sort();
}

// The accuracy of the original's generate_e1_eval_report.py: replies that are a JSON object (raw or in
// a ```json fence) count, Abstain is left out, accuracy = (tp + tn) / the rest.
function originalReportAccuracy(rows: Record<string, unknown>[]): number {
  let classified = 0;
  let correct = 0;
  for (const row of rows) {
    const text = row.completion as string;
    const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text)?.[1];
    let label: string | undefined;
    for (const candidate of [text, fenced]) {
      if (candidate === undefined || label !== undefined) continue;
      try {
        label = String(JSON.parse(candidate).label ?? "").toLowerCase();
      } catch {
        // not JSON: the original skips the row
      }
    }
    if (label === undefined || label === "abstain") continue;
    classified++;
    if (label === (row.answer as string).toLowerCase()) correct++;
  }
  return correct / classified;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("runs that vf-eval's readers and the original's scripts read with the same numbers", () => {
  it("`pnpm eval sv-env-network-logs ...`: vf-eval's row and metadata layout, the original's summary schema", async () => {
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        if (question.includes("orig_p=40003,") || question.includes("orig_p=40011,")) {
          return { type: "status", status: 400, message: "rejected" };
        }
        return {
          type: "reply",
          content: scriptedAnswer(question),
          usage: { prompt_tokens: 50 + (question.length % 7), completion_tokens: 9 },
        };
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-vf-"));
    const args = [
      "-m",
      "org/llama3.1:8b",
      "-b",
      server.baseURL,
      "--dataset",
      MINI_DATASET,
      "-r",
      "2",
      "--max-consecutive-errors",
      "0",
    ];
    const run = await runEvalCli(
      ["sv-env-network-logs", ...args, "-a", '{"split": "all"}', "--seed", "3", "--run-id", "vf"],
      { cwd, env: { OPENAI_API_KEY: "sk-test" } },
    );
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.exitCode).toBe(0);
    // vf-eval changes only "/" in the folder name
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--org--llama3.1:8b/vf");
    const rows = readJsonl(join(dir, "results.jsonl"));
    const metadata = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"));
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(rows).toHaveLength(80);

    expect(vfTuiMetricNames(rows)).toEqual(METRIC_COLUMNS);
    const failed = rows.filter((row) => row.error !== null);
    expect(failed).toHaveLength(4);
    for (const row of failed) {
      expect(Object.keys(row.error as object).sort()).toEqual([
        "error",
        "error_chain_repr",
        "error_chain_str",
        "message",
      ]);
      expect(row).toMatchObject({ reward: 0, reward_accuracy: 0, is_completed: false });
    }

    expect(metadata.env_args).toEqual({ split: "all" });
    expect(metadata).toMatchObject({ dataset: "e1-mini", seed: 3, shuffle: true, shuffle_seed: 3 });
    expect(metadata.avg_reward).toBeCloseTo(mean(rows.map((row) => row.reward as number)), 12);
    for (const name of METRIC_COLUMNS) {
      const values = rows.map((row) => (row.metrics as Record<string, number>)[name]!);
      expect(metadata.avg_metrics[name]).toBeCloseTo(mean(values), 12);
    }
    expect(metadata.avg_error).toBe(4 / 80);
    const usage = rows.flatMap((row) =>
      row.token_usage ? [row.token_usage as { input_tokens: number }] : [],
    );
    expect(usage).toHaveLength(76);
    expect(metadata.usage.input_tokens).toBeCloseTo(mean(usage.map((tokens) => tokens.input_tokens)), 12);
    expect(metadata.usage.output_tokens).toBe(9);
    expect(metadata.usage_total.output_tokens).toBe(76 * 9);
    // our own figure over the scored rollouts stays in summary.json
    expect(summary.rewards.mean_reward).toBeCloseTo((metadata.avg_reward * 80) / 76, 12);

    expect(validateSummary(summary), JSON.stringify(validateSummary.errors)).toBe(true);
    expect(summary.metadata.seed).toBe(3);
    expect(summary.metrics.detection.accuracy).toBeCloseTo(originalReportAccuracy(rows), 12);
  });

  it("a run without a seed leaves the seed out of summary.json rather than writing null", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-vf-"));
    const run = await runEvalCli(["sv-env-network-logs", "--dataset", MINI_DATASET, "--run-id", "s"], {
      cwd,
    });
    expect(run.exitCode).toBe(0);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/s");
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.metadata).not.toHaveProperty("seed");
    expect(validateSummary(summary), JSON.stringify(validateSummary.errors)).toBe(true);
    const metadata = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"));
    expect(metadata).toMatchObject({ env_args: {}, seed: null, shuffle: false, base_url: null });
    expect(JSON.stringify(metadata.env_args)).not.toContain(cwd);
  });

  it("env_args keeps what -a gave but never a secret in it (hub token, URL user info)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-vf-"));
    const token = ["hf", "QaSecretTokenValue1234567890"].join("_");
    const envArgs = {
      split: "all",
      hub: { token, endpoint: "https://bob:hunter2pass@hub.local/mirror", repo: "org/e1" },
    };
    const run = await runEvalCli(
      ["--dataset", MINI_DATASET, "-n", "2", "--run-id", "t", "-a", JSON.stringify(envArgs)],
      { cwd },
    );
    expect(run.exitCode).toBe(0);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/t");
    const text = readFileSync(join(dir, "metadata.json"), "utf8");
    expect(text).not.toContain(token);
    expect(text).not.toContain("hunter2pass");
    expect(JSON.parse(text).env_args).toEqual({
      split: "all",
      hub: { token: "[redacted]", endpoint: "https://[redacted]@hub.local/mirror", repo: "org/e1" },
    });
  });

  it("-o/--output-dir means vf-eval's: runs go in <dir>/evals/", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-vf-"));
    const run = await runEvalCli(["--dataset", MINI_DATASET, "-n", "2", "-o", "mine", "--run-id", "o"], {
      cwd,
    });
    expect(run.exitCode).toBe(0);
    expect(existsSync(join(cwd, "mine/evals/sv-env-network-logs--baseline--heuristic/o/results.jsonl"))).toBe(
      true,
    );
  });

  it("`eval report` on a vf-eval run made with -r 3 says it read every rollout", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "sv-vf-")), "run");
    cpSync(resolve(SCHEMA, "../../report/vf-0.1.12"), dir, { recursive: true });
    const log = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await runCli(["node", "eval", "report", dir, "--resamples", "20"])).toBe(0);
      expect(log.mock.calls.map(([text]) => String(text)).join("")).toMatch(/report\.html: 12 rollouts/);
    } finally {
      log.mockRestore();
    }
  });

  it("refuses another environment id, and vf-eval flags whose meaning differs here, naming the fix", async () => {
    const other = await runEvalCli(["gsm8k", "--no-save-results"]);
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toMatch(
      /unknown environment "gsm8k": this CLI evaluates sv-env-network-logs \(or its judge variant sv-netlogs-judge \/ sv-env-network-logs-judge/,
    );
    const timeout = await runEvalCli(["sv-env-network-logs", "--timeout", "30", "--no-save-results"]);
    expect(timeout.exitCode).toBe(2);
    expect(timeout.stderr).toMatch(/--timeout is vf-eval's .* use --request-timeout/);
    const retries = await runEvalCli(["--max-retries", "2", "--no-save-results"]);
    expect(retries.exitCode).toBe(2);
    expect(retries.stderr).toMatch(/use --request-retries/);
  });
});
