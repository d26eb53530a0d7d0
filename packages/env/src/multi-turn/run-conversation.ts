import type { ChatMessage } from "@sv/parser";
import type { GenerateResult, ToolCall, ToolDefinition } from "../model/chat-model.js";
import type { ModelCallError } from "../model/model-call-error.js";
import type { GenerateOutcome } from "../evaluate/generate-with-retries.js";
import type { ToolAnswer } from "./flow-tools.js";
import type { ConversationOutcome, RecordedToolCall, RecordedToolResult } from "./tool-record.js";

export interface RunConversationOptions {
  /** The system prompt and the question. */
  prompt: readonly ChatMessage[];
  tools: readonly ToolDefinition[];
  /** Model requests allowed (each one a turn, at least 1). */
  maxTurns: number;
  /** One model request (with its retries); never throws. */
  generate: (messages: ChatMessage[], tools: readonly ToolDefinition[]) => Promise<GenerateOutcome>;
  answer: (call: ToolCall) => ToolAnswer;
}

/** A finished conversation: the messages after the prompt and what happened. */
export interface Conversation {
  /** Assistant and tool messages in order (the rollout's `completion`). */
  messages: ChatMessage[];
  /** The text to score: the last assistant reply; empty when the turn budget ran out or the model failed. */
  answerText: string;
  outcome: ConversationOutcome;
  calls: RecordedToolCall[];
  results: RecordedToolResult[];
  turns: number;
  /** Requests made, retries included. */
  attempts: number;
  /** Summed over turns; `null` once any turn's count is unknown. */
  usage: { inputTokens: number | null; outputTokens: number | null };
  refusal?: string;
  error?: ModelCallError;
  /** Every turn was answered by a response cache (no request made, nothing paid). */
  cached?: true;
  /** Turns a response cache answered (nothing paid for them), whether or not every turn was. */
  cachedTurns: number;
  /** Tokens of those turns, summed as {@link usage} is: what the run did not pay for. */
  cachedUsage: { inputTokens: number | null; outputTokens: number | null };
}

function addTokens(total: number | null, count: number | null | undefined): number | null {
  if (total === null || count === null) return null;
  return total + (count ?? 0);
}

function assistantTurn(result: GenerateResult, calls: ToolCall[]): ChatMessage {
  return {
    role: "assistant",
    content: result.text === "" ? null : result.text,
    tool_calls: calls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    })),
  };
}

/**
 * The multi-turn loop: ask the model; while it calls tools (and turns remain), answer each call with a
 * `tool` message and ask again. The conversation ends with a reply without tool calls (answered), with
 * the budget spent on tool calls (turn_budget_exhausted: scored as no answer) or with a failed request.
 */
export async function runConversation(options: RunConversationOptions): Promise<Conversation> {
  const messages: ChatMessage[] = [];
  const calls: RecordedToolCall[] = [];
  const results: RecordedToolResult[] = [];
  const usage: Conversation["usage"] = { inputTokens: 0, outputTokens: 0 };
  const cachedUsage: Conversation["usage"] = { inputTokens: 0, outputTokens: 0 };
  let attempts = 0;
  let allCached = true;
  let cachedTurns = 0;
  const finish = (outcome: ConversationOutcome, turns: number, extra: Partial<Conversation> = {}) => ({
    messages,
    answerText: "",
    outcome,
    calls,
    results,
    turns,
    attempts,
    usage,
    cachedTurns,
    cachedUsage,
    ...(allCached && outcome !== "model_error" ? { cached: true as const } : {}),
    ...extra,
  });
  for (let turn = 1; turn <= options.maxTurns; turn++) {
    const outcome = await options.generate([...options.prompt, ...messages], options.tools);
    attempts += outcome.attempts;
    if (!outcome.ok) return finish("model_error", turn, { error: outcome.error });
    const { result } = outcome;
    if (result.cached !== true) allCached = false;
    else {
      cachedTurns++;
      cachedUsage.inputTokens = addTokens(cachedUsage.inputTokens, result.usage?.inputTokens);
      cachedUsage.outputTokens = addTokens(cachedUsage.outputTokens, result.usage?.outputTokens);
    }
    usage.inputTokens = addTokens(usage.inputTokens, result.usage?.inputTokens);
    usage.outputTokens = addTokens(usage.outputTokens, result.usage?.outputTokens);
    const toolCalls = result.toolCalls ?? [];
    if (toolCalls.length === 0) {
      messages.push({ role: "assistant", content: result.text });
      const refusal = result.refusal === undefined ? {} : { refusal: result.refusal };
      return finish("answered", turn, { answerText: result.text, ...refusal });
    }
    messages.push(assistantTurn(result, toolCalls));
    for (const call of toolCalls) {
      calls.push({ id: call.id, name: call.name, arguments: call.arguments, turn });
      const answer = options.answer(call);
      results.push({ id: call.id, name: call.name, ok: answer.ok, content: answer.content });
      messages.push({ role: "tool", tool_call_id: call.id, content: answer.content });
    }
  }
  return finish("turn_budget_exhausted", options.maxTurns);
}
