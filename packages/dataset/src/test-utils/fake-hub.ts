import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One dataset repository served by {@link startFakeHub}. */
export interface FakeHubRepo {
  sha: string;
  files: Record<string, string | Uint8Array>;
  /** Downloads need an approved token (403 GatedRepo otherwise); metadata and listings stay open. */
  gated?: boolean;
  /** Everything needs a valid token (401 without one). */
  private?: boolean;
}

export interface FakeHubOptions {
  repos: Record<string, FakeHubRepo>;
  /** Valid tokens; `true` means approved for gated repositories. */
  tokens?: Record<string, boolean>;
}

export interface FakeHub {
  url: string;
  requests: { method: string; path: string; range?: string }[];
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): true {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(text);
  return true;
}

/**
 * A loopback imitation of the Hugging Face Hub endpoints `@huggingface/hub` calls: dataset info
 * (`/api/datasets/{repo}/revision/{rev}`), tree listing, and `resolve` downloads with `Range` probes,
 * an LFS-style redirect for Parquet files, and the Hub's `X-Error-Code` headers.
 */
export async function startFakeHub(options: FakeHubOptions): Promise<FakeHub> {
  const requests: FakeHub["requests"] = [];
  const tokens = options.tokens ?? {};

  const handle = (request: IncomingMessage, response: ServerResponse): unknown => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const range = request.headers.range;
    requests.push({ method: request.method ?? "GET", path: url.pathname, range });
    const token = request.headers.authorization?.replace(/^Bearer /, "");
    if (token !== undefined && !(token in tokens)) {
      return send(response, 401, { error: "Invalid credentials in Authorization header" });
    }

    const match =
      /^\/api\/datasets\/([^/]+\/[^/]+)\/(revision|tree)\/([^/]+)(?:\/(.*))?$/.exec(url.pathname) ??
      /^\/datasets\/([^/]+\/[^/]+)\/(resolve)\/([^/]+)\/(.+)$/.exec(url.pathname) ??
      /^\/(cdn)\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!match) return send(response, 404, { error: "Not Found" });
    const [, first, second, revision, rest] = match as unknown as [string, string, string, string, string?];
    const [repoName, kind] = first === "cdn" ? [second, "cdn"] : [first, second];
    const repo = options.repos[repoName];
    if (!repo || (repo.private && token === undefined)) {
      // Like the Hub: without a token a missing repository looks the same as a private one.
      return send(
        response,
        token === undefined ? 401 : 404,
        { error: "Repository not found" },
        { "X-Error-Code": "RepoNotFound" },
      );
    }
    if (![repo.sha, "main", "HEAD"].includes(decodeURIComponent(revision))) {
      return send(response, 404, { error: "Invalid rev id" }, { "X-Error-Code": "RevisionNotFound" });
    }
    if (kind === "revision") {
      return send(response, 200, {
        _id: "fake",
        id: repoName,
        sha: repo.sha,
        private: !!repo.private,
        gated: repo.gated ? "manual" : false,
        downloads: 0,
        likes: 0,
        lastModified: "2025-01-01T00:00:00.000Z",
      });
    }
    if (kind === "tree") {
      const entries = Object.entries(repo.files).map(([path, content]) => ({
        type: "file",
        oid: "0".repeat(40),
        size: content.length,
        path,
      }));
      return send(response, 200, entries);
    }
    const path = rest ?? "";
    const content = repo.files[path];
    if (content === undefined)
      return send(response, 404, { error: "Entry not found" }, { "X-Error-Code": "EntryNotFound" });
    if (repo.gated && token === undefined) {
      return send(
        response,
        401,
        { error: `Access to dataset ${repoName} is restricted. You must be authenticated.` },
        { "X-Error-Code": "GatedRepo" },
      );
    }
    if (repo.gated && !tokens[token ?? ""]) {
      return send(
        response,
        403,
        { error: `Access to dataset ${repoName} is restricted and you are not in the authorized list.` },
        { "X-Error-Code": "GatedRepo" },
      );
    }
    if (kind === "resolve" && path.endsWith(".parquet")) {
      response.writeHead(302, {
        Location: `/cdn/${repoName}/${repo.sha}/${path}`,
        "X-Repo-Commit": repo.sha,
        "X-Linked-ETag": `"lfs-${path}"`,
      });
      return void response.end();
    }
    const bytes = typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
    const etag = `"${createHash("sha1").update(bytes).digest("hex")}"`;
    const headers = {
      ETag: etag,
      "X-Repo-Commit": repo.sha,
      "Accept-Ranges": "bytes",
      "Content-Type": "application/octet-stream",
    };
    const requested = range ? /^bytes=(\d+)-(\d+)$/.exec(range) : null;
    if (requested) {
      const start = Number(requested[1]);
      const end = Math.min(Number(requested[2]), bytes.length - 1);
      response.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${bytes.length}` });
      return void response.end(bytes.subarray(start, end + 1));
    }
    response.writeHead(200, { ...headers, "Content-Length": String(bytes.length) });
    response.end(bytes);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
