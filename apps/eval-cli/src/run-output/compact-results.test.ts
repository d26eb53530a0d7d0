import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactResults } from "./compact-results.js";
import { nodeRunFs, type RunFs } from "./run-fs.js";

const ROLLOUTS = 2;
type Kind = "ok" | "error" | "invalid" | "blank";
const lineOf = (kind: Kind, example: number, rollout: number, pad: number): string => {
  if (kind === "blank") return "\n";
  if (kind === "invalid") return `{"example_id": ${example}, "rollout_in\n`;
  const error = kind === "error" ? { error: "x", message: "boom" } : null;
  // Our rows nest the rollout index; rows of earlier versions had it at the top level.
  const index = pad % 2 ? { rollout: { index: rollout, attempts: 1 } } : { rollout_index: rollout };
  return `${JSON.stringify({ example_id: example, ...index, reward: 1, pad: "p".repeat(pad), error })}\n`;
};

/** What a compaction must leave: each rollout's first readable line once, in file order. */
function expected(text: string, keepErrors: boolean): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  const lines = text.split("\n");
  const last = lines.pop() ?? "";
  const all = last === "" ? lines : [...lines, last];
  for (const line of all) {
    let row: { example_id: number; rollout_index?: number; rollout?: { index: number }; error: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      continue;
    }
    if (!keepErrors && row.error !== null) continue;
    const key = `${row.example_id}/${row.rollout?.index ?? row.rollout_index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(`${line}\n`);
  }
  return kept.join("");
}

const fileArbitrary = fc
  .record({
    lines: fc.array(
      fc.record({
        kind: fc.constantFrom<Kind>("ok", "ok", "ok", "error", "invalid", "blank"),
        example: fc.integer({ min: 0, max: 12 }),
        rollout: fc.integer({ min: 0, max: ROLLOUTS - 1 }),
        pad: fc.integer({ min: 0, max: 300 }),
      }),
      { maxLength: 40 },
    ),
    tear: fc.integer({ min: 0, max: 400 }),
    keepErrors: fc.boolean(),
    chunk: fc.integer({ min: 1, max: 700 }),
  })
  .map(({ lines, tear, keepErrors, chunk }) => {
    const whole = lines.map((line) => lineOf(line.kind, line.example, line.rollout, line.pad)).join("");
    // A torn last line: a prefix of one more record, as a kill in the middle of a write leaves.
    const extra = lineOf("ok", 99, 0, 50);
    const text = whole + extra.slice(0, Math.min(tear, extra.length - 2));
    return { text, keepErrors, chunk };
  });

function writeTemp(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "sv-compact-")), "results.jsonl");
  writeFileSync(path, text);
  return path;
}

/** The real file system, killed (every call throws) after `writes` positional writes. */
function killedAfter(writes: number): RunFs {
  let left = writes;
  return {
    ...nodeRunFs,
    writeSync(descriptor, buffer, offset, length, position) {
      if (left-- <= 0) throw Object.assign(new Error("killed"), { code: "EKILLED" });
      return nodeRunFs.writeSync(descriptor, buffer, offset, length, position);
    },
    ftruncateSync() {
      throw Object.assign(new Error("killed"), { code: "EKILLED" });
    },
  };
}

describe("compactResults", () => {
  it("keeps each rollout's first readable line once, in order, for any file (chunk sizes crossing lines)", () => {
    fc.assert(
      fc.property(fileArbitrary, ({ text, keepErrors, chunk }) => {
        const path = writeTemp(text);
        const inode = statSync(path).ino;
        const outcome = compactResults({ path, rolloutsPerExample: ROLLOUTS, keepErrors, chunkBytes: chunk });
        const after = readFileSync(path, "utf8");
        expect(after).toBe(expected(text, keepErrors));
        expect(outcome.kept).toBe(after.split("\n").filter(Boolean).length);
        // In place: the same file, shrunk; nothing beside it.
        expect(statSync(path).ino).toBe(inode);
        expect(readdirSync(join(path, ".."))).toEqual(["results.jsonl"]);
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it("killed part-way, the next compaction still ends with exactly the same file", () => {
    fc.assert(
      fc.property(fileArbitrary, fc.integer({ min: 0, max: 40 }), ({ text, keepErrors, chunk }, writes) => {
        const path = writeTemp(text);
        try {
          compactResults({
            path,
            rolloutsPerExample: ROLLOUTS,
            keepErrors,
            chunkBytes: chunk,
            fs: killedAfter(writes),
          });
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe("EKILLED");
        }
        compactResults({ path, rolloutsPerExample: ROLLOUTS, keepErrors, chunkBytes: chunk });
        expect(readFileSync(path, "utf8")).toBe(expected(text, keepErrors));
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it("only trims a torn last line: one truncate, no write, so it needs no free space", () => {
    const good = lineOf("ok", 0, 0, 10) + lineOf("ok", 1, 0, 10);
    const path = writeTemp(`${good}{"example_id": 2, "rol`);
    const writes: number[] = [];
    const outcome = compactResults({
      path,
      rolloutsPerExample: 1,
      keepErrors: true,
      fs: {
        ...nodeRunFs,
        writeSync: (...args) => {
          writes.push(args[3]);
          return nodeRunFs.writeSync(...args);
        },
      },
    });
    expect(writes).toEqual([]);
    expect(outcome).toMatchObject({ kept: 2, invalid: 1, tornTail: true });
    expect(readFileSync(path, "utf8")).toBe(good);
  });

  it("numbers rows without rollout_index (vf-eval's) in file order per example; out-of-range ones are unreadable", () => {
    const rows = [
      { example_id: 0, error: null },
      { example_id: 1, error: null },
      { example_id: 0, error: null },
      { example_id: 0, error: null },
      { example_id: 2, rollout_index: 5, error: null },
    ];
    const path = writeTemp(rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
    const outcome = compactResults({ path, rolloutsPerExample: 2, keepErrors: true });
    expect([...outcome.done].sort()).toEqual([0, 1, 2]);
    expect(outcome).toMatchObject({ kept: 3, duplicates: 0, invalid: 2 });
  });

  it("a whole record whose newline was lost is kept and terminated; a missing file is empty", () => {
    const line = lineOf("ok", 0, 0, 10);
    const path = writeTemp(line.slice(0, -1));
    expect(compactResults({ path, rolloutsPerExample: 1, keepErrors: true })).toMatchObject({
      kept: 1,
      tornTail: false,
    });
    expect(readFileSync(path, "utf8")).toBe(line);
    expect(compactResults({ path: `${path}.none`, rolloutsPerExample: 1, keepErrors: true }).kept).toBe(0);
  });
});
