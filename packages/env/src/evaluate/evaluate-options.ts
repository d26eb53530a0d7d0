import type { JudgeOptions } from "../judge/judge-options.js";
import type { ChatModel, SamplingArgs } from "../model/chat-model.js";
import type { TracingOptions } from "../tracing/tracing-options.js";
import type { BackoffOptions } from "./backoff.js";
import type { EvaluationProgress } from "./evaluation-summary.js";

/** Options of `environment.evaluate()`. */
export interface EvaluateOptions {
  model: ChatModel;
  /** Evaluate the first N examples of the environment's dataset (default all). */
  numExamples?: number;
  /** Rollouts of each example (default 1). */
  rolloutsPerExample?: number;
  /** Requests in flight at once (default 32). */
  maxConcurrent?: number;
  samplingArgs?: SamplingArgs;
  /**
   * The judge, required when the environment's `rubricMode` is `judge` or `hybrid` (and refused
   * otherwise). Judge calls use this run's retry policy (`maxRetries`, `timeoutMs`, backoff, the shared
   * rate-limit pause); their retries are counted in `retries` and reported to `onRetry` with an
   * `errorType` of `judge_<kind>`.
   */
  judge?: JudgeOptions;
  /** Stops the run cleanly: no new rollouts start; those in flight are cancelled and not yielded. */
  signal?: AbortSignal;
  /** Called once when the run starts (`done: 0`, `meanReward` NaN) and after each rollout. */
  onProgress?: (progress: EvaluationProgress) => void;
  /** Retries after the first attempt (default 5). */
  maxRetries?: number;
  /** Per-request timeout in ms (default 120 000; 0 disables). */
  timeoutMs?: number;
  /** Stop after this many rollouts in a row failed (after their retries); 0 disables (default). */
  maxConsecutiveErrors?: number;
  backoff?: BackoffOptions;
  /**
   * Pool-wide rate limiting (default true): after any 429, no new attempt of the run (new rollout or
   * retry) starts until the server's `Retry-After` (else the request's backoff) has passed; later 429s
   * can extend the pause, never shorten it. Requests in flight finish normally. `false`: only the
   * rate-limited request backs off.
   */
  sharedRateLimit?: boolean;
  /** Skip rollouts already done (resume). */
  skip?: (exampleId: number, rolloutIndex: number) => boolean;
  /** Injected for tests: backoff and rate-limit sleep, jitter source, clock (the same clock as `sleep`). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Called before each retry's wait. */
  onRetry?: (info: {
    exampleId: number;
    rolloutIndex: number;
    retry: number;
    delayMs: number;
    errorType: string;
  }) => void;
  /**
   * OpenTelemetry spans of the run (a `sv.evaluate` span, a `sv.rollout` span per rollout with its model
   * calls, retries, turns, tool calls and scoring). Default: the global tracer provider, a no-op until the
   * application registers an SDK.
   */
  tracing?: TracingOptions;
}
