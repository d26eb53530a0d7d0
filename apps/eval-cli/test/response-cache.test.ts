import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { startEvalChild } from "./cli-child.js";
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

  it("is shared by several processes writing at once: no busy error, no lost or torn entry", async () => {
    server = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(`${String(request.messages.at(-1)?.content)} ${String(request.seed)}`),
        delayMs: 2,
      }),
    });
    const baseURL = server.baseURL;
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const cacheDir = join(cwd, ".sv-cache");
    const args = (seed: number, runId: string) => [
      ...["-m", "gpt-4.1-mini", "-b", baseURL, "--dataset", MINI_DATASET, "--split", "all"],
      ...["-r", "2", "-T", "0", "-c", "16", "-S", JSON.stringify({ seed }), "--run-id", runId],
    ];
    // Two processes ask the same requests (seed 1) and race to store them; a third stores others.
    const children = [
      startEvalChild(args(1, "a"), cwd, { SV_CACHE_DIR: cacheDir }),
      startEvalChild(args(1, "b"), cwd, { SV_CACHE_DIR: cacheDir }),
      startEvalChild(args(2, "c"), cwd, { SV_CACHE_DIR: cacheDir }),
    ];
    const exits = await Promise.all(children.map((child) => child.exited));
    for (const exit of exits) {
      expect(exit.stderr).not.toMatch(/SQLITE_BUSY|locked|cannot store/i);
      expect(exit.exitCode).toBe(0);
    }
    const stats = await runEvalCli(["cache", "stats", "--json"], { cwd });
    expect(JSON.parse(stats.stdout).entries).toBe(160);
    await server.close();
    server = undefined;
    for (const [seed, runId] of [
      [1, "a"],
      [2, "c"],
    ] as const) {
      const again = await runEvalCli([...args(seed, `${runId}-again`), "--request-retries", "0"], { cwd });
      expect(again.exitCode).toBe(0);
      const rows = readJsonl(join(runDir(cwd, `${runId}-again`), "results.jsonl"));
      expect(rows.every((row) => (row.rollout as { cached: boolean }).cached)).toBe(true);
      expect(byRollout(rows)).toEqual(byRollout(readJsonl(join(runDir(cwd, runId), "results.jsonl"))));
    }
  }, 120_000);

  it("keeps refusals: a re-run with the server down gives the same refused rows", async () => {
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        return question.includes("orig_p=4000")
          ? {
              type: "completion",
              message: { role: "assistant", content: null, refusal: "I can't help with that." },
            }
          : { type: "reply", content: scriptedAnswer(question) };
      },
    });
    const baseURL = server.baseURL;
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const args = (runId: string) => [
      ...["-m", "gpt-4.1-mini", "-b", baseURL, "--dataset", MINI_DATASET, "-T", "0", "--run-id", runId],
    ];
    expect((await runEvalCli(args("live"), { cwd })).exitCode).toBe(0);
    const live = readJsonl(join(runDir(cwd, "live"), "results.jsonl"));
    expect(live.some((row) => row.refusal === "I can't help with that.")).toBe(true);
    await server.close();
    server = undefined;
    const again = await runEvalCli([...args("again"), "--request-retries", "0"], { cwd });
    expect(again.exitCode).toBe(0);
    const cached = readJsonl(join(runDir(cwd, "again"), "results.jsonl"));
    const refusals = (rows: Record<string, unknown>[]) =>
      rows
        .filter((row) => row.refusal !== undefined)
        .map((row) => [row.example_id, row.refusal, row.reward])
        .sort();
    expect(refusals(cached)).toEqual(refusals(live));
    expect(byRollout(cached)).toEqual(byRollout(live));
  });

  it("`cache stats` and `cache clear` never create a cache, name a damaged file in one line, and say what a model filter missed", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const cacheDir = join(cwd, "fresh-cache");
    const env = { SV_CACHE_DIR: cacheDir };
    const stats = await runEvalCli(["cache", "stats"], { cwd, env });
    expect(stats.exitCode).toBe(0);
    expect(stats.stdout).toMatch(/no response cache yet \(0 cached replies\)/);
    expect(JSON.parse((await runEvalCli(["cache", "stats", "--json"], { cwd, env })).stdout)).toMatchObject({
      entries: 0,
      bytes: 0,
    });
    expect((await runEvalCli(["cache", "clear"], { cwd, env })).stdout).toMatch(/nothing to remove/);
    expect(existsSync(cacheDir)).toBe(false);

    mkdirSync(cacheDir);
    writeFileSync(join(cacheDir, "responses.sqlite"), "this is not a database, it is a note".repeat(200));
    for (const command of [
      ["cache", "stats"],
      ["cache", "clear"],
    ]) {
      const damaged = await runEvalCli(command, { cwd, env });
      expect(damaged.exitCode).toBe(1);
      expect(damaged.stderr.trim().split("\n")).toHaveLength(1);
      expect(damaged.stderr).toMatch(/responses\.sqlite: file is not a database \(move or delete the file/);
    }

    server = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(String(request.messages.at(-1)?.content)),
      }),
    });
    const other = mkdtempSync(join(tmpdir(), "sv-eval-"));
    await runEvalCli(
      ["-m", "gpt-4.1-mini", "-b", server.baseURL, "--dataset", MINI_DATASET, "-T", "0", "-n", "3"],
      {
        cwd: other,
      },
    );
    const missed = await runEvalCli(["cache", "clear", "-m", "gpt-4o"], { cwd: other });
    expect(missed.stdout).toMatch(
      /removed 0 cached replies of gpt-4o from .* \(it holds replies of gpt-4\.1-mini\)/,
    );
    const cleared = await runEvalCli(["cache", "clear", "-m", "gpt-4.1-mini"], { cwd: other });
    expect(cleared.stdout).toMatch(/^removed 3 cached replies of gpt-4\.1-mini from /);
  });

  it("without -b asks the OpenAI endpoint the cache key names, never $OPENAI_BASE_URL behind its back", async () => {
    server = await startOpenAIServer({ handle: () => ({ type: "reply", content: scriptedAnswer("x") }) });
    const previous = process.env.OPENAI_BASE_URL;
    process.env.OPENAI_BASE_URL = server.baseURL;
    const asked: string[] = [];
    try {
      const run = await runEvalCli(["-m", "gpt-4.1-mini", "--dataset", MINI_DATASET, "-n", "1", "-T", "0"], {
        env: { OPENAI_API_KEY: "sk-test" },
        fetch: async (input) => {
          asked.push(String(input instanceof Request ? input.url : input));
          return new Response(JSON.stringify({ error: { message: "no" } }), { status: 401 });
        },
      });
      expect(run.exitCode).toBe(1);
    } finally {
      if (previous === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = previous;
    }
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((url) => url.startsWith("https://api.openai.com/v1/"))).toBe(true);
    expect(server.count).toBe(0);
  });

  it("is off for a reasoning model at -T 0 (no temperature is sent, it samples), unless --cache", async () => {
    server = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(String(request.messages.at(-1)?.content)),
      }),
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const args = ["-m", "gpt-5-mini", "-b", server.baseURL, "--dataset", MINI_DATASET, "-n", "2", "-T", "0"];
    const meta = (runId: string) =>
      readJson(join(cwd, "outputs/evals/sv-env-network-logs--gpt-5-mini", runId, "metadata.json"));
    const sampled = await runEvalCli([...args, "--run-id", "a"], { cwd });
    expect(sampled.exitCode).toBe(0);
    expect(sampled.stderr).toMatch(/note: gpt-5-mini takes no temperature .* --cache caches them anyway/);
    expect(meta("a").cache).toEqual({ enabled: false, hits: 0 });
    expect(server.requests.every((request) => request.body.temperature === undefined)).toBe(true);
    expect((await runEvalCli([...args, "--run-id", "b", "--cache"], { cwd })).exitCode).toBe(0);
    expect(meta("b").cache.enabled).toBe(true);
  });

  it("keys on the endpoint, not on the API key: a new key, or the base URL written with a slash, still hits", async () => {
    server = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(String(request.messages.at(-1)?.content)),
      }),
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const run = (key: string, baseURL: string, runId: string) =>
      runEvalCli(
        [
          "-m",
          "gpt-4.1-mini",
          "-b",
          baseURL,
          "--dataset",
          MINI_DATASET,
          "-n",
          "4",
          "-T",
          "0",
          "--run-id",
          runId,
        ],
        {
          cwd,
          env: { OPENAI_API_KEY: key },
        },
      );
    expect((await run("sk-first-key-0000", server.baseURL, "a")).exitCode).toBe(0);
    expect(server.count).toBe(4);
    expect((await run("sk-other-key-1111", `${server.baseURL}/`, "b")).exitCode).toBe(0);
    expect(server.count).toBe(4);
    expect(readJson(join(runDir(cwd, "b"), "metadata.json")).cache).toEqual({ enabled: true, hits: 4 });
    const other = server.baseURL.replace("/v1", "/v2");
    await run("sk-first-key-0000", other, "c");
    expect(readJson(join(runDir(cwd, "c"), "metadata.json")).cache.hits).toBe(0);
  });
});
