/** A chat message as the OpenAI chat API and the verifiers library shape it. */
export interface ChatMessage {
  role: string;
  content?: unknown;
  [key: string]: unknown;
}

/** What a model produced: plain text, or a list of chat messages (the last one is the reply). */
export type Completion = string | readonly ChatMessage[];

/** `String(value)` that cannot throw (objects may carry a hostile `toString`). */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

function contentToText(content: unknown): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  // OpenAI content parts: [{type: "text", text: "..."}, ...]
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === "object" && typeof part.text === "string" ? part.text : ""))
      .join("");
  }
  return safeString(content);
}

/**
 * The text to parse: a string as is; for a message list the last message's `content`
 * (empty for an empty list or a missing content), as the original's `get_response_text`.
 */
export function getResponseText(completion: unknown): string {
  if (completion === null || completion === undefined) return "";
  if (typeof completion === "string") return completion;
  if (Array.isArray(completion)) {
    if (completion.length === 0) return "";
    const last: unknown = completion[completion.length - 1];
    if (last !== null && typeof last === "object" && !Array.isArray(last)) {
      return contentToText((last as ChatMessage).content);
    }
    return last === null || last === undefined ? "" : safeString(last);
  }
  return safeString(completion);
}
