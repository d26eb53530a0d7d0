import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FLOW_FIELDS, type FlowField } from "../flow.js";
import { flowHash } from "../flow-hash.js";
import { parseQuestion } from "../render-question.js";
import { parseRow, type Row } from "../row-schema.js";
import { DEMO_FILE } from "./find-demo-file.js";
import { generateDemoRows, rowsToJsonl } from "./generate-demo-rows.js";

const committed = readFileSync(fileURLToPath(new URL(`../../../../${DEMO_FILE}`, import.meta.url)), "utf8");
const rows = generateDemoRows();

/** Accuracy of the best one-field lookup classifier fitted on train, measured on dev+test. */
function oneFieldHeldOutAccuracy(field: FlowField): number {
  const value = (row: Row): string => {
    const raw = parseQuestion(row.question)[field];
    if (raw === undefined) return "-";
    const number = Number(raw);
    if (field.endsWith("_h") || field.endsWith("_p") || Number.isNaN(number)) return String(raw);
    return `2^${Math.round(Math.log2(number + 1))}`;
  };
  const counts = new Map<string, number>();
  for (const row of rows.filter((candidate) => candidate.meta.split === "train")) {
    const key = value(row);
    counts.set(key, (counts.get(key) ?? 0) + (row.answer === "Malicious" ? 1 : -1));
  }
  const heldOut = rows.filter((row) => row.meta.split !== "train");
  const correct = heldOut.filter((row) => {
    const vote = counts.get(value(row)) ?? 0;
    return (vote >= 0 ? "Malicious" : "Benign") === row.answer;
  });
  return correct.length / heldOut.length;
}

describe("demo set", () => {
  it("is exactly the generator's output (regenerate with packages/dataset/scripts/generate-demo.ts)", () => {
    expect(committed).toBe(rowsToJsonl(rows));
  });

  it("is deterministic per seed", () => {
    expect(rowsToJsonl(generateDemoRows())).toBe(committed);
    expect(rowsToJsonl(generateDemoRows({ seed: 24 }))).not.toBe(committed);
  });

  it("has valid, balanced, demo-labelled rows in every split", () => {
    const parsed = committed
      .trimEnd()
      .split("\n")
      .map((line, index) => parseRow(JSON.parse(line), { line: index + 1 }));
    expect(parsed).toHaveLength(300);
    for (const split of ["train", "dev", "test"]) {
      const inSplit = parsed.filter((row) => row.meta.split === split);
      const malicious = inSplit.filter((row) => row.answer === "Malicious").length;
      expect(malicious / inSplit.length).toBeCloseTo(0.5, 1);
    }
    expect(parsed.filter((row) => row.meta.split === "train")).toHaveLength(210);
    expect(parsed.every((row) => row.meta.source === "demo" && row.meta.demo === true)).toBe(true);
  });

  it("has unique hashes that match the question content", () => {
    expect(new Set(rows.map((row) => row.meta.hash)).size).toBe(rows.length);
    for (const row of rows) expect(flowHash(parseQuestion(row.question))).toBe(row.meta.hash);
  });

  it("cannot be classified well by any single field", () => {
    const accuracies = Object.fromEntries(
      FLOW_FIELDS.filter((field) => field !== "ts").map((field) => [field, oneFieldHeldOutAccuracy(field)]),
    );
    for (const accuracy of Object.values(accuracies)) expect(accuracy).toBeLessThanOrEqual(0.9);
    // The strongest fields still carry signal: the set is not noise.
    expect(Math.max(...Object.values(accuracies))).toBeGreaterThan(0.75);
  });
});
