import { describe, expect, it } from "vitest";
import { rowsToParquet } from "./parquet-fixture.js";

const rows = [
  { question: "q1", answer: "Malicious", meta: { source: "s", split: "test" } },
  { question: "q2", answer: "Benign", meta: {} },
];

describe("rowsToParquet", () => {
  it.each([false, true])("writes a Parquet file (flat %s) naming every column", (flat) => {
    const bytes = Buffer.from(rowsToParquet(rows, { flat }));
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    expect(bytes.subarray(-4).toString()).toBe("PAR1");
    const footer = bytes.toString("latin1");
    for (const name of ["question", "answer", flat ? "meta.attack_family" : "attack_family"]) {
      expect(footer).toContain(name);
    }
  });
});
