import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_DATASET, readJsonl, runEvalCli, scriptedAnswer } from "./eval-harness.js";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const runDir = (cwd: string, runId: string) =>
  join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini", runId);
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
/** What must be identical between a run and its cached re-run: every number and the reply. */
const numbers = (row: Record<string, unknown>) => ({
  example_id: row.example_id,
  index: (row.rollout as { index: number }).index,
  completion: row.completion,
  reward: row.reward,
  metrics: row.metrics,
  parsed: row.parsed,
  token_usage: row.token_usage,
});
const byRollout = (rows: Record<string, unknown>[]) =>
  rows.map(numbers).sort((a, b) => Number(a.example_id) - Number(b.example_id) || a.index - b.index);

describe("response cache", () => {
  it("a re-run against a server that is down completes from the cache with identical numbers", async () => {
    server = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(String(request.messages.at(-1)?.content)),
      }),
    });
    const baseURL = server.baseURL;
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const common = [
      "-m",
      "gpt-4.1-mini",
      "-b",
      baseURL,
      "--dataset",
      MINI_DATASET,
      "-r",
      "2",
      "-T",
      "0",
      "-c",
      "4",
    ];
    const first = await runEvalCli([...common, "--run-id", "live"], { cwd });
    expect(first.exitCode).toBe(0);
    expect(server.count).toBe(60);
    await server.close();
    server = undefined;

    const again = await runEvalCli([...common, "--run-id", "cached", "--request-retries", "0"], { cwd });
    expect(again.stderr).not.toMatch(/error:|failed/);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/cost \$0\.0000 \(60 cached\)/);
    const live = readJsonl(join(runDir(cwd, "live"), "results.jsonl"));
    const cached = readJsonl(join(runDir(cwd, "cached"), "results.jsonl"));
    expect(byRollout(cached)).toEqual(byRollout(live));
    expect(live.every((row) => (row.rollout as { cached: boolean }).cached === false)).toBe(true);
    expect(cached.every((row) => (row.rollout as { cached: boolean }).cached === true)).toBe(true);
    expect(Object.keys(cached[0]!).filter((key) => key.includes("cache"))).toEqual([]);

    const liveMeta = readJson(join(runDir(cwd, "live"), "metadata.json"));
    const cachedMeta = readJson(join(runDir(cwd, "cached"), "metadata.json"));
    expect(liveMeta.cache).toEqual({ enabled: true, hits: 0 });
    expect(cachedMeta.cache).toEqual({ enabled: true, hits: 60 });
    expect(cachedMeta.avg_reward).toBe(liveMeta.avg_reward);
    // 60 rollouts x (100 input, 20 output tokens) at gpt-4.1-mini's list price ($0.40 / $1.60 per million).
    expect(liveMeta.cost.usd).toBeCloseTo((60 * (100 * 0.4 + 20 * 1.6)) / 1e6, 12);
    expect(cachedMeta.cost.usd).toBe(0);
    const summary = readJson(join(runDir(cwd, "cached"), "summary.json"));
    expect(summary.api_cost).toMatchObject({ usd: 0, cached_rollouts: 60, paid_rollouts: 0 });
    expect(summary.rewards).toEqual(readJson(join(runDir(cwd, "live"), "summary.json")).rewards);
    expect(readFileSync(join(runDir(cwd, "cached"), "report.md"), "utf8")).toMatch(
      /\| Cached rollouts \(cost 0\) \| 60 \|/,
    );

    const env = { SV_CACHE_DIR: join(cwd, ".sv-cache") };
    const stats = await runEvalCli(["cache", "stats", "--json"], { cwd, env });
    expect(stats.exitCode).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({
      entries: 60,
      byModel: [{ modelId: "gpt-4.1-mini", endpoint: baseURL.replace(/\/$/, ""), entries: 60 }],
    });
    const cleared = await runEvalCli(["cache", "clear"], { cwd, env });
    expect(cleared.stdout).toMatch(/removed 60 cached replies/);
    const empty = await runEvalCli(["cache", "stats"], { cwd, env });
    expect(empty.stdout).toMatch(/: 0 cached replies/);
    const down = await runEvalCli([...common, "--run-id", "down", "--request-retries", "0"], { cwd });
    expect(down.exitCode).toBe(1);
  });

  it("never caches a failed request; is off by default unless the temperature is 0; --no-cache and --cache", async () => {
    let failing = true;
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        if (failing && question.includes("orig_p=40003,")) return { type: "status", status: 400 };
        return { type: "reply", content: scriptedAnswer(question) };
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const common = ["-m", "gpt-4.1-mini", "-b", server.baseURL, "--dataset", MINI_DATASET, "--split", "all"];
    const run = (...extra: string[]) =>
      runEvalCli([...common, "--max-consecutive-errors", "0", ...extra], { cwd });
    expect((await run("-T", "0", "--run-id", "a")).exitCode).toBe(0);
    expect(server.count).toBe(40);
    failing = false;
    expect((await run("-T", "0", "--run-id", "b")).exitCode).toBe(0);
    expect(server.count).toBe(41); // only the failed request is asked again
    expect((await run("-T", "0", "--no-cache", "--run-id", "c")).exitCode).toBe(0);
    expect(server.count).toBe(81);
    expect(readJson(join(runDir(cwd, "c"), "metadata.json")).cache).toEqual({ enabled: false, hits: 0 });
    expect((await run("-T", "0.7", "--run-id", "d")).exitCode).toBe(0);
    expect(server.count).toBe(121);
    expect((await run("-T", "0.7", "--cache", "--run-id", "e")).exitCode).toBe(0);
    expect(server.count).toBe(161); // a new key (another temperature), now stored
    expect((await run("-T", "0.7", "--cache", "--run-id", "f")).exitCode).toBe(0);
    expect(server.count).toBe(161);
  });
});
