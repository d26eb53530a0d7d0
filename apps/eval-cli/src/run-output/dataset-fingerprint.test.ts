import type { LoadedDataset, Row } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { describeDatasetChange, fingerprintDataset } from "./dataset-fingerprint.js";

const row = (index: number, hash = true): Row => ({
  question: `flow ${index}`,
  answer: index % 2 ? "Malicious" : "Benign",
  meta: { source: "t", ...(hash ? { hash: index.toString(16).padStart(16, "0") } : {}) },
});
const dataset = (rows: Row[], extra: Partial<LoadedDataset> = {}): LoadedDataset => ({
  name: "d",
  tier: "local",
  split: "test",
  reason: "",
  path: "/data/d.jsonl",
  rows,
  ...extra,
});

describe("fingerprintDataset", () => {
  it("changes with the rows, their order and labels, not with the reason or the object", () => {
    const rows = [row(1), row(2), row(3, false)];
    const base = fingerprintDataset({ dataset: dataset(rows), seed: 7 });
    expect(
      fingerprintDataset({
        dataset: dataset(
          rows.map((r) => ({ ...r })),
          { reason: "other" },
        ),
        seed: 7,
      }),
    ).toEqual(base);
    expect(fingerprintDataset({ dataset: dataset([rows[1]!, rows[0]!, rows[2]!]), seed: 7 }).sha256).not.toBe(
      base.sha256,
    );
    expect(
      fingerprintDataset({
        dataset: dataset([rows[0]!, { ...rows[1]!, answer: "Malicious" }, rows[2]!]),
        seed: 7,
      }).sha256,
    ).not.toBe(base.sha256);
    expect(base).toMatchObject({ n_rows: 3, name: "d", source: "local", split: "test", seed: 7 });
  });

  it("says what differs: the source, the count, or other rows under the same name", () => {
    const demo = { tier: "demo", path: undefined, name: "demo" } as const;
    const run = fingerprintDataset({ dataset: dataset([row(1), row(2)], demo), seed: null });
    const local = fingerprintDataset({
      dataset: dataset([row(1), row(2), row(3)], { name: "demo" }),
      seed: null,
    });
    expect(describeDatasetChange({ recorded: run, current: local })).toBe(
      "source demo → local, path none → /data/d.jsonl, 2 → 3 rows",
    );
    const rebuilt = fingerprintDataset({ dataset: dataset([row(4), row(5)], demo), seed: null });
    expect(describeDatasetChange({ recorded: run, current: rebuilt })).toMatch(
      /^other rows or order \(fingerprint \w{12} → \w{12}; /,
    );
    expect(describeDatasetChange({ recorded: run, current: run })).toBeUndefined();
  });
});
