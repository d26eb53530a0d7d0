import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root (soak/ sits directly under it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** tsx, resolved from the repository (the CLI child may run in any directory). */
const TSX = pathToFileURL(createRequire(join(REPO_ROOT, "package.json")).resolve("tsx")).href;

/** How a CLI child process ended. */
export interface CliExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link startCli}. */
export interface StartCliOptions {
  /** Arguments after `pnpm eval`. */
  args: string[];
  cwd: string;
  /** The child's whole environment (nothing is inherited but PATH and HOME). */
  env?: Record<string, string>;
}

/** A running CLI child. */
export interface CliChild {
  child: ChildProcess;
  exited: Promise<CliExit>;
}

/**
 * Start the real CLI (`pnpm eval`'s entry: node --conditions=@sv/source --import tsx
 * apps/eval-cli/src/bin.ts) as a child process, capturing stdout and stderr in full.
 */
export function startCli(options: StartCliOptions): CliChild {
  const child = spawn(
    process.execPath,
    [
      "--conditions=@sv/source",
      "--import",
      TSX,
      join(REPO_ROOT, "apps", "eval-cli", "src", "bin.ts"),
      ...options.args,
    ],
    {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        CI: "1",
        // Hub downloads (if any) are cached inside the test's own directory, never in the home directory.
        SV_CACHE_DIR: join(options.cwd, ".cache"),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliExit>((done) => {
    child.once("close", (exitCode, signal) => done({ exitCode, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** Run the CLI to the end. */
export function runCli(options: StartCliOptions): Promise<CliExit> {
  return startCli(options).exited;
}
