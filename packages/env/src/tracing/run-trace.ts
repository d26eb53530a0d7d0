import { context, trace } from "@opentelemetry/api";
import type { EvaluationSummary } from "../evaluate/evaluation-summary.js";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import type { ChatModel } from "../model/chat-model.js";
import { ENV_ID, ENV_VERSION } from "../version.js";
import { RolloutTrace } from "./rollout-trace.js";
import { SPAN_ATTRIBUTES } from "./span-attributes.js";
import { SPAN_NAMES } from "./span-names.js";
import { runStep, type StepScope, startStep, type TraceStep } from "./traced-step.js";
import type { TracingOptions } from "./tracing-options.js";

/** The instrumentation scope of `@sv/env`'s spans. */
export const TRACER_NAME = "@sv/env";

/** Which rollout a span is about. */
export interface RolloutIds {
  exampleId: number;
  rolloutIndex: number;
}

/** The spans of one evaluation run: a `sv.evaluate` span and one `sv.rollout` span per rollout. */
export class RunTrace {
  private readonly scope: StepScope;
  private readonly model;
  private runStepSpan: TraceStep | undefined;

  constructor(
    private readonly options: TracingOptions,
    chatModel: Pick<ChatModel, "modelId" | "provider">,
  ) {
    this.scope = {
      tracer: options.tracer ?? trace.getTracer(TRACER_NAME, ENV_VERSION),
      parent: options.parentContext ?? context.active(),
      wrap: options.wrapStep,
    };
    this.model = {
      [SPAN_ATTRIBUTES.model]: chatModel.modelId,
      [SPAN_ATTRIBUTES.provider]: chatModel.provider,
    };
  }

  /** Open the run's span (once). */
  start(total: number): void {
    this.runStepSpan ??= startStep(this.scope, SPAN_NAMES.evaluate, {
      ...this.model,
      "sv.env_id": ENV_ID,
      [SPAN_ATTRIBUTES.total]: total,
    });
  }

  /** Run one rollout in its span; `fn` returns the result, or `null` when it is not recorded. */
  rollout(
    ids: RolloutIds,
    fn: (trace: RolloutTrace) => Promise<RolloutResult | null>,
    notRecorded: () => string = () => "aborted",
  ): Promise<RolloutResult | null> {
    const parent = this.runStepSpan?.context ?? this.scope.parent;
    const inputs = {
      ...this.model,
      [SPAN_ATTRIBUTES.exampleId]: ids.exampleId,
      [SPAN_ATTRIBUTES.rolloutIndex]: ids.rolloutIndex,
    };
    return runStep({ ...this.scope, parent }, SPAN_NAMES.rollout, inputs, async (step) => {
      const rollout = new RolloutTrace(
        step,
        { ...this.scope, parent: step.context },
        this.model,
        this.options.costUsd,
      );
      try {
        const result = await fn(rollout);
        rollout.finish(result, notRecorded());
        return result;
      } catch (error) {
        rollout.finish(null, "exception");
        throw error;
      }
    });
  }

  /** Close the run's span with the summary's counts (mean reward only when a rollout succeeded). */
  end(summary: EvaluationSummary): void {
    const step = this.runStepSpan;
    if (!step) return;
    const scored = summary.done - summary.errors;
    step.set({
      [SPAN_ATTRIBUTES.done]: summary.done,
      [SPAN_ATTRIBUTES.errors]: summary.errors,
      [SPAN_ATTRIBUTES.retries]: summary.retries,
      [SPAN_ATTRIBUTES.meanReward]: scored > 0 ? summary.rewards.reward : undefined,
      [SPAN_ATTRIBUTES.stopReason]: summary.stopReason?.type,
      [SPAN_ATTRIBUTES.inputTokens]: summary.usage.input_tokens,
      [SPAN_ATTRIBUTES.outputTokens]: summary.usage.output_tokens,
    });
    if (summary.stopReason && summary.stopReason.type !== "aborted") step.fail(summary.stopReason.type);
    step.end();
    this.runStepSpan = undefined;
  }
}
