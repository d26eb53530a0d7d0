import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
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

describe("buildSource value checks", () => {
  it("never samples a flow its validation would reject; counts it as an invalid value with file:line and field", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-canonical-"));
    const flows = [...flowsOf("Malicious", 40), ...flowsOf("Benign", 40)];
    flows[3] = { label: "Malicious", fields: { service: "C&C" } };
    flows[5] = { label: "Malicious", fields: { "id.resp_h": "185.244.25.23f" } };
    flows[50] = { label: "Benign", fields: { proto: "UDP" } };
    await writeConnLog({ root, scenario: "CTU-IoT-Malware-Capture-1-1", flows });
    const { rows, manifest } = await buildSource({
      source: "iot23",
      roots: [root],
      seed: 3,
      limit: 200,
      balanced: true,
      splitStrategy: "stratified",
      attempted: "exclude",
    });
    expect(rows).toHaveLength(77);
    const file = `${basename(root)}/CTU-IoT-Malware-Capture-1-1/bro/conn.log.labeled`;
    expect(manifest.lines_skipped.counts["invalid value"]).toBe(3);
    expect([...manifest.lines_skipped.examples["invalid value"]!].sort()).toEqual([
      `${file}:12: field service: value "C&C" shows the label or family word "C&C"`,
      `${file}:14: field id.resp_h: value "185.244.25.23f" is not an IP address`,
      `${file}:59: field proto: value "UDP" is not a lower-case protocol or service name`,
    ]);
    expect(manifest.inputs[0]?.skipped).toBe(3);
  });
});
