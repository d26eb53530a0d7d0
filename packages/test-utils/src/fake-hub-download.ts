import type { FakeHubCall, FakeHubState } from "./fake-hub-state.js";
import { sendHubError, sendJson, sha1, toBytes } from "./fake-hub-reply.js";

const ROUTES = [
  /^\/api\/datasets\/([^/]+\/[^/]+)\/(revision|tree)\/([^/]+)(?:\/.*)?$/,
  /^\/datasets\/([^/]+\/[^/]+)\/(resolve)\/([^/]+)\/(.+)$/,
  /^\/(cdn)\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/,
];

function sendFile(call: FakeHubCall, sha: string, content: string | Uint8Array): void {
  const bytes = toBytes(content);
  const headers = {
    ETag: `"${sha1(bytes)}"`,
    "X-Repo-Commit": sha,
    "Accept-Ranges": "bytes",
    "Content-Type": "application/octet-stream",
  };
  const range = call.request.headers.range;
  const requested = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
  if (requested) {
    const start = Number(requested[1]);
    const end = Math.min(requested[2] ? Number(requested[2]) : bytes.length - 1, bytes.length - 1);
    call.response.writeHead(206, {
      ...headers,
      "Content-Range": `bytes ${start}-${end}/${bytes.length}`,
      "Content-Length": String(Math.max(0, end - start + 1)),
    });
    call.response.end(bytes.subarray(start, end + 1));
    return;
  }
  call.response.writeHead(200, { ...headers, "Content-Length": String(bytes.length) });
  call.response.end(bytes);
}

/**
 * The read side: dataset info (`revision`), tree listing, `resolve` downloads with `Range`, an LFS-style
 * redirect of Parquet files to `/cdn/…`, and the Hub's `X-Error-Code` headers. Returns false when the path
 * is not one of these routes.
 */
export function handleDownload(state: FakeHubState, call: FakeHubCall): boolean {
  const match = ROUTES.map((route) => route.exec(call.path)).find((found) => found !== null);
  if (!match) return false;
  const [, first = "", second = "", rawRevision = "", rawRest = ""] = match;
  const revision = decodeURIComponent(rawRevision);
  const rest = decodeURIComponent(rawRest);
  const [repoName, kind] = first === "cdn" ? [second, "cdn"] : [first, second];
  const { response, token } = call;
  const repo = state.repos.get(repoName);
  if (!repo || (repo.private && token === undefined)) {
    // Like the Hub: without a token a missing repository looks the same as a private one.
    sendHubError(response, token === undefined ? 401 : 404, "Repository not found", "RepoNotFound");
    return true;
  }
  if (![repo.sha, "main", "HEAD", ...(repo.refs ?? [])].includes(revision)) {
    sendHubError(response, 404, "Invalid rev id", "RevisionNotFound");
    return true;
  }
  if (kind === "revision") {
    sendJson(response, 200, {
      _id: "fake",
      id: repoName,
      sha: repo.sha,
      private: !!repo.private,
      gated: repo.gated ? "manual" : false,
      downloads: 0,
      likes: 0,
      lastModified: "2025-01-01T00:00:00.000Z",
    });
    return true;
  }
  if (kind === "tree") {
    const entries = Object.entries(repo.files).map(([path, content]) => ({
      type: "file",
      oid: sha1(toBytes(content)),
      size: toBytes(content).length,
      path,
    }));
    sendJson(response, 200, entries);
    return true;
  }
  const content = repo.files[rest];
  if (content === undefined) {
    sendHubError(response, 404, "Entry not found", "EntryNotFound");
    return true;
  }
  const approved = token !== undefined && (state.tokens === undefined || state.tokens[token] === true);
  if (repo.gated && !approved) {
    const error =
      token === undefined
        ? `Access to dataset ${repoName} is restricted. You must be authenticated.`
        : `Access to dataset ${repoName} is restricted and you are not in the authorized list.`;
    sendHubError(response, token === undefined ? 401 : 403, error, "GatedRepo");
    return true;
  }
  if (kind === "resolve" && rest.endsWith(".parquet")) {
    response.writeHead(302, {
      Location: `/cdn/${repoName}/${repo.sha}/${rest}`,
      "X-Repo-Commit": repo.sha,
      "X-Linked-ETag": `"lfs-${rest}"`,
    });
    response.end();
    return true;
  }
  sendFile(call, repo.sha, content);
  return true;
}
