import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flowsOf, writeConnLog } from "../test-utils/write-conn-log.js";
import { buildSource } from "./build-source.js";

const maliciousShare = (answers: readonly string[]) =>
  answers.filter((answer) => answer === "Malicious").length / answers.length;

describe("buildSource output order", () => {
  it("mixes labels inside every split, so the first rows of a split are a fair sample", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-order-"));
    // A big malicious stratum and a small benign one: the malicious reservoir keeps only its
    // smallest priorities, so ordering by priority would put every malicious row first.
    await writeConnLog({
      root,
      scenario: "CTU-IoT-Malware-Capture-1-1",
      flows: [...flowsOf("Malicious", 3000), ...flowsOf("Benign", 150)],
    });
    const options = {
      source: "iot23" as const,
      roots: [root],
      seed: 3,
      limit: 200,
      balanced: true,
      splitStrategy: "stratified" as const,
      attempted: "exclude" as const,
    };
    const { rows } = await buildSource(options);
    expect(rows.map((row) => row.meta.split)).toEqual(
      [...rows.map((row) => row.meta.split)].sort(
        (left, right) => ["train", "dev", "test"].indexOf(left) - ["train", "dev", "test"].indexOf(right),
      ),
    );
    for (const split of ["train", "dev", "test"]) {
      const answers = rows.filter((row) => row.meta.split === split).map((row) => row.answer);
      const head = answers.slice(0, Math.ceil(answers.length / 3));
      expect(maliciousShare(answers)).toBeCloseTo(0.5, 1);
      expect(maliciousShare(head)).toBeGreaterThan(0.2);
      expect(maliciousShare(head)).toBeLessThan(0.8);
    }
    const again = await buildSource(options);
    expect(again.rows).toEqual(rows);
    const reseeded = await buildSource({ ...options, seed: 4 });
    expect(reseeded.rows.map((row) => row.meta.hash)).not.toEqual(rows.map((row) => row.meta.hash));
  });
});
