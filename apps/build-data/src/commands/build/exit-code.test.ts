import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../cli.js";
import { fixturesDir } from "../../test-utils/paths.js";

async function benignOnlyCic(root: string): Promise<string> {
  const source = join(fixturesDir, "cic", "MachineLearningCVE", "Tuesday-WorkingHours.pcap_ISCX.csv");
  const lines = (await readFile(source, "utf8")).split("\n").filter(Boolean);
  const dir = join(root, "cic");
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "Monday-WorkingHours.pcap_ISCX.csv"),
    `${[lines[0], ...lines.slice(1).filter((line) => line.trim().endsWith("BENIGN"))].join("\n")}\n`,
  );
  return dir;
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const code = await runCli(["node", "build-data", ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("build-data exit code", () => {
  it("is non-zero when an output fails its own validation, naming the check, unless --allow-incomplete", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-exit-"));
    const cic = await benignOnlyCic(root);
    const out = join(root, "out");
    const args = ["--only", "cic", "--cic", cic, "--out", out, "--ood-limit", "20", "--workers", "1"];
    const failed = await run(args);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("check failed: cic-ids-2017-ood-v1.jsonl: both labels present: Benign");
    expect(failed.stderr).toMatch(
      /error: the build failed 1 of its own checks \(cic-ids-2017-ood-v1.jsonl: both labels present\); .* was left as it was/,
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.rejected`)).toBe(true);

    const allowed = await run([...args, "--allow-incomplete"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain(
      "check failed (installed because of --allow-incomplete): cic-ids-2017-ood-v1.jsonl: both labels present",
    );
    const card = await readFile(join(out, "DATA_CARD.md"), "utf8");
    expect(card).toMatch(
      /\| majority class \(always Benign\) \| cic-ids-2017 ood \(\d+ rows\) \| 100\.0% \| — \|/,
    );
  });
});
