import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MINI_DATASET, readJsonl, runEvalCli, scriptedAnswer } from "./eval-harness.js";

let server: OpenAIServer;
beforeEach(async () => {
  server = await startOpenAIServer({
    handle: (request) => ({
      type: "reply",
      content: scriptedAnswer(String(request.messages.at(-1)?.content)),
    }),
  });
});
afterEach(async () => {
  await server.close();
});

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
/** The loopback server reports 100 input and 20 output tokens per reply. */
const perRollout = (input: number, output: number) => (100 * input + 20 * output) / 1e6;

describe("cost", () => {
  it("--max-cost stops cleanly before the limit, records why, and --resume finishes the run", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/budget");
    const args = [
      "-m",
      "gpt-4.1-mini",
      "-b",
      server.baseURL,
      "--dataset",
      MINI_DATASET,
      "-c",
      "1",
      "-t",
      "20",
    ];
    const limited = await runEvalCli([...args, "--run-id", "budget", "--max-cost", "0.002"], { cwd });
    expect(limited.exitCode).toBe(1);
    expect(limited.stderr).toMatch(/stopped early \(max_cost\).*--resume .*higher --max-cost/);
    const metadata = readJson(join(dir, "metadata.json"));
    expect(metadata.status).toBe("stopped");
    expect(metadata.stop_reason).toMatch(/^max_cost: the next request could pass --max-cost \$0\.0020/);
    expect(metadata.cost.usd).toBeLessThanOrEqual(0.002);
    expect(metadata.cost.max_usd).toBe(0.002);
    const partial = readJsonl(join(dir, "results.jsonl"));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(30);
    expect(partial.every((row) => row.error === null)).toBe(true);
    expect(metadata.cost.usd).toBeCloseTo(partial.length * perRollout(0.4, 1.6), 12);

    const resumed = await runEvalCli(["--resume", dir], { cwd });
    expect(resumed.exitCode).toBe(0);
    const finished = readJson(join(dir, "metadata.json"));
    expect(finished.status).toBe("complete");
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(30);
    expect(finished.cost.usd).toBeCloseTo(30 * perRollout(0.4, 1.6), 12);
    const summary = readJson(join(dir, "summary.json"));
    expect(summary.api_cost).toMatchObject({ paid_rollouts: 30, cached_rollouts: 0, input_tokens: 3000 });
    expect(summary.api_cost.usd).toBeCloseTo(30 * perRollout(0.4, 1.6), 12);
    expect(resumed.stdout).toMatch(/cost \$0\.0022 /);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/\| Cost \| \$0\.0022 \|/);
  });

  it("--max-cost holds at -c 32 even when every prompt byte is a token (requests in flight reserve their worst case)", async () => {
    await server.close();
    server = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(String(request.messages.at(-1)?.content)),
        usage: { prompt_tokens: Buffer.byteLength(JSON.stringify(request.messages)), completion_tokens: 20 },
        delayMs: 20,
      }),
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const args = [
      "-m",
      "gpt-4.1-mini",
      "-b",
      server.baseURL,
      "--dataset",
      MINI_DATASET,
      "-c",
      "32",
      "-t",
      "20",
    ];
    const full = await runEvalCli([...args, "--run-id", "full", "--json"], { cwd });
    const fullUsd = JSON.parse(full.stdout).api_cost.usd as number;
    const limit = Number((fullUsd * 0.4).toFixed(6));
    const limited = await runEvalCli(
      [...args, "--run-id", "limited", "--max-cost", String(limit), "--no-cache"],
      {
        cwd,
      },
    );
    expect(limited.exitCode).toBe(1);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/limited");
    const metadata = readJson(join(dir, "metadata.json"));
    expect(metadata.stop_reason).toMatch(/^max_cost: /);
    expect(metadata.cost.usd).toBeGreaterThan(0);
    expect(metadata.cost.usd).toBeLessThanOrEqual(limit);
    expect(readJsonl(join(dir, "results.jsonl")).length).toBeLessThan(30);
  });

  it("a cost over replies of unknown usage is n/a, never $0; partly unknown is marked a lower bound", async () => {
    await server.close();
    let nullFor = (_question: string) => true;
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        return {
          type: "completion",
          message: { role: "assistant", content: scriptedAnswer(question) },
          usage: nullFor(question) ? null : { prompt_tokens: 100, completion_tokens: 20 },
        };
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const args = ["-m", "gpt-4.1-mini", "-b", server.baseURL, "--dataset", MINI_DATASET];
    const dir = (runId: string) => join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini", runId);
    const unknown = await runEvalCli([...args, "--run-id", "unknown"], { cwd });
    expect(unknown.exitCode).toBe(0);
    expect(unknown.stdout).toMatch(/, cost n\/a -> /);
    expect(readJson(join(dir("unknown"), "metadata.json")).cost).toMatchObject({
      usd: null,
      unknown_usage_rollouts: 30,
    });
    expect(readJson(join(dir("unknown"), "summary.json")).api_cost.usd).toBeNull();
    expect(readFileSync(join(dir("unknown"), "report.md"), "utf8")).toMatch(/\| Cost \| n\/a \|/);

    let flip = false;
    nullFor = () => (flip = !flip);
    const partly = await runEvalCli([...args, "--run-id", "partly", "-c", "1"], { cwd });
    expect(partly.stdout).toMatch(/, cost \$0\.0011 \+ n\/a \(15 rollouts of unknown usage\) -> /);
    expect(readJson(join(dir("partly"), "summary.json")).api_cost.usd).toBeCloseTo(
      15 * perRollout(0.4, 1.6),
      12,
    );
    expect(readFileSync(join(dir("partly"), "report.md"), "utf8")).toMatch(
      /\| Cost \| \$0\.0011 \+ n\/a \(15 rollouts of unknown usage\) \|/,
    );
  });

  it("a failed reply the provider billed (no content after max_tokens) is in the cost, in every figure", async () => {
    await server.close();
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        return question.includes("orig_p=4000")
          ? {
              type: "completion",
              message: { role: "assistant", content: null },
              finishReason: "length",
              usage: { prompt_tokens: 900, completion_tokens: 256 },
            }
          : { type: "reply", content: scriptedAnswer(question) };
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/billed");
    const run = await runEvalCli(
      ["-m", "gpt-4.1-mini", "-b", server.baseURL, "--dataset", MINI_DATASET, "--run-id", "billed"],
      { cwd, env: {} },
    );
    const rows = readJsonl(join(dir, "results.jsonl"));
    const failed = rows.filter((row) => row.error !== null);
    expect(failed.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/no_content/);
    for (const row of failed) {
      expect(row.token_usage).toBeUndefined();
      expect(row.rollout).toMatchObject({ billed_tokens: { input_tokens: 900, output_tokens: 256 } });
    }
    const paid = rows.length - failed.length;
    const usd = paid * perRollout(0.4, 1.6) + (failed.length * (900 * 0.4 + 256 * 1.6)) / 1e6;
    const summary = readJson(join(dir, "summary.json"));
    expect(summary.api_cost).toMatchObject({ paid_rollouts: paid, billed_failed_rollouts: failed.length });
    expect(summary.api_cost.usd).toBeCloseTo(usd, 12);
    expect(readJson(join(dir, "metadata.json")).cost.usd).toBeCloseTo(usd, 12);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(
      new RegExp(`\\| Failed rollouts billed all the same \\(in the cost\\) \\| ${failed.length} \\|`),
    );
    await runEvalCli(["report", dir], { cwd });
    expect(readJson(join(dir, "summary.json")).api_cost.usd).toBeCloseTo(usd, 12);
  });

  it("an unknown price is n/a, never $0; the flags price it; --max-cost without a price is refused", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const args = ["-m", "local-llm", "-b", server.baseURL, "--dataset", MINI_DATASET];
    const unknown = await runEvalCli([...args, "--run-id", "unknown"], { cwd });
    expect(unknown.exitCode).toBe(0);
    expect(unknown.stdout).toMatch(/, cost n\/a -> /);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--local-llm/unknown");
    expect(readJson(join(dir, "metadata.json")).cost).toMatchObject({
      usd: null,
      price: { source: "unknown" },
    });
    expect(readJson(join(dir, "summary.json")).api_cost.usd).toBeNull();
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/\| Cost \| n\/a \|/);

    const priced = await runEvalCli(
      [...args, "--run-id", "priced", "--price-input", "1", "--price-output", "2", "--json"],
      { cwd },
    );
    expect(priced.exitCode).toBe(0);
    expect(JSON.parse(priced.stdout).api_cost.usd).toBeCloseTo(30 * perRollout(1, 2), 12);
    expect(JSON.parse(priced.stdout).api_cost.price).toEqual({
      input_per_mtok: 1,
      output_per_mtok: 2,
      source: "flags",
    });

    const refused = await runEvalCli([...args, "--run-id", "refused", "--max-cost", "1"], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/--max-cost needs a price, and none is known for local-llm/);
  });
});
