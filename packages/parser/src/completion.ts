import { pythonStr } from "./python-str.js";

/** A chat message as the OpenAI chat API and the verifiers library shape it. */
export interface ChatMessage {
  role: string;
  content?: unknown;
  [key: string]: unknown;
}

/** What a model produced: plain text, or a list of chat messages (the last one is the reply). */
export type Completion = string | readonly ChatMessage[];

/**
 * The text to parse, as the original's `get_response_text`: a string as is; for a message list the last
 * message's `content` (empty for an empty list or a missing content). Anything that is not a string goes
 * through Python's `str()`, so e.g. OpenAI content parts read as their Python repr, exactly as the
 * original scores them (usually: no answer found).
 */
export function getResponseText(completion: unknown): string {
  if (completion === null || completion === undefined) return "";
  if (typeof completion === "string") return completion;
  if (Array.isArray(completion)) {
    if (completion.length === 0) return "";
    const last: unknown = completion[completion.length - 1];
    if (last !== null && typeof last === "object" && !Array.isArray(last)) {
      const content = (last as ChatMessage).content;
      return content === null || content === undefined ? "" : pythonStr(content);
    }
    return last === null || last === undefined ? "" : pythonStr(last);
  }
  return pythonStr(completion);
}
