import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFlowIndexWriter, type Flow, flowHash, renderQuestion, toIndexedFlow } from "@sv/dataset";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { readJsonl, runEvalCli } from "./eval-harness.js";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FILE = "CTU-7/conn.log.labeled";
const flow = (ts: number, respP: number): Flow => ({
  ts,
  "id.orig_h": "10.1.1.1",
  "id.orig_p": 1000 + ts,
  "id.resp_h": "9.9.9.9",
  "id.resp_p": respP,
  proto: "tcp",
});

/** Two examples (lines 3 and 4) of one capture, with an index of its five flows beside the dataset. */
function writeDatasetWithIndex(dir: string): string {
  const flows = [flow(10, 23), flow(20, 23), flow(30, 80), flow(40, 23), flow(50, 23)];
  const path = join(dir, "ctu-mini-v1.jsonl");
  const rows = [3, 4].map((line) => ({
    question: renderQuestion(flows[line - 1]!),
    answer: "Malicious",
    meta: {
      source: "iot23",
      scenario: "CTU-7",
      hash: flowHash(flows[line - 1]!),
      split: "test",
      file: FILE,
      line,
    },
  }));
  writeFileSync(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
  const writer = createFlowIndexWriter({ path: join(dir, "ctu-mini-v1.flows.sqlite") });
  flows.forEach((entry, index) => {
    writer.add(toIndexedFlow({ capture: "CTU-7", flow: entry, file: FILE, line: index + 1 })!);
  });
  writer.close();
  return path;
}

describe("pnpm eval --env-mode multi-turn", () => {
  it("records the conversation as the completion, the tool use under `tools`, and shows it in the report", async () => {
    server = await startOpenAIServer({
      handle: (request) =>
        request.messages.at(-1)!.role === "user"
          ? {
              type: "tool-calls",
              calls: [{ id: "t1", name: "recent_flows_of_host", arguments: { host: "10.1.1.1" } }],
            }
          : { type: "reply", content: '{"label": "Malicious", "confidence": 0.8}' },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-multi-"));
    const dataset = writeDatasetWithIndex(cwd);
    const run = await runEvalCli(
      [
        "-m",
        "loopback",
        "-b",
        server.baseURL,
        "--dataset",
        dataset,
        "--env-mode",
        "multi-turn",
        "--max-turns",
        "3",
        "-a",
        '{"costs": {"toolCall": -0.05}}',
        "--run-id",
        "mt",
      ],
      { cwd },
    );
    expect(run.stderr).toMatch(/loopback 2\/2 .* errors 0/);
    expect(run.exitCode).toBe(0);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--loopback/mt");
    const rows = readJsonl(join(dir, "results.jsonl")).sort(
      (a, b) => Number(a.example_id) - Number(b.example_id),
    );
    expect(rows).toHaveLength(2);
    const [first] = rows as {
      completion: Record<string, unknown>[];
      tools: Record<string, unknown>;
      reward: number;
    }[];
    expect(first!.completion.map((message) => message.role)).toEqual(["assistant", "tool", "assistant"]);
    expect(first!.completion[1]!.content).toMatch(
      /^2 earlier flow\(s\) from host 10\.1\.1\.1, newest first:\nts=20\.0+,/,
    );
    expect(first!.tools).toMatchObject({ turns: 2, maxTurns: 3, outcome: "answered", errors: 0 });
    expect(first!.tools.cost).toBeCloseTo(-0.05);
    expect(first!.reward).toBeCloseTo(1 + 0.1 + 0.2 * 0.8 + 0.5 - 0.05);
    // Top-level numbers stay vf-eval's: the tool figures are nested.
    expect(
      Object.keys(first!)
        .filter((key) => typeof (first as Record<string, unknown>)[key] === "number")
        .sort(),
    ).toEqual(
      [
        "reward_accuracy",
        "reward_asymmetric_cost",
        "reward_calibration",
        "example_id",
        "format_reward",
        "reward",
      ].sort(),
    );
    const metadata = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"));
    expect(JSON.stringify(metadata)).toMatch(/multi-turn/);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("recent_flows_of_host");
    expect(html).toContain("[final answer]");
  });

  it("a partly cached conversation pays only for its asked turns; a re-run with the server down replays it", async () => {
    let answering = false;
    server = await startOpenAIServer({
      handle: (request) =>
        request.messages.at(-1)!.role === "user"
          ? {
              type: "tool-calls",
              calls: [{ id: "t1", name: "recent_flows_of_host", arguments: { host: "10.1.1.1" } }],
              usage: { prompt_tokens: 300, completion_tokens: 10 },
            }
          : answering
            ? {
                type: "reply",
                content: '{"label": "Malicious", "confidence": 0.8}',
                usage: { prompt_tokens: 500, completion_tokens: 30 },
              }
            : { type: "status", status: 400 },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-multi-"));
    const dataset = writeDatasetWithIndex(cwd);
    const baseURL = server.baseURL;
    const args = (runId: string) => [
      ...["-m", "gpt-4.1-mini", "-b", baseURL, "--dataset", dataset, "--env-mode", "multi-turn"],
      ...["-T", "0", "--max-consecutive-errors", "0", "--request-retries", "0", "--run-id", runId],
    ];
    const dir = (runId: string) => join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini", runId);
    const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
    expect((await runEvalCli(args("failed"), { cwd })).exitCode).toBe(1);
    // The first turns were billed though the conversations failed: they are in the cost.
    const failedCost = readJson(join(dir("failed"), "summary.json")).api_cost;
    expect(failedCost).toMatchObject({
      paid_rollouts: 0,
      billed_failed_rollouts: 2,
      input_tokens: 600,
      output_tokens: 20,
    });
    expect(failedCost.usd).toBeCloseTo((2 * (300 * 0.4 + 10 * 1.6)) / 1e6, 12);
    answering = true;
    const partly = await runEvalCli([...args("partly"), "--json"], { cwd });
    expect(partly.exitCode).toBe(0);
    const rows = readJsonl(join(dir("partly"), "results.jsonl"));
    for (const row of rows) {
      expect(row.rollout).toMatchObject({ cached: false });
      expect(row.token_usage).toEqual({ input_tokens: 800, output_tokens: 40 });
      expect(row.tools).toMatchObject({
        cachedTurns: 1,
        cachedTokens: { input_tokens: 300, output_tokens: 10 },
      });
    }
    // Two rollouts, each paying for its second turn only, at gpt-4.1-mini's $0.40 / $1.60 per million.
    const paid = (2 * (500 * 0.4 + 30 * 1.6)) / 1e6;
    const summary = JSON.parse(partly.stdout);
    expect(summary.api_cost).toMatchObject({
      paid_rollouts: 2,
      cached_rollouts: 0,
      partly_cached_rollouts: 2,
      input_tokens: 1000,
      output_tokens: 60,
    });
    expect(summary.api_cost.usd).toBeCloseTo(paid, 12);
    expect(readJson(join(dir("partly"), "metadata.json")).cost.usd).toBeCloseTo(paid, 12);
    expect(readFileSync(join(dir("partly"), "report.md"), "utf8")).toMatch(
      /\| Partly cached rollouts \(cached turns cost 0\) \| 2 \|/,
    );
    const report = await runEvalCli(["report", dir("partly")], { cwd });
    expect(report.exitCode).toBe(0);
    expect(readJson(join(dir("partly"), "summary.json")).api_cost.usd).toBeCloseTo(paid, 12);

    await server!.close();
    server = undefined;
    const down = await runEvalCli(args("down"), { cwd });
    expect(down.exitCode).toBe(0);
    expect(down.stdout).toMatch(/cost \$0\.0000 \(2 cached\)/);
    const replayed = readJsonl(join(dir("down"), "results.jsonl"));
    const numbers = (row: Record<string, unknown>) => [
      row.example_id,
      row.reward,
      row.metrics,
      row.token_usage,
      row.completion,
    ];
    const byId = (list: Record<string, unknown>[]) =>
      [...list].sort((a, b) => Number(a.example_id) - Number(b.example_id)).map(numbers);
    expect(byId(replayed)).toEqual(byId(rows));
    expect(replayed.every((row) => (row.rollout as { cached: boolean }).cached === true)).toBe(true);
  });

  it("fails with one line when the dataset has no index beside it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-multi-"));
    const path = join(cwd, "plain-v1.jsonl");
    writeFileSync(path, `${JSON.stringify({ question: "q", answer: "Benign", meta: { source: "t" } })}\n`);
    const run = await runEvalCli(["--dataset", path, "--split", "all", "--env-mode", "multi-turn"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((line) => /flow index/.test(line)),
    ).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
