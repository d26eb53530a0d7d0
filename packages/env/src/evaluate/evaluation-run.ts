import { setMaxListeners } from "node:events";
import type { Row } from "@sv/dataset";
import type { ChatMessage } from "@sv/parser";
import { type Rubric, RunMetricsAccumulator } from "@sv/rubric";
import { ENV_ERROR_CODES, EnvError } from "../env-error.js";
import { MODEL_ERROR_KINDS } from "../model/model-call-error.js";
import { defaultSleep } from "./backoff.js";
import { completionPool } from "./completion-pool.js";
import type { EvaluateOptions } from "./evaluate-options.js";
import type { EvaluationSummary, StopReason } from "./evaluation-summary.js";
import { generateWithRetries, type RetryPolicy } from "./generate-with-retries.js";
import type { ModelCallError } from "../model/model-call-error.js";
import { RateLimitGate } from "./rate-limit-gate.js";
import type { RolloutResult } from "./rollout-result.js";
import { RewardMeans } from "./reward-means.js";
import type { MultiTurnSetup } from "../multi-turn/multi-turn-setup.js";
import { runMultiTurnRollout } from "../multi-turn/run-multi-turn-rollout.js";
import type { RolloutTrace } from "../tracing/rollout-trace.js";
import { RunTrace } from "../tracing/run-trace.js";
import { traceJudge } from "../tracing/trace-judge.js";
import { createRolloutJudge } from "../judge/rollout-judge.js";
import type { RubricMode } from "@sv/rubric";

/** A running evaluation: iterate it for rollouts in completion order, then read its summary. */
export interface EvaluationRun extends AsyncIterable<RolloutResult> {
  /** Resolves when the run has ended; drains rollouts nobody iterated. */
  summary(): Promise<EvaluationSummary>;
}

/** What `evaluate()` needs from its environment. */
export interface EvaluationContext {
  rows: readonly Row[];
  rubric: Rubric;
  formatPrompt(example: Row): ChatMessage[];
  /** Multi-turn mode: the model may call the flow tools (see `createMultiTurnSetup`). */
  multiTurn?: MultiTurnSetup;
  /** `judge` and `hybrid` call `options.judge` after scoring (default `executable`). */
  rubricMode?: RubricMode;
  /** Hybrid mode's weight of the rationale score (default 0.1). */
  judgeWeight?: number;
}

function positiveInteger(name: string, value: number | undefined, fallback: number, min = 1): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < min) {
    throw new EnvError({
      code: ENV_ERROR_CODES.invalidOptions,
      message: `${name} must be an integer >= ${min}, got ${value}`,
    });
  }
  return resolved;
}

/** A model's token count as recorded: unknown stays `null`; a model without token counts records 0. */
function tokens(count: number | null | undefined): number | null {
  return count === undefined ? 0 : count;
}

/** Start an evaluation (lazily: nothing runs until the run is iterated or summarised). */
export function createEvaluationRun(context: EvaluationContext, options: EvaluateOptions): EvaluationRun {
  const numExamples = Math.min(
    context.rows.length,
    positiveInteger("numExamples", options.numExamples, context.rows.length, 0),
  );
  const rollouts = positiveInteger("rolloutsPerExample", options.rolloutsPerExample, 1);
  const limit = positiveInteger("maxConcurrent", options.maxConcurrent, 32);
  const maxConsecutiveErrors = positiveInteger("maxConsecutiveErrors", options.maxConsecutiveErrors, 0, 0);
  const timeoutMs = positiveInteger("timeoutMs", options.timeoutMs, 120_000, 0);
  const now = options.now ?? (() => performance.now());
  const controller = new AbortController();
  // Every request in flight listens on the run signal; hundreds at once is expected, not a leak.
  setMaxListeners(0, controller.signal);
  const external = options.signal;
  let stopReason: StopReason | null = null;
  // Set when the spending limit is reached: no new rollout starts, those in flight finish.
  let draining = false;
  const onExternalAbort = () => {
    stopReason ??= { type: "aborted", message: "the run was aborted" };
    controller.abort(external?.reason);
  };

  const skip = options.skip;
  let total = 0;
  for (let example = 0; example < numExamples; example++) {
    for (let index = 0; index < rollouts; index++) if (!skip?.(example, index)) total++;
  }
  function* items(): Generator<[number, number]> {
    for (let example = 0; example < numExamples; example++) {
      for (let index = 0; index < rollouts; index++) if (!skip?.(example, index)) yield [example, index];
    }
  }

  let retries = 0;
  const sleep = options.sleep ?? defaultSleep;
  const gate = options.sharedRateLimit === false ? undefined : new RateLimitGate({ now, sleep });
  const policy: RetryPolicy = {
    ...options.backoff,
    maxRetries: positiveInteger("maxRetries", options.maxRetries, 5, 0),
    timeoutMs: timeoutMs === 0 ? undefined : timeoutMs,
    sleep,
    random: options.random ?? Math.random,
    gate,
    now,
  };

  const judge = createRolloutJudge({ context, options, policy, signal: controller.signal, now });
  const onJudgeRetry =
    (exampleId: number, rolloutIndex: number) => (error: ModelCallError, retry: number, delayMs: number) => {
      retries++;
      options.onRetry?.({ exampleId, rolloutIndex, retry, delayMs, errorType: `judge_${error.kind}` });
    };

  const tracing = new RunTrace(options.tracing ?? {}, options.model);
  const runRollout = ([exampleId, rolloutIndex]: [number, number]): Promise<RolloutResult | null> =>
    tracing.rollout(
      { exampleId, rolloutIndex },
      async (rollout) => {
        const result = await runScoredRollout([exampleId, rolloutIndex], rollout);
        if (result === null || !judge) return result;
        const judged = await traceJudge({
          rollout,
          judgeModel: judge.model,
          result,
          onRetry: onJudgeRetry(exampleId, rolloutIndex),
          judge: (hooks) => judge.apply(result, hooks),
        });
        if (controller.signal.aborted) return null;
        if (judged.judge?.error?.type === MODEL_ERROR_KINDS.budgetExceeded) {
          // The judge's request was refused by the spending limit: the rollout is unjudged, so it is not a
          // result (a resume runs it again, its model reply from the cache when it is on).
          stopReason ??= { type: "max_cost", message: judged.judge.error.message };
          draining = true;
          return null;
        }
        return judged;
      },
      () => (controller.signal.aborted ? "aborted" : MODEL_ERROR_KINDS.budgetExceeded),
    );

  const runScoredRollout = async (
    [exampleId, rolloutIndex]: [number, number],
    rollout: RolloutTrace,
  ): Promise<RolloutResult | null> => {
    const row = context.rows[exampleId]!;
    const prompt = context.formatPrompt(row);
    const started = now();
    const onRetry = (error: ModelCallError, retry: number, delayMs: number) => {
      retries++;
      options.onRetry?.({ exampleId, rolloutIndex, retry, delayMs, errorType: error.kind });
    };
    if (context.multiTurn) {
      const multiTurn = await runMultiTurnRollout({
        setup: context.multiTurn,
        row,
        prompt,
        rubric: { ...context.rubric, score: (input) => rollout.score(() => context.rubric.score(input)) },
        generate: (messages, tools) =>
          rollout.turn(() =>
            generateWithRetries(
              options.model,
              { messages, samplingArgs: options.samplingArgs, tools, rolloutIndex },
              { ...policy, ...rollout.attemptHooks(onRetry) },
              controller.signal,
            ),
          ),
        wrapAnswer: (call, answer) => rollout.toolCall(call, answer),
        now,
        started,
      });
      if (controller.signal.aborted) return null;
      if (multiTurn.error?.type === MODEL_ERROR_KINDS.budgetExceeded) {
        // A turn refused by the spending limit: the conversation is unfinished, so it is not a result.
        stopReason ??= { type: "max_cost", message: multiTurn.error.message };
        draining = true;
        return null;
      }
      return { example_id: exampleId, rollout_index: rolloutIndex, ...multiTurn };
    }
    const outcome = await generateWithRetries(
      options.model,
      { messages: prompt, samplingArgs: options.samplingArgs, rolloutIndex },
      { ...policy, ...rollout.attemptHooks(onRetry) },
      controller.signal,
    );
    if (controller.signal.aborted) return null;
    if (!outcome.ok && outcome.error.kind === MODEL_ERROR_KINDS.budgetExceeded) {
      stopReason ??= { type: "max_cost", message: outcome.error.message };
      draining = true;
      return null;
    }
    const generated = now();
    const completion = outcome.ok ? outcome.result.text : "";
    const scored = rollout.score(() => context.rubric.score({ completion, answer: row.answer }));
    const finished = now();
    // A failed reply can still have been billed (no content after max_tokens): its tokens are kept.
    const usage = outcome.ok ? outcome.result.usage : outcome.error.usage;
    return {
      example_id: exampleId,
      rollout_index: rolloutIndex,
      prompt,
      completion,
      answer: row.answer,
      reward: scored.reward,
      metrics: scored.rewards,
      parsed: { label: scored.label, confidence: scored.confidence },
      info: row.meta,
      token_usage: { input_tokens: tokens(usage?.inputTokens), output_tokens: tokens(usage?.outputTokens) },
      timing: {
        generation_ms: generated - started,
        scoring_ms: finished - generated,
        total_ms: finished - started,
      },
      attempts: outcome.attempts,
      error: outcome.ok ? null : { type: outcome.error.kind, message: outcome.error.message },
      ...(outcome.ok && outcome.result.refusal !== undefined ? { refusal: outcome.result.refusal } : {}),
      ...(outcome.ok && outcome.result.cached === true ? { cached: true as const } : {}),
    };
  };

  const metrics = new RunMetricsAccumulator();
  const means = new RewardMeans();
  const usage = { input_tokens: 0, output_tokens: 0 };
  let done = 0;
  let errors = 0;
  let unknownUsage = 0;
  let refusals = 0;
  let consecutiveErrors = 0;
  let startedAt = 0;
  let summary: EvaluationSummary | undefined;

  async function* run(): AsyncGenerator<RolloutResult> {
    startedAt = now();
    tracing.start(total);
    if (external?.aborted) onExternalAbort();
    external?.addEventListener("abort", onExternalAbort, { once: true });
    // A first report before any rollout, so a progress display can show the run at 0 (ETA unknown).
    options.onProgress?.({
      done: 0,
      total,
      errors: 0,
      retries: 0,
      meanReward: Number.NaN,
      elapsedMs: 0,
      rateLimitPauses: 0,
      rateLimitPausedMs: 0,
    });
    try {
      for await (const result of completionPool(
        items(),
        limit,
        runRollout,
        () => controller.signal.aborted || draining,
      )) {
        if (result === null) continue;
        done++;
        const { input_tokens: input, output_tokens: output } = result.token_usage;
        if (input === null || output === null) unknownUsage++;
        usage.input_tokens += input ?? 0;
        usage.output_tokens += output ?? 0;
        if (result.refusal !== undefined) refusals++;
        judge?.count(result);
        if (result.error) {
          errors++;
          consecutiveErrors++;
        } else {
          consecutiveErrors = 0;
          means.add(result.reward, result.metrics);
          metrics.add({
            label: result.parsed.label,
            confidence: result.parsed.confidence,
            answer: result.answer,
          });
        }
        options.onProgress?.({
          done,
          total,
          errors,
          retries,
          meanReward: means.result().reward,
          elapsedMs: now() - startedAt,
          rateLimitPauses: gate?.pauses ?? 0,
          rateLimitPausedMs: gate?.pausedMs ?? 0,
        });
        yield result;
        if (maxConsecutiveErrors > 0 && consecutiveErrors >= maxConsecutiveErrors && !stopReason) {
          stopReason = {
            type: "max_consecutive_errors",
            message: `${consecutiveErrors} rollouts in a row failed (last: ${result.error?.type}: ${result.error?.message})`,
          };
          controller.abort();
        }
      }
    } finally {
      external?.removeEventListener("abort", onExternalAbort);
      if (!controller.signal.aborted) controller.abort();
      summary = {
        total,
        done,
        errors,
        retries,
        rewards: means.result(),
        metrics: metrics.result(),
        usage,
        unknownUsage,
        refusals,
        elapsedMs: now() - startedAt,
        rateLimitPauses: gate?.pauses ?? 0,
        rateLimitPausedMs: gate?.pausedMs ?? 0,
        stopReason,
        ...(judge ? { judge: judge.summary() } : {}),
      };
      tracing.end(summary);
    }
  }

  const generator = run();
  let iterated = false;
  return {
    [Symbol.asyncIterator]() {
      if (iterated) {
        throw new EnvError({
          code: ENV_ERROR_CODES.invalidOptions,
          message: "an evaluation run can be iterated once",
        });
      }
      iterated = true;
      return generator;
    },
    async summary() {
      if (!summary) for await (const _ of generator) void _;
      iterated = true;
      return summary!;
    },
  };
}
