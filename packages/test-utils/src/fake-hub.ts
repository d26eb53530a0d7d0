import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleDownload } from "./fake-hub-download.js";
import { sendHubError } from "./fake-hub-reply.js";
import type { FakeHubCommit, FakeHubCreate, FakeHubRepo, FakeHubRequest } from "./fake-hub-repo.js";
import { type FakeHubState, INITIAL_SHA } from "./fake-hub-state.js";
import { handleUpload } from "./fake-hub-upload.js";

export interface FakeHubOptions {
  /** Dataset repositories by `owner/name` (default none; `POST /api/repos/create` adds more). */
  repos?: Record<string, FakeHubRepo>;
  /**
   * Valid tokens; `true` means approved for gated repositories. Another token gets 401 on every route.
   * Without this map every token is valid and approved.
   */
  tokens?: Record<string, boolean>;
  /** Answer `POST /api/repos/create` with this status (default 200, or 409 if the repo exists). */
  createStatus?: number;
  /**
   * Echo the request's `Authorization` header in 401 and 404 error bodies, as a misconfigured proxy or
   * debugging server does (secret-leak tests).
   */
  reflectAuthorization?: boolean;
}

/** A running loopback Hub. */
export interface FakeHub {
  /** Endpoint for `@huggingface/hub` (`hubUrl`) or `HF_ENDPOINT`, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request received, in arrival order. */
  requests: FakeHubRequest[];
  /** Accepted commits, in order. */
  commits: FakeHubCommit[];
  /** Repository creations requested (including refused ones), in order. */
  created: FakeHubCreate[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Start a loopback imitation of the Hugging Face Hub endpoints `@huggingface/hub` calls, on 127.0.0.1
 * port 0: dataset info, tree listing, `resolve` downloads with `Range` (Parquet through an LFS-style
 * redirect), the Hub's `X-Error-Code` errors (401/403 gated, 404 repo/file/revision, private repos), and
 * repo creation, preupload and commit for uploads. Commits update the served files.
 */
export async function startFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  const state: FakeHubState = {
    repos: new Map(
      Object.entries(options.repos ?? {}).map(([name, repo]) => [
        name,
        { ...repo, sha: repo.sha ?? INITIAL_SHA, files: { ...repo.files } },
      ]),
    ),
    tokens: options.tokens,
    createStatus: options.createStatus,
    commits: [],
    created: [],
  };
  const requests: FakeHubRequest[] = [];
  const sockets = new Set<Socket>();
  let url = "";

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const body = await readBody(request);
    const { range, authorization } = request.headers;
    requests.push({
      method: request.method ?? "GET",
      path,
      ...(range ? { range } : {}),
      ...(authorization ? { authorization } : {}),
      body,
    });
    const token = authorization?.replace(/^Bearer /, "");
    const echo = options.reflectAuthorization
      ? ` (request headers: {"authorization": "${authorization ?? ""}"})`
      : "";
    if (token !== undefined && state.tokens !== undefined && !(token in state.tokens)) {
      return sendHubError(response, 401, `Invalid credentials in Authorization header${echo}`);
    }
    const call = { request, response, path, token, body, url };
    if (handleDownload(state, call) || handleUpload(state, call)) return;
    sendHubError(response, 404, `Not Found${echo}`);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    commits: state.commits,
    created: state.created,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
