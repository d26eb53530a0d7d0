type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const text = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("")
      : "";

function toolCallText(call: unknown): string {
  const fn = isObject(call) && isObject(call.function) ? call.function : {};
  const args = typeof fn.arguments === "string" ? fn.arguments : JSON.stringify(fn.arguments ?? {});
  return `${String(fn.name ?? "?")}(${args})`;
}

/**
 * A multi-turn completion (a message list with tool calls or tool answers) as plain text for the
 * report's rollout detail: the final reply first (so a cut transcript still shows it), then every turn
 * in order (`[assistant → tool(args)]`, `[tool]` answers, replies). `undefined` for a completion without
 * tool use, which the report shows as it is.
 */
export function transcriptText(completion: unknown): string | undefined {
  if (!Array.isArray(completion)) return undefined;
  const messages = completion.filter(isObject);
  const usedTools = messages.some(
    (message) =>
      message.role === "tool" || (Array.isArray(message.tool_calls) && message.tool_calls.length > 0),
  );
  if (!usedTools) return undefined;
  const last = messages.at(-1);
  const answered = last?.role === "assistant" && !Array.isArray(last.tool_calls);
  const head = answered
    ? `[final answer] ${text(last.content)}`
    : "[final answer] none (turn budget spent on tool calls)";
  const turns = messages.map((message) => {
    if (message.role === "tool")
      return `[tool ${String(message.tool_call_id ?? "")}] ${text(message.content)}`;
    const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
    const said = text(message.content);
    if (calls.length === 0) return `[${String(message.role)}] ${said}`;
    return `[${String(message.role)} \u2192 ${calls.map(toolCallText).join(", ")}]${said ? ` ${said}` : ""}`;
  });
  return [head, ...turns].join("\n");
}
