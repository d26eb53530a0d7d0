import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_DATASET, readJsonl, runEvalCli, SENTINEL_KEY, scriptedAnswer } from "./eval-harness.js";

const servers: OpenAIServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const folder = () => mkdtempSync(join(tmpdir(), "sv-eval-judge-spend-"));
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const runDir = (cwd: string, runId: string) =>
  join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini", runId);

/** The model: 100 input and 20 output tokens per reply, at gpt-4.1-mini's $0.40 / $1.60 per million. */
const MODEL_USD = (100 * 0.4 + 20 * 1.6) / 1e6;
/** The judge's reply: 300 input and 2 output tokens. */
const judgeUsd = (input: number, output: number) => (300 * input + 2 * output) / 1e6;

async function servePair(): Promise<{ model: OpenAIServer; judge: OpenAIServer }> {
  const model = await startOpenAIServer({
    handle: (request) => ({
      type: "reply",
      content: scriptedAnswer(String(request.messages.at(-1)?.content)),
      usage: { prompt_tokens: 100, completion_tokens: 20 },
    }),
  });
  const judge = await startOpenAIServer({
    handle: () => ({ type: "reply", content: "yes", usage: { prompt_tokens: 300, completion_tokens: 2 } }),
  });
  servers.push(model, judge);
  return { model, judge };
}

const args = (model: OpenAIServer, judge: OpenAIServer, ...extra: string[]) => [
  "-m",
  "gpt-4.1-mini",
  "-b",
  model.baseURL,
  "--dataset",
  MINI_DATASET,
  "--rubric",
  "judge",
  "--judge-base-url",
  judge.baseURL,
  "-t",
  "20",
  "-c",
  "1",
  ...extra,
];
const env = { OPENAI_API_KEY: SENTINEL_KEY };

describe("--max-cost with a judge (the run's whole spend: model + judge)", () => {
  it("stops before the judge's spend would pass the limit; --resume finishes with the earlier spend counted", async () => {
    const { model, judge } = await servePair();
    const cwd = folder();
    const dir = runDir(cwd, "spend");
    // The model alone would cost 30 × $0.000072 = $0.0022 < $0.006; with the judge at $1 / $1 per
    // million tokens (30 × $0.000302 more) the run would cost $0.0112.
    const priced = ["--judge-price-input", "1", "--judge-price-output", "1"];
    const limited = await runEvalCli(
      [...args(model, judge, ...priced), "--run-id", "spend", "--max-cost", "0.006"],
      { cwd, env },
    );
    expect(limited.exitCode).toBe(1);
    expect(limited.stderr).toMatch(/stopped early \(max_cost\)/);
    const metadata = readJson(join(dir, "metadata.json"));
    expect(metadata.status).toBe("stopped");
    expect(metadata.stop_reason).toMatch(
      /^max_cost: the next judge request could pass --max-cost \$0\.0060 \(spent \$0\.00\d\d/,
    );
    expect(metadata.cost).toMatchObject({ max_usd: 0.006, max_usd_covers: "model + judge" });
    expect(metadata.judge_cost.price).toMatchObject({ input_per_mtok: 1, output_per_mtok: 1 });
    const partial = readJsonl(join(dir, "results.jsonl"));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(30);
    // Every row written is whole: judged, no error (a rollout whose judge request was refused is left out).
    for (const row of partial) {
      expect(row.error).toBeNull();
      expect(row.judge).toMatchObject({ verdict: "yes", error: null });
    }
    expect(metadata.cost.usd).toBeCloseTo(partial.length * MODEL_USD, 12);
    expect(metadata.judge_cost.usd).toBeCloseTo(partial.length * judgeUsd(1, 1), 12);
    expect(metadata.cost.usd + metadata.judge_cost.usd).toBeLessThanOrEqual(0.006);
    // The judge is what the limit stopped: the model's spend is far under it.
    expect(metadata.cost.usd).toBeLessThan(0.003);

    // A resume with a limit that still cannot be kept stops again at once: the earlier spend is counted.
    const stillShort = await runEvalCli(["--resume", dir, "--max-cost", "0.006"], { cwd, env });
    expect(stillShort.exitCode).toBe(1);
    expect(stillShort.stderr).toMatch(/stopped early \(max_cost\): the next judge request/);
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(partial.length);
    const again = readJson(join(dir, "metadata.json"));
    expect(again.cost.usd + again.judge_cost.usd).toBeLessThanOrEqual(0.006);

    // As --price-*, --judge-price-* given on --resume re-price the whole run (earlier rows too).
    const resumed = await runEvalCli(
      ["--resume", dir, "--max-cost", "0.05", "--judge-price-input", "2", "--judge-price-output", "1"],
      { cwd, env },
    );
    expect(resumed.stderr).not.toMatch(/error:/);
    expect(resumed.exitCode).toBe(0);
    const finished = readJson(join(dir, "metadata.json"));
    expect(finished.status).toBe("complete");
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(30);
    expect(finished.cost.usd).toBeCloseTo(30 * MODEL_USD, 12);
    expect(finished.judge_cost.usd).toBeCloseTo(30 * judgeUsd(2, 1), 12);
    expect(finished.judge_cost.price).toMatchObject({ input_per_mtok: 2, output_per_mtok: 1 });
    const total = 30 * (MODEL_USD + judgeUsd(2, 1));
    expect(resumed.stdout).toContain(
      `; total cost $${total.toFixed(4)} of --max-cost $0.0500 (model + judge)`,
    );
  });

  it("--judge-price-input/--judge-price-output price the judge exactly, recorded in judge_cost.price", async () => {
    const { model, judge } = await servePair();
    const cwd = folder();
    // No cache: the second run's judge replies would otherwise come from it, at $0.
    const table = await runEvalCli([...args(model, judge, "--no-cache"), "--run-id", "table", "-n", "5"], {
      cwd,
      env,
    });
    expect(table.exitCode).toBe(0);
    // gpt-4.1-nano's list price: $0.10 / $0.40 per million tokens.
    expect(readJson(join(runDir(cwd, "table"), "metadata.json")).judge_cost.usd).toBeCloseTo(
      5 * judgeUsd(0.1, 0.4),
      15,
    );
    const flagged = await runEvalCli(
      [
        ...args(model, judge, "--no-cache"),
        "--run-id",
        "flags",
        "-n",
        "5",
        "--judge-price-input",
        "2",
        "--judge-price-output",
        "7",
      ],
      { cwd, env },
    );
    expect(flagged.exitCode).toBe(0);
    const metadata = readJson(join(runDir(cwd, "flags"), "metadata.json"));
    expect(metadata.judge_cost.usd).toBeCloseTo(5 * judgeUsd(2, 7), 15);
    expect(metadata.judge_cost.price).toMatchObject({ input_per_mtok: 2, output_per_mtok: 7 });
    expect(metadata.judge_cost.price.source).toMatch(/^flags/);
    // The model's price is its own.
    expect(metadata.cost.usd).toBeCloseTo(5 * MODEL_USD, 12);
    expect(readJson(join(runDir(cwd, "flags"), "summary.json")).judge.cost_usd).toBe(metadata.judge_cost.usd);
  });

  it("refuses --max-cost with a judge of unknown price, and judge prices without a judge", async () => {
    const { model, judge } = await servePair();
    const cwd = folder();
    const refused = await runEvalCli(
      [...args(model, judge), "--judge-model", "local-judge", "--max-cost", "1", "--run-id", "r"],
      { cwd, env },
    );
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(
      /--max-cost covers the judge too and needs its price, and none is known for the judge local-judge: give --judge-price-input and --judge-price-output/,
    );
    expect(judge.requests).toHaveLength(0);
    expect(model.requests).toHaveLength(0);
    const priced = await runEvalCli(
      [
        ...args(model, judge),
        "--judge-model",
        "local-judge",
        "--judge-price-input",
        "1",
        "--judge-price-output",
        "1",
        "--max-cost",
        "1",
        "-n",
        "3",
        "--run-id",
        "p",
      ],
      { cwd, env },
    );
    expect(priced.exitCode).toBe(0);
    const noJudge = await runEvalCli(
      ["-m", "gpt-4.1-mini", "-b", model.baseURL, "--dataset", MINI_DATASET, "--judge-price-input", "1"],
      { cwd, env },
    );
    expect(noJudge.exitCode).toBe(2);
    expect(noJudge.stderr).toMatch(/--judge-price-input: there is no judge with --rubric executable/);
  });

  it("cached judge (and model) replies cost nothing and draw nothing on the limit", async () => {
    const { model, judge } = await servePair();
    const cwd = folder();
    const first = await runEvalCli([...args(model, judge), "-T", "0", "-n", "5", "--run-id", "a"], {
      cwd,
      env,
    });
    expect(first.exitCode).toBe(0);
    expect(judge.requests).toHaveLength(5);
    // A limit below a single request's worst case: only replies from the cache can fit it.
    const cached = await runEvalCli(
      [...args(model, judge), "-T", "0", "-n", "5", "--run-id", "b", "--max-cost", "0.00001"],
      { cwd, env },
    );
    expect(cached.stderr).not.toMatch(/error:/);
    expect(cached.exitCode).toBe(0);
    expect(judge.requests).toHaveLength(5);
    const metadata = readJson(join(runDir(cwd, "b"), "metadata.json"));
    expect(metadata.judge_cost).toMatchObject({ usd: 0, cached_rollouts: 5 });
    expect(metadata.judge_cache.hits).toBe(5);
    expect(metadata.cost.usd).toBe(0);
  });

  it("types the judge price keys of a -C file as numbers", async () => {
    const cwd = folder();
    writeFileSync(join(cwd, "typed.toml"), 'rubric = "judge"\njudge_price_input = "0.1"\n');
    const run = await runEvalCli(["-C", "typed.toml"], { cwd, env });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/judge_price_input: expected a number, got the string "0\.1"/);
  });
});
