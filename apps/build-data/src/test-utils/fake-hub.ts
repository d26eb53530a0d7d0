import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake Hub saw. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

export interface FakeHub {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export interface FakeHubOptions {
  /** Dataset repo `owner/name` → files (path → content). */
  datasets: Record<string, Record<string, Buffer>>;
  /** Status for POST /api/repos/create (default 200). */
  createStatus?: number;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A loopback server answering the Hub endpoints @huggingface/hub calls (tree, resolve, create, preupload, commit). */
export async function startFakeHub(options: FakeHubOptions): Promise<FakeHub> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const text = await body(request);
    requests.push({
      method: request.method ?? "GET",
      url: url.pathname,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      body: text,
    });
    const tree = /^\/api\/datasets\/([^/]+\/[^/]+)\/tree\/main$/.exec(url.pathname);
    if (tree) {
      const files = options.datasets[tree[1]!];
      if (!files)
        return response
          .writeHead(404, { "X-Error-Code": "RepoNotFound" })
          .end(JSON.stringify({ error: "Repository not found" }));
      const entries = Object.entries(files).map(([path, content]) => ({
        type: "file",
        path,
        size: content.length,
        oid: `oid-${path.length}`,
      }));
      return response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(entries));
    }
    const resolve = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
    if (resolve) {
      const content = options.datasets[resolve[1]!]?.[decodeURIComponent(resolve[2]!)];
      if (!content) return response.writeHead(404, { "X-Error-Code": "EntryNotFound" }).end();
      const range = /bytes=(\d+)-(\d*)/.exec(request.headers.range ?? "");
      const start = range ? Number(range[1]) : 0;
      const end = range && range[2] ? Number(range[2]) : content.length - 1;
      return response
        .writeHead(range ? 206 : 200, {
          ETag: '"etag"',
          "Content-Range": `bytes ${start}-${end}/${content.length}`,
          "Content-Length": end - start + 1,
        })
        .end(content.subarray(start, end + 1));
    }
    if (url.pathname === "/api/repos/create") {
      const status = options.createStatus ?? 200;
      return response
        .writeHead(status, { "Content-Type": "application/json" })
        .end(JSON.stringify(status === 200 ? { url: "x" } : { error: "nope" }));
    }
    const preupload = /^\/api\/datasets\/[^/]+\/[^/]+\/preupload\/main$/.exec(url.pathname);
    if (preupload) {
      const files = (JSON.parse(text) as { files: { path: string }[] }).files.map((file) => ({
        path: file.path,
        uploadMode: "regular",
      }));
      return response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ files }));
    }
    if (/^\/api\/datasets\/[^/]+\/[^/]+\/commit\/main$/.test(url.pathname)) {
      return response
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ commitOid: "abc", commitUrl: "http://x/commit/abc" }));
    }
    response.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
