import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { scanLines } from "./scan-lines.js";

const text = Array.from({ length: 5000 }, (_, index) => `line ${index + 1}\t${"x".repeat(index % 50)}`).join(
  "\n",
);

async function scan(path: string, chunkBytes?: number, offThreadHashBytes?: number) {
  const lines: string[] = [];
  const damaged: { line: number; message: string }[] = [];
  const result = await scanLines({
    path,
    ...(chunkBytes ? { chunkBytes } : {}),
    ...(offThreadHashBytes !== undefined ? { offThreadHashBytes } : {}),
    onLine: (buffer, start, end) => lines.push(buffer.toString("utf8", start, end)),
    onDamagedGzip: (line, message) => damaged.push({ line, message }),
  });
  return { lines, damaged, result };
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

async function tempFile(name: string, content: Buffer | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "scan-"));
  await writeFile(join(dir, name), content);
  return join(dir, name);
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

  it("hashes the bytes it reads, in line and on a helper thread alike", async () => {
    const path = await tempFile("plain.log", text);
    for (const offThreadHashBytes of [undefined, 0]) {
      const { result } = await scan(path, 4096, offThreadHashBytes);
      expect(result.sha256).toBe(sha256(text));
      expect(result.bytes).toBe(Buffer.byteLength(text));
      expect(result.lines).toBe(5000);
    }
  });

  it("hashes every byte of a truncated .gz, also those after the break", async () => {
    const zipped = gzipSync(text);
    const cut = zipped.subarray(0, Math.floor(zipped.length / 2));
    const { result, damaged } = await scan(await tempFile("cut.log.gz", cut), 1024);
    expect(damaged).toHaveLength(1);
    expect(result).toMatchObject({ gzip: true, bytes: cut.length, sha256: sha256(cut) });
  });

  it("removes a UTF-8 byte order mark from line 1 only, also inside a .gz", async () => {
    const content = `\ufeff#fields\ta\nx\ty\n`;
    for (const [name, bytes] of [
      ["bom.log", Buffer.from(content)],
      ["bom.log.gz", gzipSync(content)],
    ] as const) {
      const { lines, result } = await scan(await tempFile(name, bytes));
      expect(lines).toEqual(["#fields\ta", "x\ty"]);
      expect(result.bom).toBe(true);
    }
    const { lines, result } = await scan(await tempFile("late.log", "a\n\ufeffb\n"));
    expect(lines).toEqual(["a", "\ufeffb"]);
    expect(result.bom).toBe(false);
  });

  it("decides gzip by the magic bytes, not the name", async () => {
    const plain = await scan(await tempFile("plain-text.log.gz", text));
    expect(plain.damaged).toEqual([]);
    expect(plain.lines.join("\n")).toBe(text);
    expect(plain.result.gzip).toBe(false);
    const zipped = await scan(await tempFile("zipped.log", gzipSync(text)));
    expect(zipped.lines.join("\n")).toBe(text);
    expect(zipped.result.gzip).toBe(true);
  });

  it("counts lines that are not valid UTF-8, wherever the chunks break", async () => {
    const bad = new Set([3, 700, 701, 999]);
    const parts = text
      .split("\n")
      .slice(0, 1000)
      .map((line, index) => {
        const bytes = Buffer.from(line);
        // A lone continuation byte, a cut 3-byte sequence, an overlong encoding, a lone surrogate.
        const broken = [[0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80]][index % 4]!;
        return bad.has(index + 1) ? Buffer.concat([bytes, Buffer.from(broken)]) : bytes;
      });
    // Valid multi-byte text elsewhere must not count, even when a chunk boundary cuts it.
    parts[10] = Buffer.from("€uro ünïcödé ✓");
    const path = await tempFile(
      "mixed.log",
      Buffer.concat(parts.flatMap((part) => [part, Buffer.from("\n")])),
    );
    for (const chunkBytes of [7, 64, 1000, 1 << 20]) {
      const { result } = await scan(path, chunkBytes);
      expect(result.invalidUtf8Lines, `chunks of ${chunkBytes}`).toBe(4);
      expect(result.firstInvalidUtf8Line).toBe(3);
    }
  });
});
