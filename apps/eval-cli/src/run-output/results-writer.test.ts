import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failingFs } from "../../test/failing-fs.js";
import { openResultsWriter } from "./results-writer.js";

const record = (index: number) => ({ example_id: index, rollout_index: 0, text: "x".repeat(100 + index) });

describe("openResultsWriter", () => {
  it("on a full disk keeps the file whole (cut back to its last line), reports once and never throws", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "sv-writer-")), "results.jsonl");
    writeFileSync(path, `${JSON.stringify(record(0))}\n`);
    const errors: Error[] = [];
    const fs = failingFs({ budget: 700 });
    const writer = openResultsWriter({ path, fs, onError: (error) => errors.push(error) });
    for (let index = 1; index <= 3; index++) writer.write(record(index));
    writer.flush(); // ~350 bytes: fits
    for (let index = 4; index <= 9; index++) writer.write(record(index));
    await new Promise((resolve) => setImmediate(resolve)); // the event-loop flush: a short write, then ENOSPC
    writer.write(record(10));
    writer.close();
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe("ENOSPC");
    expect(writer.failure).toBe(errors[0]);
    // 700 bytes: records 1-3 (441 bytes), then of the 4-9 chunk the one whole line that fits (149 of 259).
    expect(writer.written).toBe(4);
    const text = readFileSync(path, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line).example_id),
    ).toEqual([0, 1, 2, 3, 4]);
  });

  it("loops over short writes, so a write cut short by the kernel loses nothing", () => {
    const path = join(mkdtempSync(join(tmpdir(), "sv-writer-")), "results.jsonl");
    const base = failingFs({ budget: Number.POSITIVE_INFINITY });
    const writer = openResultsWriter({
      path,
      fs: {
        ...base,
        writeSync: (fd, buffer, offset, length, position) =>
          base.writeSync(fd, buffer, offset, Math.min(length, 7), position),
      },
    });
    for (let index = 0; index < 5; index++) writer.write(record(index));
    writer.close();
    expect(readFileSync(path, "utf8").split("\n").filter(Boolean)).toHaveLength(5);
  });
});
