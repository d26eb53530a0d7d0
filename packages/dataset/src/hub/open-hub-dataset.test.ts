import { type FakeHub, rowsToParquet, startFakeHub } from "@sv/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";
import { loadDataset } from "../load-dataset.js";
import { syntheticRows } from "../synthetic-rows.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const GOOD = "hf_test_good_token_123";
const PENDING = "hf_test_pending_token_456";
const rows = syntheticRows().map((row, index) => ({
  ...row,
  meta: { ...row.meta, split: index % 2 ? "test" : "train" },
}));
const jsonl = rows.map((row) => JSON.stringify(row)).join("\n");
let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({
    tokens: { [GOOD]: true, [PENDING]: false },
    repos: {
      "org/ours": { sha: SHA, files: { "README.md": "# ours", "data/iot23-train-dev-test-v1.jsonl": jsonl } },
      "org/original": {
        sha: SHA,
        private: true,
        files: {
          "README.md": "# original",
          "data/train-00000-of-00001.parquet": new Uint8Array(rowsToParquet(rows)),
          "data/cic_ood-00000-of-00001.parquet": new Uint8Array(
            rowsToParquet(rows.slice(0, 3), { flat: true }),
          ),
        },
      },
      "org/gated": { sha: SHA, gated: true, files: { "iot23-train-dev-test-v1.jsonl": jsonl } },
    },
  });
});
afterAll(() => hub.close());

const hubOptions = (repo: string, token?: string) => ({ repo, token, endpoint: hub.url });

async function failure(promise: Promise<unknown>): Promise<DatasetError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

describe("hub tier", () => {
  it("reads our JSONL file, records the commit and keeps the test split", async () => {
    const loaded = await loadDataset({ source: "hub", hub: hubOptions("org/ours", GOOD) });
    expect(loaded).toMatchObject({ tier: "hub", repo: "org/ours", revision: SHA, split: "test" });
    expect(loaded.files).toEqual(["data/iot23-train-dev-test-v1.jsonl"]);
    expect(loaded.rows).toEqual(rows.filter((row) => row.meta.split === "test"));
  });

  it("reads the original's Parquet split with ClassLabel answers and a meta struct", async () => {
    const loaded = await loadDataset({ source: "hub", split: "all", hub: hubOptions("org/original", GOOD) });
    expect(loaded.files).toEqual(["data/train-00000-of-00001.parquet"]);
    expect(loaded.rows).toEqual(rows);
    // The Parquet file came through the LFS-style redirect.
    expect(hub.requests.some((request) => request.path.startsWith("/cdn/org/original/"))).toBe(true);
  });

  it("reads flattened meta columns of the OOD splits", async () => {
    const loaded = await loadDataset({
      source: "hub",
      split: "all",
      dataset: "cic-ids-2017-ood-v1",
      hub: hubOptions("org/original", GOOD),
    });
    expect(loaded.files).toEqual(["data/cic_ood-00000-of-00001.parquet"]);
    expect(loaded.rows).toEqual(rows.slice(0, 3));
  });

  it("says a token is needed when none is set", async () => {
    const error = await failure(loadDataset({ source: "hub", hub: hubOptions("org/original") }));
    expect(error.code).toBe(DATASET_ERROR_CODES.hubAuth);
    expect(error.message).toMatch(/org\/original needs a Hugging Face access token: set HF_TOKEN/);
  });

  it("says the token was rejected, without naming it", async () => {
    const token = "hf_test_wrong_secret_789";
    const error = await failure(loadDataset({ source: "hub", hub: hubOptions("org/ours", token) }));
    expect(error.code).toBe(DATASET_ERROR_CODES.hubAuth);
    expect(error.message).toMatch(/rejected HF_TOKEN/);
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain("secret_789");
  });

  it("rejects a token that is not hf_… without naming it", async () => {
    const error = await failure(
      loadDataset({ source: "hub", hub: hubOptions("org/ours", "sk-not-a-hub-token") }),
    );
    expect(error.code).toBe(DATASET_ERROR_CODES.hubAuth);
    expect(error.message).not.toContain("sk-not-a-hub-token");
  });

  it("tells how to request access to a gated repository", async () => {
    const error = await failure(loadDataset({ source: "hub", hub: hubOptions("org/gated", PENDING) }));
    expect(error.code).toBe(DATASET_ERROR_CODES.hubGated);
    expect(error.message).toContain(`request access on ${hub.url}/datasets/org/gated`);
    const approved = await loadDataset({ source: "hub", hub: hubOptions("org/gated", GOOD) });
    expect(approved.rows.length).toBeGreaterThan(0);
  });

  it("distinguishes a missing repository from a missing file", async () => {
    const repo = await failure(loadDataset({ source: "hub", hub: hubOptions("org/nothing", GOOD) }));
    expect(repo.code).toBe(DATASET_ERROR_CODES.hubNotFound);
    expect(repo.message).toMatch(/dataset repository org\/nothing not found/);
    const file = await failure(
      loadDataset({ source: "hub", dataset: "unsw-nb15-ood-v1", hub: hubOptions("org/ours", GOOD) }),
    );
    expect(file.code).toBe(DATASET_ERROR_CODES.hubNotFound);
    expect(file.message).toMatch(
      /no file for "unsw-nb15-ood-v1".*unsw_ood.*files in the repository: README\.md, data\/iot23/,
    );
  });

  it("names a missing revision", async () => {
    const error = await failure(
      loadDataset({ source: "hub", hub: { ...hubOptions("org/ours", GOOD), revision: "v9" } }),
    );
    expect(error.message).toMatch(/revision "v9" not found/);
  });

  it("reports an unreachable Hub", async () => {
    const closed = await startFakeHub({ repos: {} });
    await closed.close();
    const error = await failure(loadDataset({ source: "hub", hub: { token: GOOD, endpoint: closed.url } }));
    expect(error.code).toBe(DATASET_ERROR_CODES.hubUnavailable);
    expect(error.message).toMatch(
      /cannot reach the Hugging Face Hub at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
  });
});
