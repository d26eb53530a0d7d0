import type { Row } from "@sv/dataset";
import type { ChatMessage } from "@sv/parser";
import type { Rubric } from "@sv/rubric";
import type { GenerateOutcome } from "../evaluate/generate-with-retries.js";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import type { ToolCall, ToolDefinition } from "../model/chat-model.js";
import { answerFlowTool, type ToolAnswer } from "./flow-tools.js";
import type { MultiTurnSetup } from "./multi-turn-setup.js";
import { runConversation } from "./run-conversation.js";

export interface RunMultiTurnRolloutOptions {
  setup: MultiTurnSetup;
  row: Row;
  prompt: ChatMessage[];
  rubric: Rubric;
  generate: (messages: ChatMessage[], tools: readonly ToolDefinition[]) => Promise<GenerateOutcome>;
  now: () => number;
  /** When the rollout started, on the `now` clock. */
  started: number;
  /** Wraps the answer to each tool call (tracing). */
  wrapAnswer?: (call: ToolCall, answer: () => ToolAnswer) => ToolAnswer;
}

/** A token count as recorded: unknown stays `null`, a model without counts records 0. */
const tokens = (count: number | null | undefined): number | null => (count === undefined ? 0 : count);

/**
 * One multi-turn rollout: the conversation with the flow tools, then the last reply scored by the
 * rubric, charged `costs.toolCall` per tool call. The completion is the message list after the prompt.
 */
export async function runMultiTurnRollout(
  options: RunMultiTurnRolloutOptions,
): Promise<Omit<RolloutResult, "example_id" | "rollout_index">> {
  const { setup, row, rubric, now, started } = options;
  const scope = setup.scopeOf(row);
  const conversation = await runConversation({
    prompt: options.prompt,
    tools: setup.tools,
    maxTurns: setup.maxTurns,
    generate: options.generate,
    answer: (call) => {
      const answer = () => answerFlowTool({ call, index: setup.index, scope });
      return options.wrapAnswer ? options.wrapAnswer(call, answer) : answer();
    },
  });
  const generated = now();
  const scored = rubric.score({
    completion: conversation.answerText,
    answer: row.answer,
    toolCalls: conversation.calls.length,
  });
  const finished = now();
  const { error } = conversation;
  return {
    prompt: options.prompt,
    completion: conversation.messages,
    answer: row.answer,
    reward: scored.reward,
    metrics: scored.rewards,
    parsed: { label: scored.label, confidence: scored.confidence },
    info: row.meta,
    token_usage: {
      input_tokens: tokens(conversation.usage.inputTokens),
      output_tokens: tokens(conversation.usage.outputTokens),
    },
    timing: {
      generation_ms: generated - started,
      scoring_ms: finished - generated,
      total_ms: finished - started,
    },
    attempts: conversation.attempts,
    error: error ? { type: error.kind, message: error.message } : null,
    ...(conversation.refusal === undefined ? {} : { refusal: conversation.refusal }),
    ...(conversation.cached ? { cached: true as const } : {}),
    tools: {
      calls: conversation.calls,
      results: conversation.results,
      turns: conversation.turns,
      maxTurns: setup.maxTurns,
      outcome: conversation.outcome,
      errors: conversation.results.filter((result) => !result.ok).length,
      cost: scored.toolCost,
      ...(conversation.cachedTurns > 0
        ? {
            cachedTurns: conversation.cachedTurns,
            cachedTokens: {
              input_tokens: tokens(conversation.cachedUsage.inputTokens),
              output_tokens: tokens(conversation.cachedUsage.outputTokens),
            },
          }
        : {}),
    },
  };
}
