import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SpanExporter } from "@opentelemetry/sdk-trace";
import {
  type OpenAIServer,
  type OtlpReceiver,
  type OtlpSpan,
  startOpenAIServer,
  startOtlpReceiver,
} from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { startEvalChild } from "./cli-child.js";
import { MINI_DATASET, readJsonl, runEvalCli, SENTINEL_KEY, scriptedAnswer } from "./eval-harness.js";

const QUERY_SECRET = "qs-SENTINEL-in-the-base-url-5678";
let server: OpenAIServer | undefined;
let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  await server?.close();
  await receiver?.close();
  server = undefined;
  receiver = undefined;
});

/** A loopback model whose first request is rate limited, then answers every question the same way. */
async function modelServer() {
  return startOpenAIServer({
    handle: (request, { call }) => {
      if (call === 0) return { type: "status", status: 429, headers: { "retry-after": "0.01" } };
      const question = String(request.messages.at(-1)?.content ?? "");
      return {
        type: "reply",
        content: scriptedAnswer(question),
        usage: { prompt_tokens: 150, completion_tokens: 25 },
      };
    },
  });
}

function evalArgs(cwd: string, model: OpenAIServer) {
  return [
    "-m",
    "gpt-4.1-mini",
    "-b",
    `${model.baseURL}?api_key=${QUERY_SECRET}`,
    "--dataset",
    MINI_DATASET,
    "-n",
    "4",
    "-c",
    "1",
    "--no-cache",
    "--run-id",
    "traced",
    "-o",
    join(cwd, "outputs"),
  ];
}

const byName = (spans: OtlpSpan[], name: string) => spans.filter((span) => span.name === name);

describe("pnpm eval tracing (OTLP)", () => {
  for (const protocol of ["http/protobuf", "http/json"] as const) {
    it(`exports a run's spans over ${protocol}: one rollout span per rollout, one model-call span per attempt`, async () => {
      server = await modelServer();
      receiver = await startOtlpReceiver();
      const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
      const run = await runEvalCli(evalArgs(cwd, server), {
        cwd,
        env: {
          OPENAI_API_KEY: SENTINEL_KEY,
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
          OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
          OTEL_EXPORTER_OTLP_HEADERS: "x-collector-token=tok%3D1",
          OTEL_SERVICE_NAME: "sv-eval-test",
        },
      });
      expect(run.stderr).not.toMatch(/warning: could not export/);
      expect(run.exitCode).toBe(0);
      const rows = readJsonl(
        join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/traced/results.jsonl"),
      );
      const spans = receiver.spans;

      const [evaluate, ...moreRuns] = byName(spans, "sv.evaluate");
      expect(moreRuns).toEqual([]);
      expect(evaluate!.parentSpanId).toBeUndefined();
      expect(evaluate!.attributes).toMatchObject({
        "sv.rollouts.total": 4,
        "sv.rollouts.done": 4,
        "sv.retries": 1,
      });
      expect(evaluate!.resource["service.name"]).toBe("sv-eval-test");
      expect(evaluate!.scope.name).toBe("@sv/env");

      const rollouts = byName(spans, "sv.rollout");
      expect(rollouts).toHaveLength(rows.length);
      for (const rollout of rollouts) {
        expect(rollout.parentSpanId).toBe(evaluate!.spanId);
        expect(rollout.traceId).toBe(evaluate!.traceId);
        const row = rows.find((line) => line.example_id === rollout.attributes["sv.example_id"])!;
        const parsed = row.parsed as { label: string | null; confidence: number };
        expect(rollout.attributes).toMatchObject({
          "sv.rollout_index": 0,
          "gen_ai.request.model": "gpt-4.1-mini",
          "sv.answer": row.answer,
          "sv.confidence": parsed.confidence,
          "sv.reward": row.reward,
          "sv.metrics.accuracy": (row.metrics as Record<string, number>).reward_accuracy,
          "sv.metrics.asymmetric_cost": (row.metrics as Record<string, number>).reward_asymmetric_cost,
          "gen_ai.usage.input_tokens": 150,
          "gen_ai.usage.output_tokens": 25,
          "sv.cached": false,
          "sv.attempts": (row.rollout as { attempts: number }).attempts,
        });
        expect(rollout.attributes["sv.label"]).toBe(parsed.label ?? undefined);
        // gpt-4.1-mini has a known price: the cost of 150 in + 25 out is recorded.
        expect(rollout.attributes["sv.cost_usd"]).toBeGreaterThan(0);
        expect(byName(spans, "sv.score").filter((span) => span.parentSpanId === rollout.spanId)).toHaveLength(
          1,
        );
      }

      const calls = byName(spans, "sv.model_call");
      const attempts = rows.reduce((sum, row) => sum + (row.rollout as { attempts: number }).attempts, 0);
      expect(attempts).toBe(5);
      expect(calls).toHaveLength(attempts);
      expect(calls.every((call) => rollouts.some((rollout) => rollout.spanId === call.parentSpanId))).toBe(
        true,
      );
      const retried = rollouts.find((rollout) => rollout.attributes["sv.attempts"] === 2)!;
      const retriedCalls = calls
        .filter((call) => call.parentSpanId === retried.spanId)
        .sort((a, b) => Number(a.attributes["sv.attempt"]) - Number(b.attributes["sv.attempt"]));
      expect(
        retriedCalls.map((call) => [
          call.attributes["sv.attempt"],
          call.attributes["error.type"],
          call.status.code,
        ]),
      ).toEqual([
        [1, "rate_limit", 2],
        [2, undefined, 0],
      ]);
      const [retry] = byName(spans, "sv.retry");
      expect(retry).toMatchObject({
        parentSpanId: retried.spanId,
        attributes: { "error.type": "rate_limit" },
      });

      expect(new Set(receiver.requests.map((request) => request.headers["x-collector-token"]))).toEqual(
        new Set(["tok=1"]),
      );
      // Neither key reaches the collector, nor any prompt or reply text.
      const sent = Buffer.concat(receiver.requests.map((request) => request.raw)).toString("latin1");
      for (const secret of [SENTINEL_KEY, QUERY_SECRET, "Log Entry", "scripted", "api_key"]) {
        expect(sent).not.toContain(secret);
      }
      expect(run.stderr).not.toContain(QUERY_SECRET);
    });
  }

  it("Ctrl-C in a real process: every rollout written to results.jsonl has its span at the collector", async () => {
    let interrupt: () => void = () => {};
    server = await startOpenAIServer({
      handle: (request, { call }) => {
        if (call === 2) {
          interrupt();
          return { type: "hang" };
        }
        return { type: "reply", content: scriptedAnswer(String(request.messages.at(-1)?.content ?? "")) };
      },
    });
    receiver = await startOtlpReceiver();
    const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
    // The child gets only PATH and HOME; the rest comes from .env, as a user's would.
    writeFileSync(
      join(cwd, ".env"),
      `OPENAI_API_KEY=${SENTINEL_KEY}\nOTEL_EXPORTER_OTLP_ENDPOINT=${receiver.endpoint}\n`,
    );
    const child = startEvalChild(evalArgs(cwd, server), cwd);
    interrupt = () => child.child.kill("SIGINT");
    const exited = await child.exited;
    expect(exited.exitCode).toBe(130);
    const rows = readJsonl(join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/traced/results.jsonl"));
    expect(rows).toHaveLength(2);
    const rollouts = byName(receiver.spans, "sv.rollout").filter(
      (span) => span.attributes["sv.outcome"] !== "aborted",
    );
    expect(rollouts.map((span) => span.attributes["sv.example_id"]).sort()).toEqual(
      rows.map((row) => row.example_id).sort(),
    );
    const [evaluate] = byName(receiver.spans, "sv.evaluate");
    expect(evaluate!.attributes).toMatchObject({ "sv.stop_reason": "aborted", "sv.rollouts.done": 2 });
  });

  it("a command that fails after a model's run still delivers that run's spans", async () => {
    server = await modelServer();
    receiver = await startOtlpReceiver();
    const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
    const argv = evalArgs(cwd, server);
    argv[1] = "gpt-4.1-mini,baseline/no-such-baseline";
    const run = await runEvalCli(argv, {
      cwd,
      env: { OPENAI_API_KEY: SENTINEL_KEY, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/error: .*no-such-baseline/);
    expect(byName(receiver.spans, "sv.rollout")).toHaveLength(4);
    expect(byName(receiver.spans, "sv.evaluate")).toHaveLength(1);
  });

  it("--rubric judge: a judge-call span per rollout with the judge's request inside, and its verdict", async () => {
    server = await modelServer();
    const judge = await startOpenAIServer({
      handle: () => ({ type: "reply", content: "yes", usage: { prompt_tokens: 300, completion_tokens: 2 } }),
    });
    receiver = await startOtlpReceiver();
    const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
    try {
      const run = await runEvalCli(
        [
          ...evalArgs(cwd, server),
          "--rubric",
          "judge",
          "--judge-base-url",
          judge.baseURL,
          "--judge-model",
          "judge-nano",
        ],
        { cwd, env: { OPENAI_API_KEY: SENTINEL_KEY, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint } },
      );
      expect(run.stderr).not.toMatch(/error:/);
      expect(run.exitCode).toBe(0);
    } finally {
      await judge.close();
    }
    const rollouts = byName(receiver.spans, "sv.rollout");
    const judged = byName(receiver.spans, "sv.judge_call");
    expect(rollouts).toHaveLength(4);
    expect(judged.map((span) => rollouts.some((rollout) => rollout.spanId === span.parentSpanId))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    for (const span of judged) {
      expect(span.attributes).toMatchObject({
        "gen_ai.request.model": "judge-nano",
        "sv.judge.verdict": "yes",
        "sv.judge.score": 1,
        "gen_ai.usage.input_tokens": 300,
      });
      const calls = byName(receiver.spans, "sv.model_call").filter(
        (call) => call.parentSpanId === span.spanId,
      );
      expect(calls.map((call) => call.attributes["gen_ai.request.model"])).toEqual(["judge-nano"]);
    }
    for (const rollout of rollouts)
      expect(rollout.attributes).toMatchObject({ "sv.judge.verdict": "yes", "sv.reward": 1 });
    const sent = Buffer.concat(receiver.requests.map((request) => request.raw)).toString("latin1");
    expect(sent).not.toMatch(/Log Entry|canonical|SENTINEL/);
  });

  it("a collector that refuses every export costs one warning line, never the run", async () => {
    server = await modelServer();
    receiver = await startOtlpReceiver({ status: () => 400 });
    const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
    const run = await runEvalCli(evalArgs(cwd, server), {
      cwd,
      env: { OPENAI_API_KEY: SENTINEL_KEY, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.tracesUrl },
    });
    expect(run.exitCode).toBe(0);
    expect(receiver.requests.length).toBeGreaterThan(0);
    const warnings = run.stderr.split("\n").filter((line) => line.includes("traces"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^warning: could not export traces to http:\/\/127\.0\.0\.1:\d+\/v1\/traces \(/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a collector that is down costs one warning line, never the run", async () => {
    server = await modelServer();
    receiver = await startOtlpReceiver();
    const endpoint = receiver.endpoint;
    await receiver.close();
    receiver = undefined;
    const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
    const run = await runEvalCli(evalArgs(cwd, server), {
      cwd,
      env: {
        OPENAI_API_KEY: SENTINEL_KEY,
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_TIMEOUT: "2000",
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.includes("traces"))).toHaveLength(1);
    expect(run.stderr).toMatch(/warning: could not export traces to /);
  });

  it("gRPC or a malformed endpoint is a usage error naming the variable, before any request", async () => {
    server = await modelServer();
    const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
    const grpc = await runEvalCli(evalArgs(cwd, server), {
      cwd,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:1", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" },
    });
    expect(grpc.exitCode).toBe(2);
    expect(grpc.stderr).toMatch(/error: OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported/);
    const malformed = await runEvalCli(evalArgs(cwd, server), {
      cwd,
      env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "localhost:4318" },
    });
    expect(malformed.exitCode).toBe(2);
    expect(malformed.stderr).toMatch(/error: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http/);
    expect(server.count).toBe(0);
  });
});

describe("pnpm eval tracing off (the default)", () => {
  const offIo = (cwd: string, created: SpanExporter[]) => ({
    cwd,
    env: { OPENAI_API_KEY: SENTINEL_KEY, WEAVE_DISABLED: "false" },
    tracingDeps: {
      createExporter: () => {
        const exporter = { export: () => {}, shutdown: async () => {} } as unknown as SpanExporter;
        created.push(exporter);
        return exporter;
      },
      loadWeave: async () => {
        throw new Error("Weave must not be loaded when WEAVE_PROJECT is unset");
      },
    },
  });

  it("with no OTEL variable creates no exporter and never loads Weave", async () => {
    server = await modelServer();
    const created: SpanExporter[] = [];
    const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
    const run = await runEvalCli(evalArgs(cwd, server), offIo(cwd, created));
    expect(run.exitCode).toBe(0);
    expect(run.stderr).not.toMatch(/Weave|trace/);
    expect(created).toEqual([]);
    expect(server.count).toBe(5);
  });

  it("with no OTEL variable nothing reaches OpenTelemetry's default endpoint (localhost:4318)", async (context) => {
    // Receivers where the real exporter would send by default; skipped when another process holds the port.
    const receivers = (
      await Promise.all(
        ["127.0.0.1", "::1"].map((host) => startOtlpReceiver({ host, port: 4318 }).catch(() => undefined)),
      )
    ).filter((bound) => bound !== undefined);
    try {
      if (receivers.length === 0) context.skip();
      server = await modelServer();
      const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
      const run = await runEvalCli(evalArgs(cwd, server), { cwd, env: { OPENAI_API_KEY: SENTINEL_KEY } });
      expect(run.exitCode).toBe(0);
      expect(server.count).toBe(5);
      expect(receivers.map((bound) => bound.connections)).toEqual(receivers.map(() => 0));
    } finally {
      await Promise.all(receivers.map((bound) => bound.close()));
    }
  });

  it("OTEL_SDK_DISABLED=true and OTEL_TRACES_EXPORTER=none turn export off even with an endpoint", async () => {
    server = await modelServer();
    receiver = await startOtlpReceiver();
    for (const off of [{ OTEL_SDK_DISABLED: "true" }, { OTEL_TRACES_EXPORTER: "none" }]) {
      const cwd = mkdtempSync(join(tmpdir(), "sv-trace-"));
      const run = await runEvalCli(evalArgs(cwd, server), {
        cwd,
        env: { OPENAI_API_KEY: SENTINEL_KEY, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, ...off },
      });
      expect(run.exitCode).toBe(0);
    }
    expect(receiver.connections).toBe(0);
  });
});
