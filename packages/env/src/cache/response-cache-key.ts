import { createHash } from "node:crypto";
import type { ChatMessage } from "@sv/parser";
import type { SamplingArgs, ToolDefinition } from "../model/chat-model.js";

/** Everything that changes a reply, as {@link responseCacheKey} reads it. */
export interface ResponseCacheKeyOptions {
  /** The endpoint's identity (base URL without credentials; secret query values masked). */
  endpoint: string;
  modelId: string;
  messages: readonly ChatMessage[];
  samplingArgs?: SamplingArgs;
  /** The tools the request offers (multi-turn); absent for a plain request, whose key it leaves as it was. */
  tools?: readonly ToolDefinition[];
  /** Which rollout of the example (0-based), so several samples of one prompt are kept apart. */
  rolloutIndex?: number;
}

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` give the same key. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The cache key of one request: SHA-256 (hex) over the endpoint, model, full messages (tool calls and
 * tool answers included), the tools offered, every sampling argument (max tokens, temperature, seed, …)
 * and the rollout index. The key holds no readable text.
 */
export function responseCacheKey(options: ResponseCacheKeyOptions): string {
  const material = canonicalJson({
    v: 1,
    endpoint: options.endpoint,
    model: options.modelId,
    // Whole messages: a multi-turn conversation differs in `tool_calls` and `tool_call_id`, not only content.
    messages: options.messages,
    // No tools and an empty list are the same request (neither offers a tool to the model).
    tools: options.tools && options.tools.length > 0 ? options.tools : undefined,
    sampling: options.samplingArgs ?? {},
    rollout: options.rolloutIndex ?? 0,
  });
  return createHash("sha256").update(material).digest("hex");
}
