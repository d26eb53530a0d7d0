import type { Context, Tracer } from "@opentelemetry/api";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import type { StepWrapper } from "./traced-step.js";

/**
 * Tracing of `evaluate()` (OpenTelemetry). Without any option the spans go to the global tracer
 * provider, which is a no-op until the application registers an OpenTelemetry SDK.
 */
export interface TracingOptions {
  /** Default: `trace.getTracer("@sv/env")` of the global provider. */
  tracer?: Tracer;
  /** The context the run's span is a child of (default: the active context when `evaluate()` starts). */
  parentContext?: Context;
  /**
   * Dollars a finished rollout cost (as your run's accounting counts it: cached turns, billed failures);
   * `null` when unknown (no cost attribute then).
   */
  costUsd?: (rollout: RolloutResult) => number | null;
  /** Also runs each asynchronous step (rollout, turn, model call, judge call) in another tracer (Weave). */
  wrapStep?: StepWrapper;
}
