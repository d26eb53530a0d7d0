import { syntheticRows } from "@sv/dataset";
import { type OpenAIServer, type ServerAction, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvironment } from "../load-environment.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { createOpenAIModel } from "../model/openai-model.js";
import { createScriptedModel } from "../test/scripted-model.js";
import { defaultSleep } from "./backoff.js";
import type { RolloutResult } from "./rollout-result.js";

// Virtual time runs `speed` times faster than real time: at 5, Retry-After: 1 (1000 virtual ms) is 200 real ms.
const SPEED = 5;
const PAUSE_REAL_MS = 1000 / SPEED;
const clockAt = (speed: number) => ({
  now: () => performance.now() * speed,
  sleep: (ms: number, signal?: AbortSignal) => defaultSleep(ms / speed, signal),
});
const rows = syntheticRows();
const ROLLOUTS = 4;
const answer = (example: number) =>
  JSON.stringify({ label: example % 2 ? "Benign" : "Malicious", confidence: 0.75, rationale: "loopback" });
let server: OpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A server whose first 8 requests are held until all 8 have arrived; then the first gets a 429 with
 * `Retry-After: 1` and the 7 others answer 20 ms later (inside the pause). Later requests answer at once.
 */
async function rateLimitedOnce() {
  const arrivals: number[] = [];
  let rateLimitedAt = 0;
  let releaseFirstWave: () => void = () => {};
  const firstWave = new Promise<void>((resolve) => {
    releaseFirstWave = resolve;
  });
  server = await startOpenAIServer({
    handle: async (request, { call }): Promise<ServerAction> => {
      arrivals.push(performance.now());
      const example = rows.findIndex((row) => row.question === request.messages.at(-1)?.content);
      if (call === 7) releaseFirstWave();
      if (call >= 8) return { type: "reply", content: answer(example) };
      await firstWave;
      if (call > 0) return { type: "reply", content: answer(example), delayMs: 20 };
      rateLimitedAt = performance.now();
      return { type: "status", status: 429, headers: { "retry-after": "1" }, message: "slow down" };
    },
  });
  return { server, arrivals, rateLimitedAt: () => rateLimitedAt };
}

async function evaluateOver(baseURL: string, sharedRateLimit?: boolean, speed = SPEED) {
  const env = await loadEnvironment({ rows });
  const model = createOpenAIModel({ modelId: "loopback-model", baseURL });
  const run = env.evaluate({
    model,
    rolloutsPerExample: ROLLOUTS,
    maxConcurrent: 8,
    maxRetries: 2,
    timeoutMs: 5_000,
    random: () => 0,
    ...clockAt(speed),
    ...(sharedRateLimit === undefined ? {} : { sharedRateLimit }),
  });
  const results: RolloutResult[] = [];
  for await (const result of run) results.push(result);
  return { env, results, summary: await run.summary() };
}

describe("pool-wide rate limiting", () => {
  it("after a 429, no request reaches the server until Retry-After has passed; every rollout completes once", async () => {
    const { server, arrivals, rateLimitedAt } = await rateLimitedOnce();
    const { env, results, summary } = await evaluateOver(server.baseURL);

    const later = arrivals.slice(8);
    expect(Math.min(...later) - rateLimitedAt()).toBeGreaterThanOrEqual(PAUSE_REAL_MS - 2);
    expect(server.count).toBe(rows.length * ROLLOUTS + 1);
    expect(results).toHaveLength(rows.length * ROLLOUTS);
    expect(new Set(results.map((result) => `${result.example_id}:${result.rollout_index}`)).size).toBe(
      results.length,
    );
    for (const result of results) {
      expect(result.error).toBeNull();
      expect(result.completion).toBe(answer(result.example_id));
      expect(result.reward).toBe(env.score(answer(result.example_id), rows[result.example_id]!).reward);
    }
    expect(results.filter((result) => result.attempts === 2)).toHaveLength(1);
    expect(summary).toMatchObject({ done: results.length, errors: 0, retries: 1, rateLimitPauses: 1 });
    expect(summary.rateLimitPausedMs).toBeCloseTo(1000, 6);
  });

  it("with sharedRateLimit: false, the other requests keep hitting the server during the wait", async () => {
    const { server, arrivals, rateLimitedAt } = await rateLimitedOnce();
    // A 2 s real wait: ample time for the other rollouts' requests even on a machine 10x slower.
    const speed = 0.5;
    const { results, summary } = await evaluateOver(server.baseURL, false, speed);
    const during = arrivals.filter((at) => at > rateLimitedAt() && at < rateLimitedAt() + 1000 / speed);
    expect(during.length).toBeGreaterThan(0);
    expect(results).toHaveLength(rows.length * ROLLOUTS);
    expect(summary).toMatchObject({ rateLimitPauses: 0, rateLimitPausedMs: 0 });
  });

  it("a run without 429s never waits and keeps maxConcurrent requests in flight", async () => {
    const env = await loadEnvironment({ rows });
    let inFlight = 0;
    let peak = 0;
    const model = createScriptedModel({
      replies: async (request) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        return answer(rows.findIndex((row) => row.question === request.messages.at(-1)?.content));
      },
    });
    const sleeps: number[] = [];
    const run = env.evaluate({
      model,
      rolloutsPerExample: ROLLOUTS,
      maxConcurrent: 8,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    for await (const _ of run) void _;
    expect(sleeps).toEqual([]);
    expect(peak).toBe(8);
    expect(await run.summary()).toMatchObject({ done: 32, rateLimitPauses: 0, rateLimitPausedMs: 0 });
  });

  it("a 429 that exhausts its retries still pauses the pool: the next rollouts wait it out", async () => {
    const env = await loadEnvironment({ rows: rows.slice(0, 3) });
    let time = 0;
    const started: number[] = [];
    const model = createScriptedModel({
      replies: (_request, call) => {
        started.push(time);
        if (call === 0) {
          return new ModelCallError({
            kind: MODEL_ERROR_KINDS.rateLimit,
            message: "429",
            retryAfterMs: 5_000,
          });
        }
        return answer(0);
      },
    });
    const sleeps: number[] = [];
    const run = env.evaluate({
      model,
      maxConcurrent: 1,
      maxRetries: 0,
      now: () => time,
      sleep: async (ms) => {
        sleeps.push(ms);
        time += ms;
      },
    });
    const results: RolloutResult[] = [];
    for await (const result of run) results.push(result);
    expect(results[0]).toMatchObject({ attempts: 1, error: { type: "rate_limit" } });
    expect(sleeps).toEqual([5_000]);
    expect(started).toEqual([0, 5_000, 5_000]);
    expect(await run.summary()).toMatchObject({ rateLimitPauses: 1, rateLimitPausedMs: 5_000 });
  });
});
