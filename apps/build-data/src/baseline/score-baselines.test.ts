import { readdir, readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { flowHash, renderQuestion, type Flow } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import type { DatasetRow } from "../build/dataset-row.js";
import type { StagedDataset } from "../build/staged-dataset.js";
import { countRows } from "../build/count-rows.js";
import { writeBuild } from "../build/write-build.js";
import { validateDir } from "../validate/validate-dir.js";
import { majorityScores } from "./majority-class.js";
import { scoreBaselines } from "./score-baselines.js";

const telnet = (index: number): Flow => ({
  "id.orig_h": `10.0.${index >> 8}.${index & 255}`,
  "id.orig_p": 40000 + index,
  "id.resp_h": "185.244.25.235",
  "id.resp_p": 23,
  proto: "tcp",
  conn_state: "S0",
  history: "S",
  orig_pkts: 3,
  orig_ip_bytes: 180,
});
const dns = (index: number): Flow => ({
  "id.orig_h": `10.1.${index >> 8}.${index & 255}`,
  "id.orig_p": 30000 + index,
  "id.resp_h": "8.8.8.8",
  "id.resp_p": 53,
  proto: "udp",
  service: "dns",
  conn_state: "SF",
  history: "Dd",
  orig_pkts: 1,
  orig_ip_bytes: 60 + (index % 40),
});

function row(flow: Flow, answer: "Malicious" | "Benign", split: string, line: number): DatasetRow {
  return {
    question: renderQuestion(flow),
    answer,
    meta: {
      source: "iot23",
      scenario: "CTU-IoT-Malware-Capture-1-1",
      attack_family: answer === "Malicious" ? "PartOfAHorizontalPortScan" : "NA",
      hash: flowHash(flow),
      split,
      file: "generated",
      line,
    },
  };
}

/** Train and test say telnet scans are malicious; dev says the opposite, so calibrating on it inverts the model. */
function invertedIot(): StagedDataset {
  const rows: DatasetRow[] = [];
  let line = 0;
  for (let index = 0; index < 140; index++) {
    rows.push(row(telnet(index), "Malicious", "train", ++line));
    rows.push(row(dns(index), "Benign", "train", ++line));
  }
  for (const split of ["dev", "test"]) {
    for (let index = 0; index < 30; index++) {
      const offset = split === "dev" ? 1000 : 2000;
      const inverted = split === "dev";
      rows.push(row(telnet(offset + index), inverted ? "Benign" : "Malicious", split, ++line));
      rows.push(row(dns(offset + index), inverted ? "Malicious" : "Benign", split, ++line));
    }
  }
  const fileName = "iot23-train-dev-test-v1.jsonl";
  return {
    source: "iot23",
    fileName,
    rows,
    carried: false,
    section: {
      dataset: fileName,
      source: "iot23",
      limit: rows.length,
      balanced: true,
      split_strategy: "stratified",
      inputs: [],
      ignored_files: [],
      rows_read: rows.length,
      lines_skipped: { counts: {}, examples: {} },
      duplicates_dropped: 0,
      label_conflicts: 0,
      label_conflict_examples: [],
      strata: [],
      counts: countRows(rows),
      notes: [],
    },
  };
}

describe("scoreBaselines", () => {
  it("refuses a learned baseline worse than the majority class", () => {
    const report = scoreBaselines({ datasets: [invertedIot()], seed: 1 });
    expect(report.model).toBeUndefined();
    expect(report.refusal).toMatch(
      /^baseline\/learned not shipped: its scores rank dev the wrong way round \(Platt slope -/,
    );
    expect(report.refusal).toMatch(/its iot23 test accuracy 0\.0% is below the majority class \(50\.0%\)/);
    expect(report.learned?.["iot23 test"]?.accuracy).toBe(0);
  });

  it("a refused baseline is left out, the card says why, and the build is incomplete", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-refused-"));
    const written = await writeBuild({ dir, mode: "full", seed: 1, datasets: [invertedIot()] });
    expect(written.incomplete).toEqual([
      expect.stringMatching(/^baseline\/learned not shipped: .*baseline-learned-v1.json omitted/),
    ]);
    expect(await readdir(dir)).not.toContain("baseline-learned-v1.json");
    const card = await readFile(join(dir, "DATA_CARD.md"), "utf8");
    expect(card).toContain("**Incomplete build:** baseline/learned not shipped");
    expect(card).toContain("| baseline/learned (not shipped, see below) | iot23 test (60 rows) | 0.0% |");
    const failed = (await validateDir({ dir })).filter((check) => !check.ok);
    expect(failed).toEqual([
      { name: "build-v1.json: build complete", ok: false, detail: expect.stringMatching(/not shipped/) },
    ]);
  });
});

describe("majorityScores", () => {
  it("is the share of the more frequent answer per split, n/a on an empty split", () => {
    const rows = invertedIot().rows.filter(
      (entry) => entry.meta.split !== "dev" || entry.answer === "Malicious",
    );
    expect(majorityScores({ set: "iot23", rows, splits: ["train", "dev", "test", "ood"] })).toEqual([
      { set: "iot23", split: "train", rows: 280, labels: ["Malicious", "Benign"], accuracy: 0.5 },
      { set: "iot23", split: "dev", rows: 30, labels: ["Malicious"], accuracy: 1 },
      { set: "iot23", split: "test", rows: 60, labels: ["Malicious", "Benign"], accuracy: 0.5 },
      { set: "iot23", split: "ood", rows: 0, labels: [], accuracy: undefined },
    ]);
  });
});
