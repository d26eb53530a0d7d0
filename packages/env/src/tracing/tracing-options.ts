import type { Context, Tracer } from "@opentelemetry/api";
import type { StepWrapper } from "./traced-step.js";

/** Tokens of one rollout, as its row records them (`null`: unknown). */
export interface RolloutTokens {
  inputTokens: number | null;
  outputTokens: number | null;
}

/**
 * Tracing of `evaluate()` (OpenTelemetry). Without any option the spans go to the global tracer
 * provider, which is a no-op until the application registers an OpenTelemetry SDK.
 */
export interface TracingOptions {
  /** Default: `trace.getTracer("@sv/env")` of the global provider. */
  tracer?: Tracer;
  /** The context the run's span is a child of (default: the active context when `evaluate()` starts). */
  parentContext?: Context;
  /** Dollars a rollout's tokens cost; `null` when the price is unknown (no cost attribute then). */
  costUsd?: (tokens: RolloutTokens) => number | null;
  /** Also runs each asynchronous step (rollout, turn, model call, judge call) in another tracer (Weave). */
  wrapStep?: StepWrapper;
}
