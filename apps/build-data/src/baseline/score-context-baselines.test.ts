import { renderContextQuestion } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import type { DatasetRow } from "../build/dataset-row.js";
import type { StagedDataset } from "../build/staged-dataset.js";
import { renderContextSection } from "../card/context-card-section.js";
import { emptyContextStats } from "../context/context-options.js";
import type { ContextSection } from "../context/context-rows.js";
import { scoreContextBaselines } from "./score-context-baselines.js";

function row(index: number, split: string, scanning: boolean): DatasetRow {
  const host = `10.0.${index % 7}.1`;
  const flow = {
    "id.orig_h": host,
    "id.resp_h": "10.9.9.9",
    "id.resp_p": "8080",
    proto: "tcp",
    conn_state: "SF",
  };
  const context = scanning
    ? Array.from({ length: 5 }, (_, position) => ({
        ...flow,
        "id.resp_h": `10.8.${index % 200}.${position}`,
        conn_state: "S0",
      }))
    : [{ ...flow }];
  return {
    question: renderContextQuestion({ context, flow, windowSeconds: 300 }),
    answer: scanning ? "Malicious" : "Benign",
    meta: {
      source: "iot23",
      scenario: "CTU-IoT-Malware-Capture-1-1",
      attack_family: scanning ? "PartOfAHorizontalPortScan" : "NA",
      hash: `h${index}`,
      split,
      file: "f",
      line: index,
      context_flows: context.length,
    },
  };
}

function section(rows: DatasetRow[]): ContextSection {
  return {
    sample_of: "iot23-train-dev-test-v1.jsonl",
    flows: 5,
    window_seconds: 300,
    max_hosts: 10,
    memory_bound_lines: 50,
    split_strategy: "time",
    rows_dropped_for_overlap: 0,
    sampled_without_context: 0,
    stats: emptyContextStats(),
    context_sizes: [],
    counts: { total: rows.length } as ContextSection["counts"],
    notes: [],
  };
}

function dataset(rows: DatasetRow[], source: StagedDataset["source"] = "iot23"): StagedDataset {
  return {
    source,
    fileName: "x.jsonl",
    rows: [],
    section: {} as StagedDataset["section"],
    context: { fileName: "iot23-context-v1.jsonl", rows, section: section(rows) },
    carried: false,
  };
}

describe("scoreContextBaselines", () => {
  it("measures what context adds: the same flows, told apart only by their earlier flows", () => {
    const splits = ["train", "train", "train", "train", "dev", "test"];
    const rows = Array.from({ length: 600 }, (_, index) => row(index, splits[index % 6]!, index % 2 === 0));
    const report = scoreContextBaselines({
      datasets: [dataset(rows)],
      seed: 1,
      flows: 5,
      windowSeconds: 300,
    });
    const without = report.learnedWithoutContext!["iot23-context test"]!.accuracy!;
    const withContext = report.learnedWithContext!["iot23-context test"]!.accuracy!;
    expect(withContext).toBeGreaterThan(0.95);
    expect(without).toBeLessThan(0.75);
    expect(report.model?.features).toBe("flow+context");
    expect(
      report.aggregateAudit!.find((entry) => entry.aggregate === "failed-connection share")!.flagged,
    ).toBe(true);
  });

  it("shows n/a, refuses the model and names the missing sets when a context set has no test rows", () => {
    const rows = Array.from({ length: 40 }, (_, index) => row(index, "train", index % 2 === 0));
    const empty = dataset([], "cic");
    const report = scoreContextBaselines({
      datasets: [dataset(rows), empty],
      seed: 1,
      flows: 5,
      windowSeconds: 300,
    });
    expect(report.model).toBeUndefined();
    expect(report.refusal).toMatch(/no dev or test rows/);
    expect(report.missing).toEqual([
      { source: "cic-ids-2017", reason: expect.stringMatching(/MachineLearningCVE/) },
    ]);
    const text = renderContextSection({ report, modelFile: "baseline-learned-context-v1.json", sets: [] });
    expect(text).toMatch(/iot23-context test \(0 rows\) \| n\/a \| n\/a/);
    expect(text).toMatch(/cic-ids-2017: no context set/);
    expect(text).not.toMatch(/\| 0\.0% \|/);
  });
});
