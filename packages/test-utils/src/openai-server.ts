import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { ChatRequest, RequestContext, ServerAction } from "./server-action.js";

export interface OpenAIServerOptions {
  /** Decide what to do with each `POST /v1/chat/completions`. */
  handle: (request: ChatRequest, context: RequestContext) => ServerAction | Promise<ServerAction>;
  /** Keep every request for assertions (default true; turn off for benchmarks). */
  record?: boolean;
}

/** A running loopback server. */
export interface OpenAIServer {
  /** Base URL for the `openai` SDK, e.g. `http://127.0.0.1:40123/v1`. */
  baseURL: string;
  /** Requests received, in arrival order (when `record` is on). */
  requests: { body: ChatRequest; headers: RequestContext["headers"] }[];
  /** Requests received so far. */
  readonly count: number;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

function completion(
  model: string,
  content: string,
  usage?: { prompt_tokens: number; completion_tokens: number },
) {
  const tokens = usage ?? { prompt_tokens: 100, completion_tokens: 20 };
  return JSON.stringify({
    id: "chatcmpl-loopback",
    object: "chat.completion",
    created: 0,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    usage: { ...tokens, total_tokens: tokens.prompt_tokens + tokens.completion_tokens },
  });
}

function shapedCompletion(model: string, action: Extract<ServerAction, { type: "completion" }>): string {
  const message = action.message ?? { role: "assistant", content: "" };
  const choices = action.choices ?? [
    { index: 0, message, finish_reason: action.finishReason ?? "stop", logprobs: null },
  ];
  return JSON.stringify({
    id: "chatcmpl-loopback",
    object: "chat.completion",
    created: 0,
    model,
    choices,
    ...(action.usage === undefined ? {} : { usage: action.usage }),
  });
}

function toolCallsCompletion(model: string, action: Extract<ServerAction, { type: "tool-calls" }>): string {
  const toolCalls = action.calls.map((call, index) => ({
    id: call.id ?? `call_${index}`,
    type: "function",
    function: {
      name: call.name,
      arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
  const message = { role: "assistant", content: action.content ?? null, tool_calls: toolCalls };
  return shapedCompletion(model, {
    type: "completion",
    message,
    finishReason: "tool_calls",
    usage: { ...(action.usage ?? { prompt_tokens: 100, completion_tokens: 20 }), total_tokens: 0 },
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Start an OpenAI-compatible chat-completions server on 127.0.0.1, port 0, speaking the real protocol
 * (so tests go through the real `openai` SDK), with scripted replies and injected faults.
 */
export async function startOpenAIServer(options: OpenAIServerOptions): Promise<OpenAIServer> {
  const requests: OpenAIServer["requests"] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let count = 0;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer(async (request, response) => {
    const path = (request.url ?? "").split("?")[0] ?? "";
    if (request.method !== "POST" || !path.endsWith("/chat/completions")) {
      return send(
        response,
        404,
        JSON.stringify({ error: { message: `no route ${request.method} ${request.url}` } }),
      );
    }
    const text = await readBody(request);
    let body: ChatRequest;
    try {
      body = JSON.parse(text) as ChatRequest;
    } catch {
      return send(response, 400, JSON.stringify({ error: { message: "request body is not JSON" } }));
    }
    const context: RequestContext = { call: count++, headers: request.headers, url: request.url ?? "" };
    if (options.record !== false) requests.push({ body, headers: request.headers });
    const action = await options.handle(body, context);
    switch (action.type) {
      case "reply":
        if (action.delayMs) await wait(action.delayMs);
        return send(response, 200, completion(body.model, action.content, action.usage));
      case "completion":
        return send(response, 200, shapedCompletion(body.model, action));
      case "tool-calls":
        return send(response, 200, toolCallsCompletion(body.model, action));
      case "status":
        if (action.delayMs) await wait(action.delayMs);
        return send(
          response,
          action.status,
          JSON.stringify({
            error: { message: action.message ?? `injected ${action.status}`, type: "injected" },
          }),
          action.headers,
        );
      case "reset":
        request.socket.destroy();
        return;
      case "non-json":
        return send(response, 200, action.body ?? "<html>502 Bad Gateway</html>");
      case "hang":
        return;
    }
  });
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get count() {
      return count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
