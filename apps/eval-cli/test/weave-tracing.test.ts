import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { startEvalChild } from "./cli-child.js";
import { MINI_DATASET, readJsonl, runEvalCli, SENTINEL_KEY, scriptedAnswer } from "./eval-harness.js";
import { type FakeWeaveServer, startFakeWeaveServer } from "./fake-weave-server.js";

const WANDB_KEY = "wandb-SENTINEL-key-0123456789abcdef";
let model: OpenAIServer | undefined;
let weave: FakeWeaveServer | undefined;
afterEach(async () => {
  await model?.close();
  await weave?.close();
  model = undefined;
  weave = undefined;
});

async function modelServer() {
  return startOpenAIServer({
    handle: (request, { call }) =>
      call === 0
        ? { type: "status", status: 429, headers: { "retry-after": "0.01" } }
        : { type: "reply", content: scriptedAnswer(String(request.messages.at(-1)?.content ?? "")) },
  });
}

function args(cwd: string, server: OpenAIServer) {
  return [
    "-m",
    "gpt-4.1-mini",
    "-b",
    server.baseURL,
    "--dataset",
    MINI_DATASET,
    "-n",
    "3",
    "-c",
    "1",
    "--no-cache",
    "--run-id",
    "weave",
    "-o",
    join(cwd, "outputs"),
    "--json",
  ];
}

describe("pnpm eval with W&B Weave (the real SDK against a loopback trace server)", () => {
  it("records a call per rollout with its model-call attempts nested, safe inputs and outputs only", async () => {
    model = await modelServer();
    weave = await startFakeWeaveServer();
    const cwd = mkdtempSync(join(tmpdir(), "sv-weave-"));
    const run = await runEvalCli(args(cwd, model), {
      cwd,
      env: {
        OPENAI_API_KEY: SENTINEL_KEY,
        WEAVE_PROJECT: "sv-team/sv-e1",
        WANDB_API_KEY: WANDB_KEY,
        WF_TRACE_SERVER_URL: weave.url,
      },
    });
    expect(run.stderr).not.toMatch(/warning|Error/);
    expect(run.exitCode).toBe(0);
    // --json keeps stdout to its one line: Weave's banner does not reach it.
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const rows = readJsonl(join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/weave/results.jsonl"));

    const starts = weave.items.filter((item) => item.mode === "start").map((item) => item.req.start!);
    const ends = new Map(
      weave.items.filter((item) => item.mode === "end").map((item) => [item.req.end!.id, item.req.end!]),
    );
    const opName = (start: Record<string, unknown>) => String(start.op_name).split("/").at(-1)!.split(":")[0];
    const rollouts = starts.filter((start) => opName(start) === "sv.rollout");
    const calls = starts.filter((start) => opName(start) === "sv.model_call");
    expect(rollouts).toHaveLength(rows.length);
    expect(calls).toHaveLength(4);
    for (const call of calls) expect(rollouts.map((start) => start.id)).toContain(call.parent_id);
    for (const rollout of rollouts) {
      expect(rollout.project_id).toBe("sv-team/sv-e1");
      expect(rollout.parent_id).toBeUndefined();
      const inputs = rollout.inputs as Record<string, unknown>;
      const row = rows.find((line) => line.example_id === inputs["sv.example_id"])!;
      const output = ends.get(rollout.id)!.output as Record<string, unknown>;
      expect(output).toMatchObject({ "sv.reward": row.reward, "sv.answer": row.answer });
    }
    const failedAttempt = calls.find(
      (call) =>
        (call.inputs as Record<string, unknown>)["sv.attempt"] === 1 &&
        (ends.get(call.id)!.output as Record<string, unknown>)["error.type"] === "rate_limit",
    );
    expect(failedAttempt).toBeDefined();
    expect(
      weave.requests.every(
        (request) => request.authorization === `Basic ${Buffer.from(`api:${WANDB_KEY}`).toString("base64")}`,
      ),
    ).toBe(true);
    const sent = weave.requests
      .filter((request) => request.route === "POST /call/upsert_batch")
      .map((request) => request.body)
      .join("\n");
    for (const text of [SENTINEL_KEY, WANDB_KEY, "Log Entry", "scripted"]) expect(sent).not.toContain(text);
    expect(run.stderr).not.toContain(WANDB_KEY);
  });

  it("WEAVE_PROJECT without WANDB_API_KEY is one usage error line; WEAVE_DISABLED=true turns it off", async () => {
    model = await modelServer();
    const cwd = mkdtempSync(join(tmpdir(), "sv-weave-"));
    const missing = await runEvalCli(args(cwd, model), {
      cwd,
      env: { OPENAI_API_KEY: SENTINEL_KEY, WEAVE_PROJECT: "p" },
    });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^error: WEAVE_PROJECT is set but WANDB_API_KEY is not/),
    ]);
    expect(model.count).toBe(0);
    weave = await startFakeWeaveServer();
    const disabled = await runEvalCli(args(cwd, model), {
      cwd,
      env: {
        OPENAI_API_KEY: SENTINEL_KEY,
        WEAVE_PROJECT: "t/p",
        WANDB_API_KEY: WANDB_KEY,
        WEAVE_DISABLED: "TRUE",
        WF_TRACE_SERVER_URL: weave.url,
      },
    });
    expect(disabled.exitCode).toBe(0);
    expect(weave.requests).toEqual([]);
  });

  it("a trace server that refuses the calls is one warning line in a real process; the run completes", async () => {
    model = await modelServer();
    weave = await startFakeWeaveServer({ status: () => 401 });
    const cwd = mkdtempSync(join(tmpdir(), "sv-weave-"));
    writeFileSync(
      join(cwd, ".env"),
      [
        `OPENAI_API_KEY=${SENTINEL_KEY}`,
        "WEAVE_PROJECT=sv-team/sv-e1",
        `WANDB_API_KEY=${WANDB_KEY}`,
        `WF_TRACE_SERVER_URL=${weave.url}`,
        "",
      ].join("\n"),
    );
    const child = startEvalChild(args(cwd, model), cwd);
    const exited = await child.exited;
    expect(exited.exitCode).toBe(0);
    const lines = exited.stderr.split("\n").filter((line) => /weave/i.test(line));
    expect(lines).toEqual([
      expect.stringMatching(/^warning: Weave could not store calls \(.+\); the run goes on without Weave$/),
    ]);
    expect(exited.stderr).not.toMatch(/\n\s+at /);
    expect(exited.stderr).not.toContain(WANDB_KEY);
    expect(
      readJsonl(join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/weave/results.jsonl")),
    ).toHaveLength(3);
    // The SDK's own error log lands in the working directory (its behaviour, documented).
    expect(readdirSync(cwd)).toContain("weaveErrors.log");
  });

  it("a Weave that cannot start is one warning line and the run goes on untraced", async () => {
    model = await modelServer();
    const cwd = mkdtempSync(join(tmpdir(), "sv-weave-"));
    const run = await runEvalCli(args(cwd, model), {
      cwd,
      env: { OPENAI_API_KEY: SENTINEL_KEY, WEAVE_PROJECT: "solo-project", WANDB_API_KEY: WANDB_KEY },
      tracingDeps: {
        loadWeave: async () => ({
          init: async () => {
            console.error(
              "Error during initialization:",
              new Error(`401 for key ${WANDB_KEY}\n    at stack`),
            );
            throw new Error(`could not resolve your default entity (key ${WANDB_KEY})`);
          },
          op: (fn) => fn,
        }),
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stderr.split("\n").filter((line) => /weave/i.test(line))).toEqual([
      "warning: Weave could not start (could not resolve your default entity (key [redacted])); the run goes on without Weave",
    ]);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
  });
});
