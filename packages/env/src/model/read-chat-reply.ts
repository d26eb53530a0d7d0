import type { GenerateResult, TokenUsage, ToolCall } from "./chat-model.js";
import { MODEL_ERROR_KINDS, ModelCallError, type ModelErrorKind } from "./model-call-error.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Throw a {@link ModelCallError}; `usage` is kept when the server reported a count (billed tokens). */
function fail(kind: ModelErrorKind, message: string, usage?: TokenUsage): never {
  const reported = usage !== undefined && (usage.inputTokens != null || usage.outputTokens != null);
  throw new ModelCallError({ kind, message, ...(reported ? { usage } : {}) });
}

/** A token count as a server reports it: a non-negative integer, else unknown (`null`). */
function tokenCount(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

function readUsage(usage: unknown): TokenUsage {
  const fields = isObject(usage) ? usage : {};
  return {
    inputTokens: tokenCount(fields.prompt_tokens),
    outputTokens: tokenCount(fields.completion_tokens),
  };
}

/** The text and refusal of a content given as a list of parts (`[{type: "text", text}, …]`). */
function readParts(parts: unknown[]): { text: string | undefined; refusal: string | undefined } {
  const texts: string[] = [];
  const refusals: string[] = [];
  for (const part of parts) {
    if (typeof part === "string") texts.push(part);
    else if (isObject(part) && typeof part.text === "string") texts.push(part.text);
    else if (isObject(part) && typeof part.refusal === "string") refusals.push(part.refusal);
  }
  return {
    text: texts.length > 0 ? texts.join("") : undefined,
    refusal: refusals.length > 0 ? refusals.join("\n") : undefined,
  };
}

/**
 * The reply's tool calls (`tool_calls`, function type). A call without a function name is malformed; one
 * without an id (some local servers) gets `call_<index>`, so its answer can still refer to it.
 */
function readToolCalls(message: Json): ToolCall[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  return calls.map((call, index) => {
    const fn = isObject(call) && isObject(call.function) ? call.function : undefined;
    if (typeof fn?.name !== "string") {
      fail(MODEL_ERROR_KINDS.badResponse, `the reply's tool call ${index} has no function name`);
    }
    const id = isObject(call) && typeof call.id === "string" && call.id !== "" ? call.id : `call_${index}`;
    const args = typeof fn.arguments === "string" ? fn.arguments : JSON.stringify(fn.arguments ?? {});
    return { id, name: fn.name, arguments: args };
  });
}

function toolNames(message: Json): string[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  const names = calls.map((call) =>
    isObject(call) && isObject(call.function) && typeof call.function.name === "string"
      ? call.function.name
      : "?",
  );
  if (isObject(message.function_call)) names.push(String(message.function_call.name ?? "?"));
  return names;
}

/**
 * Read a chat-completions reply into a {@link GenerateResult}. The text is the first choice's content
 * (a string, or its text parts joined); a refusal comes back as `refusal` with empty text. A reply with
 * no choice throws `no_choice`; one with no content (null, a tool call, parts without text) and no
 * refusal throws `no_content`, so a broken endpoint is counted as failing, never as a model that
 * answered nothing; with `acceptToolCalls` a reply holding tool calls returns them (`toolCalls`) with its
 * text, possibly empty. Token counts that are missing, null, negative or fractional are unknown (`null`).
 */
export interface ReadChatReplyOptions {
  /** The request offered tools: a reply with tool calls is a turn, not a missing answer. */
  acceptToolCalls?: boolean;
}

export function readChatReply(response: unknown, options: ReadChatReplyOptions = {}): GenerateResult {
  if (!isObject(response) || !Array.isArray(response.choices)) {
    fail(MODEL_ERROR_KINDS.badResponse, "the endpoint's reply is not a chat completion (no `choices` array)");
  }
  const usage = readUsage(response.usage);
  const choice: unknown = response.choices[0];
  if (choice === undefined)
    fail(MODEL_ERROR_KINDS.noChoice, "the endpoint's reply has no choices (`choices: []`)", usage);
  if (!isObject(choice) || !isObject(choice.message)) {
    fail(MODEL_ERROR_KINDS.noContent, "the endpoint's reply has a choice without a `message`", usage);
  }
  const message = choice.message;
  const finishReason = typeof choice.finish_reason === "string" ? choice.finish_reason : undefined;
  const parts = Array.isArray(message.content) ? readParts(message.content) : undefined;
  const text = typeof message.content === "string" ? message.content : parts?.text;
  const refusal =
    typeof message.refusal === "string" && message.refusal !== "" ? message.refusal : parts?.refusal;
  if (refusal !== undefined && !text) return { text: "", refusal, usage, finishReason };
  if (options.acceptToolCalls && Array.isArray(message.tool_calls) && message.tool_calls.length > 0) {
    return { text: text ?? "", toolCalls: readToolCalls(message), usage, finishReason };
  }
  const tools = toolNames(message);
  // Some servers send `content: ""` beside a tool call: that is still no answer.
  if (text !== undefined && !(text.trim() === "" && tools.length > 0)) return { text, usage, finishReason };
  const why =
    tools.length > 0
      ? `the model called a tool (${tools.join(", ")}) instead of answering`
      : Array.isArray(message.content)
        ? "the reply's content parts hold no text"
        : `the reply's content is ${message.content === undefined ? "missing" : "null"}`;
  fail(
    MODEL_ERROR_KINDS.noContent,
    `${why}${finishReason ? ` (finish_reason: ${finishReason})` : ""}`,
    usage,
  );
}
