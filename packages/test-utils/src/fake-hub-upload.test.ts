import { afterEach, describe, expect, it } from "vitest";
import { type FakeHub, startFakeHub } from "./fake-hub.js";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

const post = (server: FakeHub, path: string, body: string, token: string | null = "hf_any") =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    body,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

const ndjson = (...lines: unknown[]) => lines.map((line) => JSON.stringify(line)).join("\n");

describe("fake Hub write side", () => {
  it("creates a repo, answers preupload, applies and records a commit", async () => {
    const server = await startFakeHub();
    hub = server;
    const create = JSON.stringify({ name: "e1", organization: "me", type: "dataset", visibility: "private" });
    expect((await post(server, "/api/repos/create", create)).status).toBe(200);
    expect((await post(server, "/api/repos/create", create)).status).toBe(409);
    expect(server.created).toEqual([
      { repo: "me/e1", type: "dataset", private: true },
      { repo: "me/e1", type: "dataset", private: true },
    ]);
    const preupload = await post(server, "/api/datasets/me/e1/preupload/main", '{"files":[{"path":"a"}]}');
    expect(await preupload.json()).toEqual({
      files: [{ path: "a", uploadMode: "regular", shouldIgnore: false }],
    });
    const body = ndjson(
      { key: "header", value: { summary: "add a" } },
      {
        key: "file",
        value: { path: "a.txt", content: Buffer.from("hello").toString("base64"), encoding: "base64" },
      },
    );
    const committed = (await (await post(server, "/api/datasets/me/e1/commit/main", body)).json()) as {
      commitOid: string;
    };
    expect(server.commits).toEqual([
      {
        repo: "me/e1",
        summary: "add a",
        files: [{ path: "a.txt", content: new Uint8Array(Buffer.from("hello")) }],
        oid: committed.commitOid,
      },
    ]);
    const download = await fetch(`${server.url}/datasets/me/e1/resolve/main/a.txt`, {
      headers: { Authorization: "Bearer hf_any" },
    });
    expect([await download.text(), download.headers.get("x-repo-commit")]).toEqual([
      "hello",
      committed.commitOid,
    ]);
  });

  it("refuses writes without a token, unknown repos and unsupported commit operations", async () => {
    const server = await startFakeHub({ repos: { "me/e1": { files: { "a.txt": "keep" } } } });
    hub = server;
    expect((await post(server, "/api/repos/create", '{"name":"x"}', null)).status).toBe(401);
    expect((await post(server, "/api/datasets/me/none/commit/main", "")).status).toBe(404);
    const lfs = ndjson({ key: "lfsFile", value: { path: "a.txt", oid: "x" } });
    expect((await post(server, "/api/datasets/me/e1/commit/main", lfs)).status).toBe(400);
    expect(server.commits).toEqual([]);
  });

  it("injects a create status", async () => {
    const server = await startFakeHub({ createStatus: 500 });
    hub = server;
    const response = await post(server, "/api/repos/create", '{"name":"x"}');
    expect([response.status, await response.json()]).toEqual([500, { error: "injected 500" }]);
  });
});
