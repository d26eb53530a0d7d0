import { isUtf8 } from "node:buffer";
import { link, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runBuild } from "../apps/build-data/src/index.js";
import { requireShared } from "../vitest.shared.js";
import { type DamageKind, damageLog, labelsByLine, seededRandom } from "./build-data/damage-lines.js";
import { scaled } from "./soak-scale.js";

const raw = requireShared(join("datasets", "raw", "iot23"), "the real IoT-23 raw samples");
const RAW = raw.path;
const CONN = join("bro", "conn.log.labeled");
/** Damaged copies: [capture name in the copy, capture read from, gzipped and truncated?]. */
const COPIES: [string, string, boolean][] = [
  ["CTU-IoT-Malware-Capture-34-1", "CTU-IoT-Malware-Capture-34-1", false],
  ["CTU-Honeypot-Capture-4-1", "CTU-Honeypot-Capture-4-1", false],
  ["CTU-IoT-Malware-Capture-34-2", "CTU-IoT-Malware-Capture-34-1", true],
];

interface Truth {
  labels: (string | undefined)[];
  damaged: Map<number, DamageKind>;
  /** 1-based numbers of the lines that are not valid UTF-8. */
  invalidUtf8: number[];
  /** Written with a UTF-8 byte order mark in front. */
  bom: boolean;
  /** Plain text under a `.gz` name. */
  fakeGzip: boolean;
}

interface Inputs {
  /** By the display name a row's `meta.file` may carry. */
  truths: Map<string, Truth>;
  roots: string[];
  /** Display names that lead to a file listed under another name. */
  duplicates: string[];
}

function invalidUtf8Lines(bytes: Buffer): number[] {
  const numbers: number[] = [];
  let start = 0;
  for (let number = 1; start <= bytes.length; number++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (!isUtf8(bytes.subarray(start, end))) numbers.push(number);
    start = end + 1;
  }
  return numbers;
}

/**
 * Damaged copies of the real captures, with seeded file-level oddities: a UTF-8 byte order mark, a
 * plain-text copy named `.gz`, and the same capture reached again through a symbolic link, a hard link
 * and a second root naming the file itself.
 */
async function makeInputs(dir: string, seed: number): Promise<Inputs> {
  const truths = new Map<string, Truth>();
  const random = seededRandom(seed);
  const paths: string[] = [];
  for (const [index, [name, from, gzip]] of COPIES.entries()) {
    const original = await readFile(join(RAW, from, CONN));
    const damage = damageLog(original, seed * 31 + index, 0.01);
    const bom = random() < 0.5;
    const fakeGzip = !gzip && index === 1 && random() < 0.5;
    const bytes = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), damage.bytes]) : damage.bytes;
    const file = join(name, `${CONN}${gzip || fakeGzip ? ".gz" : ""}`);
    const path = join(dir, "iot23", file);
    await mkdir(dirname(path), { recursive: true });
    if (gzip) {
      const zipped = gzipSync(bytes);
      const cut = Math.floor(zipped.length * (0.3 + random() * 0.6));
      await writeFile(path, zipped.subarray(0, cut));
    } else await writeFile(path, bytes);
    paths.push(path);
    const truth = {
      labels: labelsByLine(original),
      damaged: damage.damaged,
      invalidUtf8: invalidUtf8Lines(bytes),
      bom,
      fakeGzip,
    };
    truths.set(`iot23/${file.split("\\").join("/")}`, truth);
  }
  await mkdir(join(dir, "iot23", "extra"));
  await symlink(paths[0]!, join(dir, "iot23", "extra", "linked.conn.log.labeled"));
  await link(paths[1]!, join(dir, "iot23", "extra", "hard.conn.log.labeled"));
  // Named from its capture folder, this name sorts first, so the copy under iot23/ is the duplicate.
  const direct = `${COPIES[0]![0]}/${CONN.split("\\").join("/")}`;
  truths.set(direct, truths.get(`iot23/${direct}`)!);
  return {
    truths,
    roots: [join(dir, "iot23"), paths[0]!],
    duplicates: [
      `iot23/${direct}`,
      "iot23/extra/hard.conn.log.labeled",
      "iot23/extra/linked.conn.log.labeled",
    ],
  };
}

async function build(roots: string[], out: string, workers: number) {
  const result = await runBuild({
    sources: { iot23: roots },
    only: ["iot23"],
    out,
    limit: 600,
    oodLimit: 10,
    seed: 42,
    splitStrategy: "stratified",
    mode: "full",
    attempted: "exclude",
    hub: { cacheDir: join(out, "cache"), offline: true },
    workers,
    minBytesPerWorker: 0,
  });
  const files: Record<string, string> = {};
  for (const name of (await readdir(out)).sort()) files[name] = await readFile(join(out, name), "utf8");
  return { manifest: result.datasets[0]!.manifest, files };
}

describe.skipIf(!raw.available)("build-data soak: damaged IoT-23 captures", () => {
  it("never mislabels a row, reports every skip with file:line, stays deterministic", async () => {
    const rounds = scaled(25);
    const reasons = new Set<string>();
    for (let round = 0; round < rounds; round++) {
      const seed = 1000 + round;
      const dir = await mkdtemp(join(tmpdir(), "bd-soak-"));
      try {
        const { truths, roots, duplicates } = await makeInputs(dir, seed);
        const first = await build(roots, join(dir, "out-1"), 1);
        const second = await build([...roots].reverse(), join(dir, "out-2"), 2);
        expect(second.files, `seed ${seed}: 1 vs 2 workers`).toEqual(first.files);

        const rows = first.files["iot23-train-dev-test-v1.jsonl"]!.trim()
          .split("\n")
          .map((line) => JSON.parse(line));
        expect(rows.length).toBeGreaterThan(100);
        for (const row of rows) {
          const truth = truths.get(row.meta.file);
          expect(truth, `seed ${seed}: unknown file ${row.meta.file}`).toBeDefined();
          const where = `seed ${seed}: ${row.meta.file}:${row.meta.line}`;
          expect(row.answer, where).toBe(truth!.labels[row.meta.line - 1]);
          expect(truth!.damaged.get(row.meta.line), where).not.toBe("fields");
        }

        const skipped = first.manifest.lines_skipped;
        for (const [reason, examples] of Object.entries(skipped.examples)) {
          reasons.add(reason);
          expect(skipped.counts[reason]).toBeGreaterThanOrEqual(examples.length);
          for (const example of examples) {
            const match = /^([^:]+):(\d+)/.exec(example);
            expect(match, example).not.toBeNull();
            const truth = truths.get(match![1]!);
            const line = Number(match![2]);
            const gzipCut = reason.includes("gzip");
            expect(
              gzipCut || truth?.damaged.has(line),
              `seed ${seed}: skip at an undamaged line: ${example}`,
            ).toBe(true);
          }
        }
        for (const input of first.manifest.inputs) expect(input.skipped, input.file).toBeGreaterThan(0);
        expect(Object.keys(skipped.counts).some((reason) => reason.includes("gzip"))).toBe(true);

        // The same capture through another path is read once, and said so.
        expect(first.manifest.inputs).toHaveLength(COPIES.length);
        expect(
          first.manifest.ignored_files.map((entry) => entry.file),
          `seed ${seed}: duplicates`,
        ).toEqual(duplicates);
        for (const entry of first.manifest.ignored_files) expect(entry.reason).toMatch(/^same file as /);
        // Invalid UTF-8 is counted per file, over the lines read (a truncated .gz loses its tail).
        const gzipBreak = (skipped.examples["truncated or corrupt gzip (rest of file lost)"] ?? []).map(
          (example) => /^([^:]+):(\d+)/.exec(example)!,
        );
        for (const input of first.manifest.inputs) {
          const truth = truths.get(input.file)!;
          const lost = gzipBreak.find((match) => match[1] === input.file);
          const read = lost ? truth.invalidUtf8.filter((line) => line < Number(lost[2])) : truth.invalidUtf8;
          expect(input.invalid_utf8_lines, `seed ${seed}: ${input.file}`).toBe(read.length);
          if (read.length > 0) expect(input.first_invalid_utf8).toBe(`${input.file}:${read[0]}`);
          const notes = input.notes ?? [];
          expect(notes.includes("starts with a UTF-8 byte order mark (removed)"), input.file).toBe(truth.bom);
          expect(notes.includes("named .gz but not gzip-compressed: read as plain text"), input.file).toBe(
            truth.fakeGzip,
          );
          if (truth.fakeGzip) expect(lost, `seed ${seed}: ${input.file} read as gzip`).toBeUndefined();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    expect(reasons.size).toBeGreaterThanOrEqual(3);
  });
});
