import type { ChatModel, GenerateOptions, GenerateResult } from "../model/chat-model.js";

/**
 * A scripted turn that calls one tool (`arguments` as an object, or raw text to test bad JSON).
 *
 * @example
 * createScriptedModel({ replies: [toolCallReply("recent_flows_of_host", { host: "10.0.0.1" }), answer] });
 */
export function toolCallReply(
  name: string,
  args: Record<string, unknown> | string,
  id = "call_0",
): GenerateResult {
  return {
    text: "",
    toolCalls: [{ id, name, arguments: typeof args === "string" ? args : JSON.stringify(args) }],
    finishReason: "tool_calls",
  };
}

/** One scripted turn: a reply text, a full result (tool calls included, see {@link toolCallReply}), or an error to throw. */
export type ScriptedReply = string | GenerateResult | Error;

export interface ScriptedModelOptions {
  /**
   * Replies in call order (cycled when calls outnumber them), or a function of the request and the
   * 0-based call number.
   */
  replies:
    | readonly ScriptedReply[]
    | ((request: GenerateOptions, call: number) => ScriptedReply | Promise<ScriptedReply>);
  /** Delay before each reply, in ms (default 0). Honours the request's abort signal. */
  delayMs?: number;
  modelId?: string;
}

/** A scripted model, plus the requests it received. */
export interface ScriptedModel extends ChatModel {
  readonly calls: GenerateOptions[];
}

/**
 * A {@link ChatModel} that answers from a script, for users' tests of code built on `@sv/env`.
 *
 * @example
 * const model = createScriptedModel({ replies: ['{"label": "Benign", "confidence": 0.9}'] });
 */
export function createScriptedModel(options: ScriptedModelOptions): ScriptedModel {
  const calls: GenerateOptions[] = [];
  return {
    provider: "scripted",
    modelId: options.modelId ?? "scripted",
    calls,
    async doGenerate(request) {
      const call = calls.length;
      calls.push(request);
      if (options.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.delayMs);
          request.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(request.signal?.reason ?? new Error("aborted"));
          });
        });
      }
      const script = options.replies;
      const reply =
        typeof script === "function"
          ? await script(request, call)
          : script[call % Math.max(1, script.length)];
      if (reply === undefined) return { text: "" };
      if (reply instanceof Error) throw reply;
      return typeof reply === "string" ? { text: reply } : reply;
    },
  };
}
