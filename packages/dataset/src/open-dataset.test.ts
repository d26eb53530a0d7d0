import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeHub, startFakeHub } from "@sv/test-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";
import { DEMO_FILE } from "./demo/find-demo-file.js";
import { loadDataset } from "./load-dataset.js";
import { streamDataset } from "./stream-dataset.js";
import { syntheticRows } from "./synthetic-rows.js";

const SHA = "89abcdef0123456789abcdef0123456789abcdef";
const TOKEN = "hf_test_auto_token";
const jsonl = `${syntheticRows()
  .map((row) => JSON.stringify(row))
  .join("\n")}\n`;
const emptyDir = mkdtempSync(join(tmpdir(), "sv-auto-"));
let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({
    tokens: { [TOKEN]: true, hf_test_unapproved: false },
    repos: {
      "intertwine-ai/security-verifiers-e1": { sha: SHA, files: { "iot23-train-dev-test-v1.jsonl": jsonl } },
      "org/gated": { sha: SHA, gated: true, files: { "iot23-train-dev-test-v1.jsonl": jsonl } },
    },
  });
});
afterAll(() => hub.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("auto tier", () => {
  it("prefers a local file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-auto-local-"));
    writeFileSync(join(dir, "iot23-train-dev-test-v1.jsonl"), jsonl);
    const loaded = await loadDataset({ dataDir: dir, hub: { token: TOKEN, endpoint: hub.url } });
    expect(loaded.tier).toBe("local");
    expect(loaded.reason).toMatch(/^found local file .*iot23-train-dev-test-v1\.jsonl$/);
  });

  it("uses the Hub when a token is set, reading HF_TOKEN, HF_ENDPOINT and the default repo from the environment", async () => {
    vi.stubEnv("HF_TOKEN", TOKEN);
    vi.stubEnv("HF_ENDPOINT", hub.url);
    vi.stubEnv("E1_HF_REPO", "");
    const loaded = await loadDataset({ dataDir: emptyDir });
    expect(loaded).toMatchObject({ tier: "hub", repo: "intertwine-ai/security-verifiers-e1", revision: SHA });
    expect(loaded.reason).toMatch(
      /no local file .*; HF_TOKEN is set: read iot23-train-dev-test-v1\.jsonl from/,
    );
    expect(loaded.rows).toHaveLength(syntheticRows().length);
  });

  it("falls back to the bundled demo set without a token and says why", async () => {
    vi.stubEnv("HF_TOKEN", "");
    const loaded = await loadDataset({ dataDir: emptyDir, hub: { endpoint: hub.url } });
    expect(loaded.tier).toBe("demo");
    expect(loaded.path?.endsWith(DEMO_FILE)).toBe(true);
    expect(loaded.reason).toBe(
      `no local file ${join(emptyDir, "iot23-train-dev-test-v1.jsonl")} and no HF_TOKEN; using the bundled demo set`,
    );
    expect(loaded.split).toBe("test");
    expect(loaded.rows.every((row) => row.meta.demo === true && row.meta.split === "test")).toBe(true);
  });

  it("falls back to the demo set when the Hub fails, naming the failure", async () => {
    const loaded = await loadDataset({
      dataDir: emptyDir,
      hub: { repo: "org/gated", token: "hf_test_unapproved", endpoint: hub.url },
    });
    expect(loaded.tier).toBe("demo");
    expect(loaded.reason).toMatch(/the Hub failed \(DATASET_HUB_GATED: .*request access/);
    expect(loaded.reason).not.toContain("hf_test_unapproved");
  });

  it("does not fall back when a path was given", async () => {
    await expect(loadDataset({ dataset: join(emptyDir, "missing.jsonl") })).rejects.toMatchObject({
      code: DATASET_ERROR_CODES.notFound,
    });
  });

  it("generates the demo rows in memory when the demo file is elsewhere", async () => {
    const fromFile = await loadDataset({ source: "demo", split: "all" });
    await expect(loadDataset({ source: "demo", demoPath: join(emptyDir, "none.jsonl") })).rejects.toThrow(
      /demo file .*none\.jsonl not found/,
    );
    expect(fromFile.rows).toHaveLength(300);
  });
});

describe("hub cache", () => {
  it("reuses files kept in cacheDir for the same commit", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "sv-cache-"));
    const options = { source: "hub" as const, hub: { token: TOKEN, endpoint: hub.url, cacheDir } };
    const first = await loadDataset(options);
    const downloads = hub.requests.filter((request) => request.path.includes("/resolve/")).length;
    const second = await loadDataset(options);
    expect(second.rows).toEqual(first.rows);
    expect(hub.requests.filter((request) => request.path.includes("/resolve/")).length).toBe(downloads);
  });
});

describe("SV_CACHE_DIR", () => {
  it("is the Hub cache (its hub/ folder) when no cacheDir is given", async () => {
    const cacheRoot = mkdtempSync(join(tmpdir(), "sv-cache-env-"));
    vi.stubEnv("SV_CACHE_DIR", cacheRoot);
    const options = { source: "hub" as const, hub: { token: TOKEN, endpoint: hub.url } };
    const downloads = () => hub.requests.filter((request) => request.path.includes("/resolve/")).length;
    const first = await loadDataset(options);
    const before = downloads();
    expect((await loadDataset(options)).rows).toEqual(first.rows);
    expect(downloads()).toBe(before);
    expect(readdirSync(join(cacheRoot, "hub"))).toEqual(["datasets--intertwine-ai--security-verifiers-e1"]);
  });
});

describe("streamDataset", () => {
  it("yields the rows of a split lazily and stops at maxExamples", async () => {
    const rows: unknown[] = [];
    for await (const row of streamDataset({ source: "demo", split: "train", maxExamples: 5 })) rows.push(row);
    expect(rows).toHaveLength(5);
    const loaded = await loadDataset({ source: "demo", split: "train", maxExamples: 5 });
    expect(rows).toEqual(loaded.rows);
  });

  it("matches loadDataset with a seed", async () => {
    const rows: unknown[] = [];
    for await (const row of streamDataset({ source: "demo", seed: 3, maxExamples: 7 })) rows.push(row);
    expect(rows).toEqual((await loadDataset({ source: "demo", seed: 3, maxExamples: 7 })).rows);
  });
});

describe("auto tier for a dataset asked for by name", () => {
  it("does not replace a named dataset with the demo set", async () => {
    const { openDataset } = await import("./open-dataset.js");
    vi.stubEnv("HF_TOKEN", "");
    await expect(
      openDataset({ dataset: "cic-ids-2017-ood-v1", dataDir: "/nonexistent", hub: { token: undefined } }),
    ).rejects.toThrow(/dataset "cic-ids-2017-ood-v1" not found/);
  });

  it("throws a DatasetError naming where it looked for the default dataset asked for by name", async () => {
    vi.stubEnv("HF_TOKEN", "");
    vi.stubEnv("SV_DATA_DIR", "");
    const error = await loadDataset({ dataset: "iot23-train-dev-test-v1", dataDir: emptyDir }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).toMatchObject({ code: DATASET_ERROR_CODES.notFound });
    const message = (error as DatasetError).message;
    expect(message).toContain(join(emptyDir, "iot23-train-dev-test-v1.jsonl"));
    expect(message).toMatch(/from the dataDir option/);
    expect(message).toMatch(/not tried on the Hub \(no HF_TOKEN\)/);
    // Not named: the demo set stands in, and says so.
    expect((await loadDataset({ dataDir: emptyDir })).tier).toBe("demo");
  });

  it("names the local path and the Hub's failure when the Hub does not have it either", async () => {
    const error = await loadDataset({
      dataset: "iot23-train-dev-test-v1",
      dataDir: emptyDir,
      hub: { repo: "org/gated", token: "hf_test_unapproved", endpoint: hub.url },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: DATASET_ERROR_CODES.hubGated });
    expect((error as Error).message).toContain(join(emptyDir, "iot23-train-dev-test-v1.jsonl"));
    expect((error as Error).message).toMatch(/on the Hub \(org\/gated\)/);
    expect((error as Error).message).not.toContain("hf_test_unapproved");
  });
});

describe("SV_DATA_DIR", () => {
  it("is the data directory when no dataDir is given, for a named and an unnamed dataset", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-data-dir-"));
    writeFileSync(join(dir, "iot23-train-dev-test-v1.jsonl"), jsonl);
    writeFileSync(join(dir, "cic-ids-2017-ood-v1.jsonl"), jsonl);
    vi.stubEnv("SV_DATA_DIR", dir);
    vi.stubEnv("HF_TOKEN", "");
    const unnamed = await loadDataset({});
    expect(unnamed).toMatchObject({ tier: "local", path: join(dir, "iot23-train-dev-test-v1.jsonl") });
    const named = await loadDataset({ dataset: "cic-ids-2017-ood-v1", source: "local" });
    expect(named.path).toBe(join(dir, "cic-ids-2017-ood-v1.jsonl"));
    expect(named.rows).toHaveLength(syntheticRows().length);
  });

  it("loses to the dataDir option, and is named in the error when the dataset is not there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-data-dir-"));
    writeFileSync(join(dir, "iot23-train-dev-test-v1.jsonl"), jsonl);
    vi.stubEnv("SV_DATA_DIR", emptyDir);
    vi.stubEnv("HF_TOKEN", "");
    expect((await loadDataset({ dataDir: dir })).path).toBe(join(dir, "iot23-train-dev-test-v1.jsonl"));
    await expect(loadDataset({ dataset: "unsw-nb15-ood-v1" })).rejects.toThrow(
      `no file ${join(emptyDir, "unsw-nb15-ood-v1.jsonl")} (data directory ${emptyDir}, from SV_DATA_DIR)`,
    );
  });
});
