import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { scanLines } from "./scan-lines.js";

const text = Array.from({ length: 5000 }, (_, index) => `line ${index + 1}\t${"x".repeat(index % 50)}`).join(
  "\n",
);

async function scan(path: string, chunkBytes?: number) {
  const lines: string[] = [];
  const damaged: { line: number; message: string }[] = [];
  await scanLines({
    path,
    ...(chunkBytes ? { chunkBytes } : {}),
    onLine: (buffer, start, end) => lines.push(buffer.toString("utf8", start, end)),
    onDamagedGzip: (line, message) => damaged.push({ line, message }),
  });
  return { lines, damaged };
}

describe("scanLines", () => {
  it("reads a plain file through small reused buffers exactly", async () => {
    const dir = await mkdtemp(join(tmpdir(), "scan-"));
    await writeFile(join(dir, "plain.log"), text);
    const { lines } = await scan(join(dir, "plain.log"), 4096);
    expect(lines.join("\n")).toBe(text);
  });

  it("reports a truncated .gz at the first lost line and drops the cut line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "scan-"));
    const zipped = gzipSync(text);
    await writeFile(join(dir, "cut.log.gz"), zipped.subarray(0, Math.floor(zipped.length / 2)));
    const { lines, damaged } = await scan(join(dir, "cut.log.gz"));
    expect(damaged).toEqual([{ line: lines.length + 1, message: expect.stringMatching(/end of file/) }]);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines).toEqual(text.split("\n").slice(0, lines.length));
  });
});
