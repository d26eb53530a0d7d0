import { sendHubError, sendJson, sha1 } from "./fake-hub-reply.js";
import type { FakeHubCommit } from "./fake-hub-repo.js";
import { type FakeHubCall, type FakeHubState, INITIAL_SHA } from "./fake-hub-state.js";

/** One NDJSON line of a commit body as `@huggingface/hub` sends it. */
interface CommitLine {
  key: string;
  value: { summary?: string; path?: string; content?: string; encoding?: string };
}

function createRepo(state: FakeHubState, call: FakeHubCall): void {
  if (state.createStatus !== undefined && state.createStatus !== 200) {
    sendHubError(call.response, state.createStatus, `injected ${state.createStatus}`);
    return;
  }
  const body = JSON.parse(call.body || "{}") as {
    name: string;
    organization?: string;
    type?: string;
    private?: boolean;
    visibility?: string;
  };
  const repo = body.organization ? `${body.organization}/${body.name}` : body.name;
  const isPrivate = body.private === true || body.visibility === "private";
  state.created.push({ repo, type: body.type ?? "model", private: isPrivate });
  if (state.repos.has(repo)) sendHubError(call.response, 409, "You already created this repo");
  else {
    state.repos.set(repo, { sha: INITIAL_SHA, files: {}, private: isPrivate });
    sendJson(call.response, 200, { url: `${call.url}/datasets/${repo}` });
  }
}

function commit(state: FakeHubState, call: FakeHubCall, repoName: string): void {
  const repo = state.repos.get(repoName);
  if (!repo) {
    sendHubError(call.response, 404, "Repository not found", "RepoNotFound");
    return;
  }
  const lines = call.body
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CommitLine);
  const unsupported = lines.find((line) => !["header", "file", "deletedFile"].includes(line.key));
  if (unsupported) {
    sendHubError(call.response, 400, `fake Hub does not support commit operation "${unsupported.key}"`);
    return;
  }
  const record: FakeHubCommit = { repo: repoName, summary: "", files: [], oid: "" };
  for (const line of lines) {
    const { summary = "", path = "", content = "", encoding } = line.value;
    if (line.key === "header") record.summary = summary;
    else if (line.key === "file") {
      const bytes = new Uint8Array(Buffer.from(content, encoding === "base64" ? "base64" : "utf8"));
      record.files.push({ path, content: bytes });
      repo.files[path] = bytes;
    } else delete repo.files[path];
  }
  repo.sha = sha1(`${repo.sha}\n${call.body}`);
  record.oid = repo.sha;
  state.commits.push(record);
  sendJson(call.response, 200, {
    commitOid: repo.sha,
    commitUrl: `${call.url}/datasets/${repoName}/commit/${repo.sha}`,
  });
}

/**
 * The write side: `POST /api/repos/create` (409 when the repo exists), `preupload` (every file
 * "regular", i.e. inline in the commit) and NDJSON `commit`, which updates the repo and is recorded.
 * Writes need a token. Returns false when the path is not one of these routes.
 */
export function handleUpload(state: FakeHubState, call: FakeHubCall): boolean {
  if (call.request.method !== "POST") return false;
  const match = /^\/api\/datasets\/([^/]+\/[^/]+)\/(preupload|commit)\/[^/]+$/.exec(call.path);
  if (!match && call.path !== "/api/repos/create") return false;
  const [, repoName = "", kind = "create"] = match ?? [];
  if (call.token === undefined) {
    sendHubError(call.response, 401, "Invalid credentials in Authorization header");
    return true;
  }
  if (kind === "create") createRepo(state, call);
  else if (kind === "commit") commit(state, call, repoName);
  else if (!state.repos.has(repoName))
    sendHubError(call.response, 404, "Repository not found", "RepoNotFound");
  else {
    const files = (JSON.parse(call.body) as { files: { path: string }[] }).files;
    sendJson(call.response, 200, {
      files: files.map((file) => ({ path: file.path, uploadMode: "regular", shouldIgnore: false })),
    });
  }
  return true;
}
