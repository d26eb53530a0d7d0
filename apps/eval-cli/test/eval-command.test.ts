import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, type ServerAction, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { scoreLine } from "../src/commands/score/score-lines.js";
import { toMetricColumns } from "../src/run-output/metric-columns.js";
import { MINI_DATASET, readJsonl, rubric, runEvalCli, SENTINEL_KEY, scriptedAnswer } from "./eval-harness.js";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("pnpm eval (default command)", () => {
  it("with no key and no base URL evaluates baseline/heuristic offline and exits 0", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const run = await runEvalCli(["--run-id", "offline"], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/evaluates the built-in baseline\/heuristic/);
    expect(run.stderr).toMatch(/pnpm eval -m gpt-4.1-mini/);
    expect(run.stderr).toMatch(/no HF_TOKEN; using the bundled demo set/);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/offline");
    for (const name of ["results.jsonl", "metadata.json", "summary.json", "report.md"]) {
      expect(existsSync(join(dir, name))).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(Object.keys(summary)).toEqual([
      "environment",
      "version",
      "run_id",
      "timestamp",
      "model",
      "dataset",
      "n_examples",
      "n_distinct_examples",
      "n_rollouts",
      "n_errors",
      "metrics",
      "rewards",
      "metadata",
      "api_cost",
    ]);
    expect(Object.keys(summary.metrics)).toEqual([
      "detection",
      "calibration",
      "cost",
      "abstention",
      "confusion_matrix",
      "undefined",
    ]);
    expect(summary).toMatchObject({
      environment: "sv-env-network-logs",
      model: "baseline/heuristic",
      n_examples: 44,
    });
    const report = readFileSync(join(dir, "report.md"), "utf8");
    for (const heading of [
      "Run Information",
      "Detection Performance",
      "Calibration",
      "Cost Analysis",
      "Abstention",
      "Confusion Matrix",
    ]) {
      expect(report).toContain(`## ${heading}`);
    }
    expect(existsSync(join(dir, "report.html"))).toBe(true);
  });

  it("survives injected faults through the real openai SDK; each rollout once, rewards = eval score", async () => {
    const attempts = new Map<string, number>();
    const faults: ServerAction[][] = [
      [{ type: "status", status: 429, headers: { "retry-after": "0.01" } }],
      [{ type: "status", status: 500 }],
      [{ type: "reset" }],
      [], // orig_p=40003 is in split train
      [{ type: "non-json" }],
      [{ type: "hang" }],
    ];
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        const attempt = attempts.get(question) ?? 0;
        attempts.set(question, attempt + 1);
        const index = Number(/orig_p=4000(\d)\b/.exec(question)?.[1] ?? -1);
        const fault = index >= 0 ? faults[index]?.[attempt] : undefined;
        return fault ?? { type: "reply", content: scriptedAnswer(question) };
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const run = await runEvalCli(
      [
        "-m",
        "loopback/model-x",
        "-b",
        server.baseURL,
        "-k",
        "SV_TEST_KEY",
        "--dataset",
        MINI_DATASET,
        "-c",
        "8",
        "-r",
        "2",
        "--request-timeout", // long enough for any reply on a busy machine; only the hang reaches it
        "2",
        "--run-id",
        "faults",
        "-t",
        "64",
        "-T",
        "0",
      ],
      { cwd, env: { SV_TEST_KEY: SENTINEL_KEY } },
    );
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--loopback--model-x/faults");
    const results = readJsonl(join(dir, "results.jsonl"));
    expect(results).toHaveLength(60);
    const rolloutOf = (result: Record<string, unknown>) =>
      result.rollout as { index: number; attempts: number };
    const keys = new Set(results.map((result) => `${result.example_id}:${rolloutOf(result).index}`));
    expect(keys.size).toBe(60);
    for (const result of results) {
      const scored = scoreLine(
        rubric,
        JSON.stringify({ completion: result.completion, answer: result.answer }),
        1,
      );
      expect(result.metrics).toEqual(toMetricColumns(scored.rewards));
      expect(result.reward).toBe(scored.reward);
      expect(result.error).toBeNull();
    }
    expect(results.filter((result) => rolloutOf(result).attempts > 1).length).toBeGreaterThanOrEqual(5);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SENTINEL_KEY}`);
    expect(server.requests[0]?.body).toMatchObject({ max_tokens: 64, temperature: 0 });
    for (const file of allFiles(cwd)) expect(readFileSync(file, "utf8")).not.toContain(SENTINEL_KEY);
    expect(run.stdout + run.stderr).not.toContain(SENTINEL_KEY);
    const metadata = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"));
    expect(metadata).toMatchObject({ api_key_var: "SV_TEST_KEY", num_examples: 30, rollouts_per_example: 2 });
    expect(metadata.dataset_info).toMatchObject({ split: "test", source: "local" });
    // the run card shows the retries (from attempts per row) and the 429 pause (from metadata.json)
    // (how many 429s pause the pool depends on timing: on a busy machine the 429 may come after the timeout)
    expect(Number.isInteger(metadata.rate_limit_pauses)).toBe(true);
    const retried = results.reduce((total, result) => total + rolloutOf(result).attempts - 1, 0);
    const report = readFileSync(join(dir, "report.md"), "utf8");
    expect(report).toContain(`- **Retries:** ${retried} retried requests over `);
    expect(report).toContain(`- **Rate-limit pauses:** ${metadata.rate_limit_pauses}`);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain(
      `data-field="Rate-limit pauses">${metadata.rate_limit_pauses}<`,
    );
  });

  it("a killed-then-resumed run gives the same summary as an uninterrupted one", async () => {
    let failExampleThree = true;
    let served = 0;
    const controller = new AbortController();
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        served++;
        if (served === 25) controller.abort();
        if (failExampleThree && question.includes("orig_p=40003,")) return { type: "status", status: 400 };
        return { type: "reply", content: scriptedAnswer(question) };
      },
    });
    const common = ["-m", "m1", "-b", server.baseURL, "--dataset", MINI_DATASET, "--split", "all", "-c", "4"];
    const whole = mkdtempSync(join(tmpdir(), "sv-eval-"));
    failExampleThree = false;
    served = -1000;
    const first = await runEvalCli([...common, "--run-id", "same", "--json"], { cwd: whole });
    expect(first.exitCode).toBe(0);
    const wholeDir = join(whole, "outputs/evals/sv-env-network-logs--m1/same");
    const wholeSummary = readFileSync(join(wholeDir, "summary.json"), "utf8");
    expect(JSON.parse(first.stdout)).toEqual(JSON.parse(wholeSummary));

    failExampleThree = true;
    served = 0;
    const parts = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const interrupted = await runEvalCli([...common, "--run-id", "same"], {
      cwd: parts,
      signal: controller.signal,
    });
    expect(interrupted.exitCode).toBe(130);
    expect(interrupted.stderr).toMatch(/stopped early \(aborted\).*--resume/);
    const partsDir = join(parts, "outputs/evals/sv-env-network-logs--m1/same");
    const partial = readJsonl(join(partsDir, "results.jsonl"));
    expect(partial.length).toBeLessThan(40);
    expect(partial.some((result) => result.error !== null)).toBe(true);
    writeFileSync(join(partsDir, "results.jsonl"), '{"example_id": 39, "rollout_ind', { flag: "a" });

    failExampleThree = false;
    // --resume runs what is missing and keeps errored rollouts (as vf-eval); --retry-errors re-runs them.
    const resumed = await runEvalCli(["--resume", partsDir], { cwd: parts });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stderr).toMatch(/1 unreadable line\(s\) dropped \(a torn last line trimmed\)/);
    expect(resumed.stderr).toMatch(/re-run only those with: pnpm eval --retry-errors/);
    expect(readJsonl(join(partsDir, "results.jsonl")).filter((result) => result.error !== null)).toHaveLength(
      1,
    );
    const retried = await runEvalCli(["--retry-errors", partsDir], { cwd: parts });
    expect(retried.exitCode, retried.stderr).toBe(0);
    expect(retried.stderr).toMatch(/retrying 1 errored rollout/);
    const results = readJsonl(join(partsDir, "results.jsonl"));
    expect(results).toHaveLength(40);
    expect(new Set(results.map((result) => result.example_id)).size).toBe(40);
    expect(results.every((result) => result.error === null)).toBe(true);
    expect(readFileSync(join(partsDir, "summary.json"), "utf8")).toBe(wholeSummary);
    expect(JSON.parse(readFileSync(join(partsDir, "metadata.json"), "utf8")).status).toBe("complete");
  });

  it("stops early after --max-consecutive-errors, writes what is done, and says why", async () => {
    server = await startOpenAIServer({ handle: () => ({ type: "status", status: 401, message: "bad key" }) });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const run = await runEvalCli(
      [
        "-m",
        "m",
        "-b",
        server.baseURL,
        "--dataset",
        MINI_DATASET,
        "-c",
        "1",
        "--max-consecutive-errors",
        "2",
        "--run-id",
        "x",
      ],
      { cwd },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/stopped early \(max_consecutive_errors\): 2 rollouts in a row failed/);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--m/x");
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(2);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary).toMatchObject({ n_rollouts: 2, n_errors: 2 });
    expect(JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8")).status).toBe("stopped");
  });

  it("reads the key from .env, evaluates several models, and never prints the key", async () => {
    server = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(String(request.messages.at(-1)?.content)),
      }),
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    writeFileSync(join(cwd, ".env"), `OPENAI_API_KEY=${SENTINEL_KEY}\n`);
    const run = await runEvalCli(
      ["-m", "a,b/c", "-b", server.baseURL, "--dataset", MINI_DATASET, "-n", "5", "-v"],
      {
        cwd,
        createRunId: () => "fixed",
      },
    );
    expect(run.exitCode).toBe(0);
    expect(server.requests).toHaveLength(10);
    expect(
      server.requests.every((request) => request.headers.authorization === `Bearer ${SENTINEL_KEY}`),
    ).toBe(true);
    expect(existsSync(join(cwd, "outputs/evals/sv-env-network-logs--a/fixed/summary.json"))).toBe(true);
    expect(existsSync(join(cwd, "outputs/evals/sv-env-network-logs--b--c/fixed/summary.json"))).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(SENTINEL_KEY);
  });

  it("rejects unknown environment options and bad flags with exit code 2", async () => {
    const unknown = await runEvalCli(["-a", '{"reward_source": "x"}', "--no-save-results"]);
    expect(unknown.exitCode).toBe(2);
    const badJson = await runEvalCli(["-S", "{nope", "--no-save-results"]);
    expect(badJson.exitCode).toBe(2);
    const conflict = await runEvalCli(["-a", '{"split": "train"}', "--split", "test", "--no-save-results"]);
    expect(conflict.exitCode).toBe(2);
    const noKey = await runEvalCli(["-m", "gpt-4.1-mini", "--no-save-results"]);
    expect(noKey.exitCode).toBe(2);
  });
});
