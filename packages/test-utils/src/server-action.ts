/** What the loopback server does with one request. */
export type ServerAction =
  /** A normal chat completion whose message content is `content`. */
  | {
      type: "reply";
      content: string;
      delayMs?: number;
      usage?: { prompt_tokens: number; completion_tokens: number };
    }
  /**
   * A 200 chat completion shaped by hand: `message` replaces the first choice's message (e.g. `content:
   * null` with `tool_calls`, a `refusal`, content parts), `choices` replaces the whole list (`[]`), and
   * `usage` the usage object as sent (`null`, negative counts; omitted when `undefined`).
   */
  | {
      type: "completion";
      message?: Record<string, unknown>;
      choices?: unknown[];
      finishReason?: string | null;
      usage?: unknown;
    }
  /**
   * An assistant turn that calls tools (OpenAI function calling): `finish_reason: "tool_calls"`, each
   * call `{id, type: "function", function: {name, arguments}}`; `arguments` objects are sent as JSON text.
   */
  | {
      type: "tool-calls";
      calls: { id?: string; name: string; arguments: string | Record<string, unknown> }[];
      content?: string | null;
      usage?: { prompt_tokens: number; completion_tokens: number };
    }
  /** An HTTP error status with an OpenAI-style error body (e.g. 429 with `Retry-After`, 500). */
  | { type: "status"; status: number; message?: string; headers?: Record<string, string>; delayMs?: number }
  /** Destroy the connection without a response (a connection reset). */
  | { type: "reset" }
  /** 200 with `content-type: application/json` but a body that is not JSON. */
  | { type: "non-json"; body?: string }
  /** Never answer (until the client gives up or the server closes). */
  | { type: "hang" };

/** A chat-completions request as the server received it. */
export interface ChatRequest {
  model: string;
  messages: { role: string; content?: unknown }[];
  [key: string]: unknown;
}

/** Context of one request: its 0-based number, its headers and its URL (path and query). */
export interface RequestContext {
  call: number;
  headers: Record<string, string | string[] | undefined>;
  /** The request target as received, e.g. `/v1/chat/completions?key=...` (secret-leak tests echo it). */
  url: string;
}
