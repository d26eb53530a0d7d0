import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
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
  /** For the truncated .gz: lines from here on were lost. */
  lostFrom?: number;
}

async function makeInputs(dir: string, seed: number): Promise<Map<string, Truth>> {
  const truths = new Map<string, Truth>();
  const random = seededRandom(seed);
  for (const [index, [name, from, gzip]] of COPIES.entries()) {
    const original = await readFile(join(RAW, from, CONN));
    const { bytes, damaged } = damageLog(original, seed * 31 + index, 0.01);
    const file = join(name, `${CONN}${gzip ? ".gz" : ""}`);
    await mkdir(dirname(join(dir, "iot23", file)), { recursive: true });
    const truth: Truth = { labels: labelsByLine(original), damaged };
    if (gzip) {
      const zipped = gzipSync(bytes);
      const cut = Math.floor(zipped.length * (0.3 + random() * 0.6));
      await writeFile(join(dir, "iot23", file), zipped.subarray(0, cut));
    } else await writeFile(join(dir, "iot23", file), bytes);
    truths.set(`iot23/${file.split("\\").join("/")}`, truth);
  }
  return truths;
}

async function build(input: string, out: string, workers: number) {
  const result = await runBuild({
    sources: { iot23: [join(input, "iot23")] },
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
        const truths = await makeInputs(dir, seed);
        const first = await build(dir, join(dir, "out-1"), 1);
        const second = await build(dir, join(dir, "out-2"), 2);
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
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    expect(reasons.size).toBeGreaterThanOrEqual(3);
  });
});
