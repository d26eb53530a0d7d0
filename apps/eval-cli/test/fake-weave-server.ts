import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One call record Weave's SDK sent in `/call/upsert_batch`. */
export interface WeaveBatchItem {
  mode: "start" | "end";
  req: { start?: Record<string, unknown>; end?: Record<string, unknown> };
}

/** A loopback stand-in for W&B Weave's trace server, recording what the SDK sends. */
export interface FakeWeaveServer {
  url: string;
  /** `method path` of every request, in order. */
  requests: { route: string; authorization: string | undefined; body: string }[];
  items: WeaveBatchItem[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Answers the routes the SDK uses to trace ops (`/obj/create` for the op, `/file/create` for its source,
 * `/call/upsert_batch` for calls); `status` scripts failures of the call batches.
 */
export async function startFakeWeaveServer(
  options: { status?: () => number } = {},
): Promise<FakeWeaveServer> {
  const requests: FakeWeaveServer["requests"] = [];
  const items: WeaveBatchItem[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const route = `${request.method} ${(request.url ?? "").split("?")[0]}`;
    requests.push({ route, authorization: request.headers.authorization, body });
    const json = (status: number, value: unknown) => {
      const text = JSON.stringify(value);
      response.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
      });
      response.end(text);
    };
    if (route === "POST /obj/create") return json(200, { digest: "op-digest" });
    if (route === "POST /file/create") return json(200, { digest: "file-digest" });
    if (route === "POST /call/upsert_batch") {
      const status = options.status?.() ?? 200;
      if (status !== 200) return json(status, { detail: "refused" });
      items.push(...(JSON.parse(body) as { batch: WeaveBatchItem[] }).batch);
      return json(200, { res: [] });
    }
    return json(404, { detail: `no route ${route}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    items,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
