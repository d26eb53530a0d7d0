import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeHub, startFakeHub } from "./fake-hub.js";

const SHA = "fedcba9876543210fedcba9876543210fedcba98";
const GOOD = "hf_good";
const PENDING = "hf_pending";
let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({
    tokens: { [GOOD]: true, [PENDING]: false },
    repos: {
      "org/open": { sha: SHA, refs: ["v1"], files: { "a.txt": "0123456789", "data/x.parquet": "PAR1" } },
      "org/private": { private: true, files: { "a.txt": "secret" } },
      "org/gated": { gated: true, files: { "a.txt": "gated" } },
    },
  });
});
afterAll(() => hub.close());

const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.url}${path}`, {
    headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    redirect: "manual",
  });

describe("fake Hub read side", () => {
  it("serves revision info, a tree with content oids, and resolve downloads with ranges", async () => {
    expect(await (await get("/api/datasets/org/open/revision/v1")).json()).toMatchObject({ sha: SHA });
    const tree = (await (await get("/api/datasets/org/open/tree/main")).json()) as { path: string }[];
    expect(tree).toEqual([
      { type: "file", path: "a.txt", size: 10, oid: "87acec17cd9dcd20a716cc2cf67417b71c8a7016" },
      expect.objectContaining({ path: "data/x.parquet", size: 4 }),
    ]);
    const whole = await get(`/datasets/org/open/resolve/${SHA}/a.txt`);
    expect([whole.status, whole.headers.get("x-repo-commit"), await whole.text()]).toEqual([
      200,
      SHA,
      "0123456789",
    ]);
    const part = await get("/datasets/org/open/resolve/main/a.txt", undefined, { Range: "bytes=2-4" });
    expect([part.status, part.headers.get("content-range"), await part.text()]).toEqual([
      206,
      "bytes 2-4/10",
      "234",
    ]);
    const tail = await get("/datasets/org/open/resolve/main/a.txt", undefined, { Range: "bytes=7-" });
    expect(await tail.text()).toBe("789");
  });

  it("redirects Parquet downloads to the CDN path", async () => {
    const redirect = await get("/datasets/org/open/resolve/main/data/x.parquet");
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(`/cdn/org/open/${SHA}/data/x.parquet`);
    expect(await (await get(`/cdn/org/open/${SHA}/data/x.parquet`)).text()).toBe("PAR1");
  });

  it.each([
    ["/api/datasets/org/private/revision/main", undefined, 401, "RepoNotFound"],
    ["/api/datasets/org/nothing/revision/main", GOOD, 404, "RepoNotFound"],
    ["/api/datasets/org/open/revision/v9", GOOD, 404, "RevisionNotFound"],
    ["/datasets/org/open/resolve/main/missing.txt", GOOD, 404, "EntryNotFound"],
    ["/datasets/org/gated/resolve/main/a.txt", undefined, 401, "GatedRepo"],
    ["/datasets/org/gated/resolve/main/a.txt", PENDING, 403, "GatedRepo"],
    ["/api/datasets/org/open/revision/main", "hf_unknown", 401, null],
  ])("answers %s (token %s) with %i %s", async (path, token, status, code) => {
    const response = await get(path, token);
    expect(response.status).toBe(status);
    expect(response.headers.get("x-error-code")).toBe(code);
    expect(await response.json()).toHaveProperty("error");
  });

  it("opens gated downloads to an approved token and private repos to any valid one", async () => {
    expect(await (await get("/datasets/org/gated/resolve/main/a.txt", GOOD)).text()).toBe("gated");
    expect(await (await get("/datasets/org/private/resolve/main/a.txt", PENDING)).text()).toBe("secret");
  });

  it("records requests with method, path, range and authorization", async () => {
    await get("/datasets/org/open/resolve/main/a.txt", GOOD, { Range: "bytes=0-1" });
    expect(hub.requests.at(-1)).toEqual({
      method: "GET",
      path: "/datasets/org/open/resolve/main/a.txt",
      range: "bytes=0-1",
      authorization: `Bearer ${GOOD}`,
      body: "",
    });
  });
});
