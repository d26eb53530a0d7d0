import type { ScoredCompletion } from "@sv/rubric";
import type { GenerateOutcome } from "../evaluate/generate-with-retries.js";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import type { ChatModel, GenerateResult, ToolCall } from "../model/chat-model.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { FLOW_TOOL_NAMES, type ToolAnswer } from "../multi-turn/flow-tools.js";
import { rewardAttributes, rolloutAttributes } from "./rollout-attributes.js";
import { SPAN_ATTRIBUTES } from "./span-attributes.js";
import { SPAN_NAMES } from "./span-names.js";
import {
  runStep,
  runSyncStep,
  type StepAttributes,
  type StepScope,
  startStep,
  type TraceStep,
} from "./traced-step.js";
import type { TracingOptions } from "./tracing-options.js";

const KNOWN_TOOLS = new Set<string>(Object.values(FLOW_TOOL_NAMES));

/** Hooks of a retry policy (see `generateWithRetries`) that trace attempts and retry waits. */
export interface AttemptHooks {
  wrapAttempt: (attempt: number, run: () => Promise<GenerateResult>) => Promise<GenerateResult>;
  onRetry: (error: ModelCallError, retry: number, delayMs: number) => void;
}

function tokenAttributes(usage: GenerateResult["usage"]): StepAttributes {
  return {
    [SPAN_ATTRIBUTES.inputTokens]: usage?.inputTokens,
    [SPAN_ATTRIBUTES.outputTokens]: usage?.outputTokens,
  };
}

/**
 * The spans of one rollout: its model-call attempts, retry waits, turns, tool calls, scoring and judge
 * calls, all children of the rollout's span (attempts of a multi-turn rollout: children of their turn).
 */
export class RolloutTrace {
  private childScope: StepScope | undefined;
  private turns = 0;
  private waiting: TraceStep | undefined;

  constructor(
    private readonly step: TraceStep,
    private readonly scope: StepScope,
    private readonly model: StepAttributes,
    private readonly costUsd: TracingOptions["costUsd"],
  ) {}

  /**
   * Retry-policy hooks: a `sv.model_call` span per attempt, a `sv.retry` span per wait, children of the
   * current turn or judge call, else of the rollout. `model`: another model than the one evaluated (the judge).
   */
  attemptHooks(
    onRetry?: AttemptHooks["onRetry"],
    model?: Pick<ChatModel, "modelId" | "provider">,
  ): AttemptHooks {
    const modelAttributes = model
      ? { [SPAN_ATTRIBUTES.model]: model.modelId, [SPAN_ATTRIBUTES.provider]: model.provider }
      : this.model;
    return {
      wrapAttempt: (attempt, run) => {
        this.endWait();
        const inputs = {
          ...modelAttributes,
          [SPAN_ATTRIBUTES.operation]: "chat",
          [SPAN_ATTRIBUTES.attempt]: attempt,
        };
        return runStep(this.childScope ?? this.scope, SPAN_NAMES.modelCall, inputs, async (step) => {
          try {
            const result = await run();
            if (!step.recording) return result;
            step.set({
              ...tokenAttributes(result.usage),
              [SPAN_ATTRIBUTES.cached]: result.cached === true,
              [SPAN_ATTRIBUTES.finishReason]: result.finishReason ? [result.finishReason] : undefined,
              [SPAN_ATTRIBUTES.toolCalls]: result.toolCalls?.length,
            });
            return result;
          } catch (error) {
            step.fail(ModelCallError.isInstance(error) ? error.kind : MODEL_ERROR_KINDS.client);
            throw error;
          }
        });
      },
      onRetry: (error, retry, delayMs) => {
        onRetry?.(error, retry, delayMs);
        this.endWait();
        this.waiting = startStep(this.childScope ?? this.scope, SPAN_NAMES.retry, {
          [SPAN_ATTRIBUTES.retry]: retry,
          [SPAN_ATTRIBUTES.retryDelayMs]: Math.round(delayMs),
          [SPAN_ATTRIBUTES.errorType]: error.kind,
        });
      },
    };
  }

  /** Multi-turn mode: one model request of the conversation, in a `sv.turn` span. */
  turn(request: () => Promise<GenerateOutcome>): Promise<GenerateOutcome> {
    const turn = ++this.turns;
    return runStep(this.scope, SPAN_NAMES.turn, { [SPAN_ATTRIBUTES.turn]: turn }, async (step) => {
      this.childScope = { ...this.scope, parent: step.context };
      try {
        const outcome = await request();
        step.set({ [SPAN_ATTRIBUTES.attempts]: outcome.attempts });
        if (outcome.ok) {
          step.set({
            ...tokenAttributes(outcome.result.usage),
            [SPAN_ATTRIBUTES.toolCalls]: outcome.result.toolCalls?.length ?? 0,
          });
        } else step.fail(outcome.error.kind);
        return outcome;
      } finally {
        this.endWait();
        this.childScope = undefined;
      }
    });
  }

  /** Multi-turn mode: answering one tool call, in a `sv.tool_call` span (the name, never the arguments). */
  toolCall(call: ToolCall, answer: () => ToolAnswer): ToolAnswer {
    const inputs = {
      [SPAN_ATTRIBUTES.toolName]: KNOWN_TOOLS.has(call.name) ? call.name : "unknown",
      [SPAN_ATTRIBUTES.turn]: this.turns,
    };
    return runSyncStep(this.scope, SPAN_NAMES.toolCall, inputs, (step) => {
      const result = answer();
      step.set({ [SPAN_ATTRIBUTES.toolOk]: result.ok });
      if (!result.ok) step.fail("tool_error");
      return result;
    });
  }

  /** Scoring a reply, in a `sv.score` span: the parsed label, confidence, reward and each metric. */
  score(score: () => ScoredCompletion): ScoredCompletion {
    return runSyncStep(this.scope, SPAN_NAMES.score, {}, (step) => {
      const scored = score();
      if (!step.recording) return scored;
      step.set({
        [SPAN_ATTRIBUTES.label]: scored.label,
        [SPAN_ATTRIBUTES.confidence]: scored.confidence,
        ...rewardAttributes(scored.reward, scored.rewards),
      });
      return scored;
    });
  }

  /**
   * A judge model's call, in a `sv.judge_call` span (child of the rollout); pass
   * `attemptHooks(onRetry, judgeModel)` to its retry policy so its attempts are children of it. `call` may
   * record what it learns (verdict, tokens, cached, error type) with `step.set` / `step.fail`; never the
   * judge's prompt or reply text.
   */
  judgeCall<T>(call: (step: TraceStep) => Promise<T>, inputs: StepAttributes = {}): Promise<T> {
    return runStep(this.scope, SPAN_NAMES.judgeCall, inputs, async (step) => {
      // Attempts made during the call (with `attemptHooks`) are children of the judge call.
      this.childScope = { ...this.scope, parent: step.context };
      try {
        return await call(step);
      } finally {
        this.endWait();
        this.childScope = undefined;
      }
    });
  }

  /** Record the rollout's outcome on its span; `null`: the rollout was not recorded (aborted, no budget). */
  finish(result: RolloutResult | null, notRecorded = "aborted"): void {
    this.endWait();
    if (!this.step.recording) return;
    if (result === null) {
      this.step.set({ [SPAN_ATTRIBUTES.outcome]: notRecorded });
      return;
    }
    this.step.set(rolloutAttributes(result, this.costUsd));
    if (result.error) this.step.fail(result.error.type);
  }

  private endWait(): void {
    this.waiting?.end();
    this.waiting = undefined;
  }
}
