import { describe, expect, it } from "vitest";
import type { ResultLine } from "./result-line.js";
import { ROLLOUT_FLAGS } from "./rollout-flags.js";
import { RolloutTableBuilder } from "./rollout-table-builder.js";

function line(exampleId: number, label: "Benign" | "Malicious", answer: "Benign" | "Malicious"): ResultLine {
  return {
    example_id: exampleId,
    rollout_index: 0,
    prompt: [
      { role: "system", content: "system" },
      { role: "user", content: `Log Entry: id.orig_p=${exampleId}` },
    ],
    completion: JSON.stringify({ label, confidence: 0.9 }),
    answer,
    reward: label === answer ? 1.78 : 0.12,
    metrics: { accuracy: label === answer ? 1 : 0, format: 1, calibration: 0.9, asymmetric_cost: 1 },
    parsed: { label, confidence: 0.9 },
    info: {},
    token_usage: { input_tokens: 0, output_tokens: 0 },
    timing: { generation_ms: 1, scoring_ms: 0, total_ms: 1 },
    attempts: 1,
    error: null,
  } as unknown as ResultLine;
}

describe("RolloutTableBuilder", () => {
  it("keeps at most maxRows rollouts, every flagged one first, in example order, whatever the arrival order", () => {
    const lines = Array.from({ length: 1000 }, (_, index) =>
      line(index, index % 100 === 0 ? "Benign" : "Malicious", "Malicious"),
    );
    const build = (ordered: ResultLine[]) => {
      const builder = new RolloutTableBuilder({ maxRows: 50 });
      for (const entry of ordered) builder.add(entry, "family", "source");
      return builder.result();
    };
    const table = build(lines);
    expect(table.totalRows).toBe(1000);
    expect(table.rows).toHaveLength(50);
    const missed = table.rows.filter((row) => (row[10] & ROLLOUT_FLAGS.missedAttack) !== 0);
    expect(missed).toHaveLength(10);
    const ids = table.rows.map((row) => Number(row[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(table.prompts).toHaveLength(50);
    expect(table.rows.every((row) => table.prompts[row[13]]?.endsWith(`=${row[0]}`))).toBe(true);
    expect(build([...lines].reverse())).toEqual(table);
  });
});
