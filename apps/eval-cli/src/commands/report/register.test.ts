import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { writeFakeRun } from "../../../test/browser/fake-run.js";
import { runCli } from "../../cli.js";

describe("eval report", () => {
  it("regenerates each run and writes a comparison for several", async () => {
    const root = await mkdtemp(join(tmpdir(), "sv-report-cli-"));
    const a = await writeFakeRun({ dir: join(root, "a"), seed: 1, examples: 30 });
    const b = await writeFakeRun({ dir: join(root, "b"), seed: 2, examples: 30 });
    const out = join(root, "cmp");
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    let printed = "";
    try {
      const code = await runCli(["node", "eval", "report", a, b, "--out", out, "--resamples", "20"]);
      expect(code).toBe(0);
      printed = stdout.mock.calls.map((call) => String(call[0])).join("");
    } finally {
      stdout.mockRestore();
    }
    for (const file of ["summary.json", "report.md", "report.html"]) {
      expect(existsSync(join(a, file))).toBe(true);
      expect(existsSync(join(b, file))).toBe(true);
    }
    expect(existsSync(join(out, "comparison.html"))).toBe(true);
    expect(existsSync(join(out, "scoreboard.md"))).toBe(true);
    expect(printed).toMatch(/a[/\\]report\.html: 30 rollouts, /);
    expect(printed).toContain("Same data, examples and rubric in every run");
  });

  it("fails cleanly on a directory without results", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const code = await runCli(["node", "eval", "report", join(tmpdir(), "sv-no-such-run")]);
      expect(code).toBe(1);
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(/sv-no-such-run: no results\.jsonl/);
    } finally {
      stderr.mockRestore();
    }
  });
});
