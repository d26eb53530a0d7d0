import {
  type Attributes,
  type Context,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { SPAN_ATTRIBUTES } from "./span-attributes.js";
import type { SpanName } from "./span-names.js";

/** What a {@link StepWrapper} is told about the step it wraps. */
export interface WrappedStep {
  name: SpanName;
  /** Attributes known when the step starts (ids, model, attempt number). */
  inputs: Readonly<Attributes>;
  /** Every attribute the step recorded; read it once `run` has settled to get the step's outcome. */
  outputs(): Readonly<Attributes>;
}

/**
 * Runs an asynchronous step (rollout, turn, model call, judge call) inside another tracer as well, e.g.
 * a W&B Weave op. It must call `run` exactly once and settle as `run` does.
 */
export type StepWrapper = <T>(step: WrappedStep, run: () => Promise<T>) => Promise<T>;

/** Where a step's span goes: the tracer, its parent and the optional wrapper. */
export interface StepScope {
  tracer: Tracer;
  parent: Context;
  wrap?: StepWrapper;
}

/** An attribute value as steps pass it: `undefined` and `null` mean unknown and are left out. */
export type StepAttributes = Record<string, string | number | boolean | string[] | null | undefined>;

function defined(attributes: StepAttributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "number" && !Number.isFinite(value)) continue;
    kept[key] = value;
  }
  return kept;
}

/** One running step: its span, the attributes it recorded and the context its children start in. */
export class TraceStep {
  readonly context: Context;
  private readonly recorded: Attributes;
  private hasFailed = false;

  /**
   * Whether anything reads this step's attributes: a recording span (an SDK is registered) or a
   * wrapper. When false, attributes are not even computed (the default no-op costs next to nothing).
   */
  readonly recording: boolean;

  constructor(
    private readonly span: Span,
    parent: Context,
    inputs: Attributes,
    private readonly keep: boolean,
  ) {
    this.context = trace.setSpan(parent, span);
    this.recorded = keep ? { ...inputs } : {};
    this.recording = keep || span.isRecording();
  }

  /** Set attributes; `null`/`undefined` values (unknown) are left out, never written as 0. */
  set(attributes: StepAttributes): void {
    if (!this.recording) return;
    const kept = defined(attributes);
    this.span.setAttributes(kept);
    if (this.keep) Object.assign(this.recorded, kept);
  }

  /** Mark the step failed with an error type (a kind, never a message: messages can quote replies). */
  fail(errorType: string): void {
    this.hasFailed = true;
    if (!this.recording) return;
    this.set({ [SPAN_ATTRIBUTES.errorType]: errorType });
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
  }

  /** Whether {@link fail} was called. */
  get failed(): boolean {
    return this.hasFailed;
  }

  /** Everything recorded so far. */
  attributes(): Readonly<Attributes> {
    return this.recorded;
  }

  end(): void {
    this.span.end();
  }
}

/** Start a step's span as a child of the scope's parent. */
export function startStep(scope: StepScope, name: SpanName, inputs: StepAttributes = {}): TraceStep {
  const attributes = defined(inputs);
  const span = scope.tracer.startSpan(name, { attributes }, scope.parent);
  return new TraceStep(span, scope.parent, attributes, scope.wrap !== undefined);
}

function failOnThrow(step: TraceStep, error: unknown): void {
  if (!step.failed) step.fail(error instanceof Error ? error.name : "exception");
}

/**
 * Run an asynchronous step in its own span (and in the scope's wrapper, when there is one). A throw marks
 * the span failed with the error's class name and is rethrown; the span always ends.
 */
export async function runStep<T>(
  scope: StepScope,
  name: SpanName,
  inputs: StepAttributes,
  fn: (step: TraceStep) => Promise<T>,
): Promise<T> {
  const step = startStep(scope, name, inputs);
  const run = async () => {
    try {
      return await fn(step);
    } catch (error) {
      failOnThrow(step, error);
      throw error;
    }
  };
  try {
    if (!scope.wrap) return await run();
    return await scope.wrap(
      { name, inputs: { ...step.attributes() }, outputs: () => step.attributes() },
      run,
    );
  } finally {
    step.end();
  }
}

/** {@link runStep} for a synchronous step (scoring, answering a tool call); never wrapped. */
export function runSyncStep<T>(
  scope: StepScope,
  name: SpanName,
  inputs: StepAttributes,
  fn: (step: TraceStep) => T,
): T {
  const step = startStep(scope, name, inputs);
  try {
    return fn(step);
  } catch (error) {
    failOnThrow(step, error);
    throw error;
  } finally {
    step.end();
  }
}
