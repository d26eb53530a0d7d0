import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ORIGINAL_JUDGE_PROMPT, ORIGINAL_JUDGE_SYSTEM_PROMPT } from "@sv/rubric";
import { type OpenAIServer, type ServerAction, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_DATASET, readJsonl, runEvalCli, rubric, SENTINEL_KEY, scriptedAnswer } from "./eval-harness.js";

const servers: OpenAIServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const folder = () => mkdtempSync(join(tmpdir(), "sv-eval-judge-"));
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const runDir = (cwd: string, runId: string, model = "gpt-4.1-mini") =>
  join(cwd, "outputs/evals", `sv-env-network-logs--${model}`, runId);
const questions = readJsonl(MINI_DATASET).map((row) => String(row.question));
const exampleOf = (text: unknown) =>
  questions.findIndex((question) => String(text).includes(`${question}\n`));
const JUDGE_REPLIES = ["yes", "No.", " YES, because the label matches", "garbage }{", ""];
const judgeReplyOf = (text: unknown) => JUDGE_REPLIES[exampleOf(text) % JUDGE_REPLIES.length]!;

/** The model: the harness's deterministic answer per question. */
async function modelServer(): Promise<OpenAIServer> {
  const server = await startOpenAIServer({
    handle: (request) => ({
      type: "reply",
      content: scriptedAnswer(String(request.messages.at(-1)?.content)),
    }),
  });
  servers.push(server);
  return server;
}

/** The judge: a reply per example (yes, No., YES with reasons, garbage, empty), or what `override` says. */
async function judgeServer(override?: (content: string) => ServerAction | undefined): Promise<OpenAIServer> {
  const server = await startOpenAIServer({
    handle: (request) => {
      const content = String(request.messages[0]?.content);
      return (
        override?.(content) ?? {
          type: "reply",
          content: judgeReplyOf(content),
          usage: { prompt_tokens: 300, completion_tokens: 2 },
        }
      );
    },
  });
  servers.push(server);
  return server;
}

/** The prompt the original's JUDGE_PROMPT.format(...) gives, built here by plain substitution. */
function originalJudgeText(question: string, answer: string, reply: string): string {
  const { label, confidence, rationale } = JSON.parse(reply) as {
    label: string;
    confidence: number;
    rationale: string;
  };
  // Python's json.dumps(sort_keys=True) of {label, confidence, rationale}: the harness's confidences are
  // k/100, which Python and JavaScript print alike (0 as the int 0).
  const response = `{"confidence": ${JSON.stringify(confidence)}, "label": ${JSON.stringify(label)}, "rationale": ${JSON.stringify(rationale)}}`;
  return ORIGINAL_JUDGE_PROMPT.replace("{{", "{")
    .replace("}}", "}")
    .replace("{question}", question)
    .replace("{answer}", answer)
    .replace("{response}", response);
}

const judgeArgs = (model: OpenAIServer, judge: OpenAIServer, ...extra: string[]) => [
  "-m",
  "gpt-4.1-mini",
  "-b",
  model.baseURL,
  "--dataset",
  MINI_DATASET,
  "--judge-base-url",
  judge.baseURL,
  "-c",
  "4",
  ...extra,
];

const sortRows = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => Number(a.example_id) - Number(b.example_id));

describe("--rubric judge (the original's sv-netlogs-judge)", () => {
  it("asks the judge with the original's prompt and rewards its yes/no; rows, metadata and summary carry it apart", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const cwd = folder();
    const run = await runEvalCli([...judgeArgs(model, judge), "--rubric", "judge", "--run-id", "j1"], {
      cwd,
      env: { OPENAI_API_KEY: SENTINEL_KEY },
    });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    const dir = runDir(cwd, "j1");
    const rows = sortRows(readJsonl(join(dir, "results.jsonl")));
    const dataset = readJsonl(MINI_DATASET).filter((row) => (row.meta as { split: string }).split === "test");
    expect(rows).toHaveLength(30);
    expect(judge.requests).toHaveLength(30);

    // The model sees the original judge environment's system prompt.
    expect(model.requests[0]!.body.messages[0]).toEqual({
      role: "system",
      content: ORIGINAL_JUDGE_SYSTEM_PROMPT,
    });
    // The judge gets exactly the original's prompt: last user message, gold label, canonical JSON.
    for (const request of judge.requests) {
      const content = String(request.body.messages[0]?.content);
      const row = dataset.find((item) => content.includes(`${String(item.question)}\n`))!;
      const question = String(row.question);
      expect(request.body.messages).toEqual([
        { role: "user", content: originalJudgeText(question, String(row.answer), scriptedAnswer(question)) },
      ]);
      expect(request.body).toMatchObject({ model: "gpt-4.1-nano", max_tokens: 16, temperature: 0 });
      expect(request.headers.authorization).toBe(`Bearer ${SENTINEL_KEY}`);
    }

    for (const row of rows) {
      const judged = row.judge as Record<string, unknown>;
      const yes = /^\s*yes/i.test(String(judged.reply));
      expect(judged).toMatchObject({
        kind: "correctness",
        model: "gpt-4.1-nano",
        verdict: yes ? "yes" : "no",
        score: yes ? 1 : 0,
        attempts: 1,
        token_usage: { input_tokens: 300, output_tokens: 2 },
        error: null,
      });
      expect(row.reward).toBe(judged.score);
      expect(row.metrics).toEqual({ judge_reward: judged.score });
      expect(row.judge_reward).toBe(judged.score);
      expect(row.reward_accuracy).toBeUndefined();
      const scored = rubric.score({ completion: row.completion, answer: String(row.answer) });
      expect(row.programmatic).toEqual({
        reward: scored.reward,
        reward_accuracy: scored.rewards.accuracy,
        format_reward: scored.rewards.format,
        reward_calibration: scored.rewards.calibration,
        reward_asymmetric_cost: scored.rewards.asymmetric_cost,
      });
    }
    const verdicts = rows.map((row) => (row.judge as { score: number }).score);
    const yes = verdicts.filter((score) => score === 1).length;
    const agree = rows.filter(
      (row) =>
        (row.judge as { score: number }).score ===
        (row.programmatic as { reward_accuracy: number }).reward_accuracy,
    ).length;

    const metadata = readJson(join(dir, "metadata.json"));
    expect(metadata.rubric).toEqual({
      mode: "judge",
      judge_model: "gpt-4.1-nano",
      judge_base_url_host: new URL(judge.baseURL).host,
      judge_base_url: judge.baseURL,
      judge_api_key_var: "OPENAI_API_KEY",
      judge_sampling_args: { max_tokens: 16, temperature: 0 },
      judge_prompt_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(metadata.judge_usage).toEqual({ input_tokens: 9000, output_tokens: 60 });
    // gpt-4.1-nano's list price: $0.10 / $0.40 per million tokens.
    expect(metadata.judge_cost.usd).toBeCloseTo((30 * (300 * 0.1 + 2 * 0.4)) / 1e6, 12);
    expect(metadata.judge_cost.price).toMatchObject({ input_per_mtok: 0.1, output_per_mtok: 0.4 });
    expect(metadata.judge_cache).toEqual({ enabled: true, hits: 0 });
    // The model's own cost is apart: 30 × (100 + 20 tokens) at gpt-4.1-mini's price.
    expect(metadata.cost.usd).toBeCloseTo((30 * (100 * 0.4 + 20 * 1.6)) / 1e6, 12);
    expect(metadata.avg_metrics).toEqual({ judge_reward: yes / 30 });

    const summary = readJson(join(dir, "summary.json"));
    expect(summary.judge).toEqual({
      mode: "judge",
      model: "gpt-4.1-nano",
      n_judged: 30,
      n_judge_errors: 0,
      yes_rate: yes / 30,
      agreement_with_accuracy: agree / 30,
      cost_usd: metadata.judge_cost.usd,
    });
    expect(summary.rewards.mean_reward).toBeCloseTo(yes / 30, 12);
    expect(run.stdout).toMatch(
      /; judge gpt-4\.1-nano: yes \d+\.\d% of 30 judged \(agrees with accuracy \d+\.\d%\), judge cost \$0\.\d{4}/,
    );
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file), "utf8")).not.toContain(SENTINEL_KEY);
    // `eval report` rebuilds the same summary from the folder.
    const report = await runEvalCli(["report", dir], { cwd });
    expect(report.exitCode).toBe(0);
    expect(readJson(join(dir, "summary.json")).judge).toEqual(summary.judge);
  });

  it("the positional env id sv-netlogs-judge means --rubric judge; a missing judge key is one line before any folder", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const cwd = folder();
    const args = ["-m", "gpt-4.1-mini", "-b", model.baseURL, "--dataset", MINI_DATASET, "-n", "5"];
    const missing = await runEvalCli(["sv-netlogs-judge", ...args], { cwd });
    expect(missing.exitCode).toBe(2);
    expect(
      missing.stderr
        .trim()
        .split("\n")
        .filter((line) => line.startsWith("error")),
    ).toEqual([
      "error: --rubric judge: the judge gpt-4.1-nano needs an API key in $OPENAI_API_KEY (or a .env file), or --judge-base-url for a local server; name another variable with --judge-api-key-var",
    ]);
    expect(existsSync(join(cwd, "outputs"))).toBe(false);
    expect(model.count).toBe(0);

    const named = await runEvalCli(
      ["intertwine/sv-env-network-logs-judge", ...args, "--judge-base-url", judge.baseURL, "--run-id", "p"],
      {
        cwd,
      },
    );
    expect(named.exitCode).toBe(0);
    expect(readJson(join(runDir(cwd, "p"), "metadata.json")).rubric.mode).toBe("judge");
    const clash = await runEvalCli(["sv-netlogs-judge", ...args, "--rubric", "hybrid"], { cwd });
    expect(clash.exitCode).toBe(2);
    expect(clash.stderr).toMatch(
      /sv-netlogs-judge is the original's judge environment \(--rubric judge\), but --rubric hybrid/,
    );
    const stray = await runEvalCli([...args, "--judge-model", "gpt-4.1-mini"], { cwd });
    expect(stray.exitCode).toBe(2);
    expect(stray.stderr).toMatch(/--judge-model: there is no judge with --rubric executable/);
  });

  it("retries a judge 429, and a judge failing for good gives an error row with the model's reply; --retry-errors re-judges it", async () => {
    const model = await modelServer();
    // The first question the judge sees is rate-limited once, the second fails until `down` is cleared.
    const roles = new Map<number, "limited" | "down" | "plain">();
    let limitedOnce = false;
    let down = true;
    const judge = await judgeServer((content) => {
      const example = exampleOf(content);
      if (!roles.has(example))
        roles.set(example, roles.size === 0 ? "limited" : roles.size === 1 ? "down" : "plain");
      const role = roles.get(example);
      if (role === "limited" && !limitedOnce) {
        limitedOnce = true;
        return { type: "status", status: 429, headers: { "retry-after": "0" } };
      }
      if (role === "down" && down) return { type: "status", status: 503, message: "judge down" };
      return undefined;
    });
    const cwd = folder();
    const args = judgeArgs(
      model,
      judge,
      "--rubric",
      "judge",
      "-n",
      "6",
      "--split",
      "all",
      "-T",
      "0",
      "-c",
      "1",
    );
    const run = await runEvalCli([...args, "--run-id", "f", "--request-retries", "1"], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/1 rollout\(s\) failed; re-run only those with: pnpm eval --retry-errors/);
    const rows = readJsonl(join(runDir(cwd, "f"), "results.jsonl"));
    const roleOf = (row: Record<string, unknown>) =>
      roles.get(exampleOf(`${String((row.prompt as { content: string }[])[1]!.content)}\n`));
    expect(rows.find((row) => roleOf(row) === "limited")!.judge).toMatchObject({ attempts: 2, error: null });
    const failed = rows.find((row) => row.error !== null)!;
    expect(roleOf(failed)).toBe("down");
    expect(failed).toMatchObject({
      reward: 0,
      is_completed: false,
      error: { error: "judge_server_error" },
      token_usage: { input_tokens: 100, output_tokens: 20 },
      metrics: { judge_reward: 0 },
      judge: { verdict: null, score: null, attempts: 2, error: { type: "server_error" } },
    });
    expect(failed.completion).toBe(
      scriptedAnswer(String((failed.prompt as { content: string }[])[1]!.content)),
    );
    const summary = readJson(join(runDir(cwd, "f"), "summary.json"));
    expect(summary.judge).toMatchObject({ n_judged: 5, n_judge_errors: 1 });
    // The model's reply was paid although its judge failed.
    expect(summary.api_cost.paid_rollouts).toBe(6);

    down = false;
    const modelCalls = model.count;
    const retried = await runEvalCli(["--retry-errors", runDir(cwd, "f")], { cwd, env: {} });
    expect(retried.stderr).not.toMatch(/error:/);
    expect(retried.exitCode).toBe(0);
    expect(model.count).toBe(modelCalls); // the model's reply came from the cache
    const fixed = readJsonl(join(runDir(cwd, "f"), "results.jsonl"));
    expect(fixed.every((row) => row.error === null)).toBe(true);
    expect(readJson(join(runDir(cwd, "f"), "summary.json")).judge).toMatchObject({
      n_judged: 6,
      n_judge_errors: 0,
    });
  });

  it("a re-run with both servers down completes from the cache with identical rows", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const cwd = folder();
    const args = judgeArgs(model, judge, "--rubric", "judge", "-n", "8", "-T", "0");
    expect((await runEvalCli([...args, "--run-id", "live"], { cwd })).exitCode).toBe(0);
    for (const server of servers.splice(0)) await server.close();
    const again = await runEvalCli([...args, "--run-id", "cached", "--request-retries", "0"], { cwd });
    expect(again.stderr).not.toMatch(/error:/);
    expect(again.exitCode).toBe(0);
    const numbers = (row: Record<string, unknown>) => {
      const { timing: _timing, rollout: _rollout, judge, ...rest } = row;
      const { cached: _cached, ...verdict } = judge as Record<string, unknown>;
      return { ...rest, judge: verdict };
    };
    const live = sortRows(readJsonl(join(runDir(cwd, "live"), "results.jsonl")));
    const cached = sortRows(readJsonl(join(runDir(cwd, "cached"), "results.jsonl")));
    expect(cached.map(numbers)).toEqual(live.map(numbers));
    expect(cached.every((row) => (row.judge as { cached?: boolean }).cached === true)).toBe(true);
    const metadata = readJson(join(runDir(cwd, "cached"), "metadata.json"));
    expect(metadata.judge_cache).toEqual({ enabled: true, hits: 8 });
    expect(metadata.judge_cost.usd).toBe(0);
  });

  it("--resume keeps the run's rubric and judge: another judge model or mode is refused by name", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const cwd = folder();
    const dir = runDir(cwd, "r");
    expect(
      (
        await runEvalCli([...judgeArgs(model, judge, "--rubric", "judge", "-n", "3"), "--run-id", "r"], {
          cwd,
        })
      ).exitCode,
    ).toBe(0);
    const metadata = readJson(join(dir, "metadata.json"));
    writeFileSync(join(dir, "metadata.json"), JSON.stringify({ ...metadata, status: "stopped" }));
    const other = await runEvalCli(["--resume", dir, "--judge-model", "gpt-4.1-mini"], { cwd });
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toMatch(/--judge-model "gpt-4\.1-mini" \(the run has "gpt-4\.1-nano"\)/);
    const mode = await runEvalCli(["--resume", dir, "--rubric", "hybrid"], { cwd });
    expect(mode.exitCode).toBe(2);
    expect(mode.stderr).toMatch(/--rubric "hybrid" \(the run has "judge"\)/);
    const same = await runEvalCli(["--resume", dir, "--judge-model", "gpt-4.1-nano", "--rubric", "judge"], {
      cwd,
    });
    expect(same.stderr).not.toMatch(/error:/);
    expect(same.exitCode).toBe(0);
  });
});

describe("--rubric hybrid", () => {
  it("rewards the unchanged programmatic total plus weight × the rationale judge's score, exactly", async () => {
    const model = await modelServer();
    const judge = await judgeServer((content) =>
      content.includes("rationale") && !content.includes("Correct classification")
        ? { type: "reply", content: exampleOf(content) % 2 === 0 ? "yes" : "no" }
        : undefined,
    );
    const cwd = folder();
    const run = await runEvalCli(
      [...judgeArgs(model, judge, "--rubric", "hybrid", "--judge-weight", "0.25"), "--run-id", "h"],
      { cwd },
    );
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    const rows = readJsonl(join(runDir(cwd, "h"), "results.jsonl"));
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      const scored = rubric.score({ completion: row.completion, answer: String(row.answer) });
      const score = (row.judge as { score: number }).score;
      expect(row.reward).toBe(score === 1 ? scored.reward + 0.25 : scored.reward);
      expect(row.metrics).toEqual({
        reward_accuracy: scored.rewards.accuracy,
        format_reward: scored.rewards.format,
        reward_calibration: scored.rewards.calibration,
        reward_asymmetric_cost: scored.rewards.asymmetric_cost,
        judge_rationale_reward: score,
      });
      expect(row.reward_accuracy).toBe(scored.rewards.accuracy);
      expect(row.judge_rationale_reward).toBe(score);
      expect((row.programmatic as { reward: number }).reward).toBe(scored.reward);
    }
    expect(model.requests[0]!.body.messages[0]!.content).not.toBe(ORIGINAL_JUDGE_SYSTEM_PROMPT);
    const metadata = readJson(join(runDir(cwd, "h"), "metadata.json"));
    expect(metadata.rubric).toMatchObject({ mode: "hybrid", judge_weight: 0.25 });
    expect(metadata.env_options).toMatchObject({ rubricMode: "hybrid", judgeWeight: 0.25 });
  });

  it("prints the judge block with --json when nothing is saved", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const run = await runEvalCli([
      ...judgeArgs(model, judge, "--rubric", "hybrid", "-n", "4"),
      "--no-save-results",
      "--json",
    ]);
    expect(run.exitCode).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.judge).toMatchObject({
      mode: "hybrid",
      model: "gpt-4.1-nano",
      n_judged: 4,
      n_judge_errors: 0,
    });
    expect(summary.judge.cost_usd).toBeGreaterThanOrEqual(0);
  });

  it("reads the original's reward_source, judge_model and judge_weight from -C", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const cwd = folder();
    writeFileSync(
      join(cwd, "hybrid.toml"),
      [
        'reward_source = "hybrid"',
        'judge_model = "gpt-4.1-nano"',
        "judge_weight = 0.1",
        "num_examples = 4",
      ].join("\n"),
    );
    const run = await runEvalCli([...judgeArgs(model, judge), "-C", "hybrid.toml", "--run-id", "c"], { cwd });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    expect(readJson(join(runDir(cwd, "c"), "metadata.json")).rubric).toMatchObject({
      mode: "hybrid",
      judge_model: "gpt-4.1-nano",
      judge_weight: 0.1,
    });
    writeFileSync(join(cwd, "judge.toml"), 'reward_source = "llm_judge"\njudge_weight = 0.1\n');
    const refused = await runEvalCli([...judgeArgs(model, judge), "-C", "judge.toml"], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/--judge-weight weighs the judge's part of the hybrid reward/);
  });
});

describe("--rubric executable (the default)", () => {
  it("writes the same rows, byte for byte, as before the judge existed", async () => {
    const cwd = folder();
    const run = await runEvalCli(
      ["-m", "baseline/heuristic", "--dataset", MINI_DATASET, "--split", "all", "--run-id", "x"],
      {
        cwd,
      },
    );
    expect(run.exitCode).toBe(0);
    const zeroTiming = (line: string) =>
      line.replace(/"timing":\{[^}]*\}/, '"timing":{"generation_ms":0,"scoring_ms":0,"total_ms":0}');
    const lines = (text: string) =>
      text
        .split("\n")
        .filter((line) => line !== "")
        .map(zeroTiming)
        .sort();
    const written = readFileSync(join(runDir(cwd, "x", "baseline--heuristic"), "results.jsonl"), "utf8");
    const before = readFileSync(join(MINI_DATASET, "../../judge/executable-rows-before-judge.jsonl"), "utf8");
    expect(lines(written)).toEqual(lines(before));
    const metadata = readJson(join(runDir(cwd, "x", "baseline--heuristic"), "metadata.json"));
    expect(Object.keys(metadata).filter((key) => key.includes("judge") || key === "rubric")).toEqual([]);
    expect(readJson(join(runDir(cwd, "x", "baseline--heuristic"), "summary.json")).judge).toBeUndefined();
  });
});
