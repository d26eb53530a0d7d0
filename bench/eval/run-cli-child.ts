import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** How the CLI child process ran. */
export interface CliChildRun {
  exitCode: number | null;
  wallMs: number;
  /** User + system CPU of the CLI process alone, in ms. */
  cpuMs: number;
  /** Peak resident set size of the CLI process, in MiB. */
  peakRssMiB: number;
  stderr: string;
}

/** Options of {@link runCliChild}. */
export interface RunCliChildOptions {
  repoRoot: string;
  /** Arguments after `pnpm eval`. */
  args: string[];
}

/**
 * Run the real CLI (`pnpm eval`'s entry: node --conditions=@sv/source --import tsx
 * apps/eval-cli/src/bin.ts) in a child process, with a preload that reports the child's own
 * `process.resourceUsage()` at exit.
 */
export async function runCliChild(options: RunCliChildOptions): Promise<CliChildRun> {
  const scratch = mkdtempSync(join(tmpdir(), "sv-bench-usage-"));
  const usageFile = join(scratch, "usage.json");
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      "--conditions=@sv/source",
      "--import",
      "tsx",
      "--import",
      join(options.repoRoot, "bench", "eval", "report-usage.ts"),
      join(options.repoRoot, "apps", "eval-cli", "src", "bin.ts"),
      ...options.args,
    ],
    {
      cwd: options.repoRoot,
      env: { ...process.env, CI: "1", SV_BENCH_USAGE_FILE: usageFile },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exitCode = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const wallMs = performance.now() - started;
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as NodeJS.ResourceUsage;
  rmSync(scratch, { recursive: true, force: true });
  return {
    exitCode,
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    peakRssMiB: usage.maxRSS / 1024,
    stderr,
  };
}
