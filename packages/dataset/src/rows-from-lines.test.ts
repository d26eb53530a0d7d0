import { describe, expect, it } from "vitest";
import { rowsFromLines } from "./rows-from-lines.js";

const row = JSON.stringify({
  question: "Log Entry: proto=tcp",
  answer: "Benign",
  meta: { source: "t", scenario: "s", attack_family: "none", hash: "0123456789abcdef", split: "test" },
});

async function collect(lines: string[]) {
  async function* source() {
    yield* lines;
  }
  const rows = [];
  for await (const parsed of rowsFromLines(source(), "data.jsonl")) rows.push(parsed);
  return rows;
}

describe("rowsFromLines", () => {
  it("accepts a UTF-8 byte-order mark before the first line", async () => {
    const rows = await collect([`\uFEFF${row}`, row]);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.question).toBe("Log Entry: proto=tcp");
  });

  it("still names the file and line of a bad line", async () => {
    await expect(collect([row, `\uFEFF${row}`])).rejects.toThrow(
      /data\.jsonl:2: starts with a UTF-8 byte-order mark \(U\+FEFF\)/,
    );
  });
});
