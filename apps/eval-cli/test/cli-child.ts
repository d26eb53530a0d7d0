import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const APP = resolve(fileURLToPath(import.meta.url), "../..");
const TSX = pathToFileURL(createRequire(join(APP, "package.json")).resolve("tsx")).href;

/** A real `pnpm eval` process (node + tsx on src/bin.ts), its output captured. */
export interface EvalChild {
  child: ChildProcess;
  readonly stderr: string;
  exited: Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Start the CLI as a child process in `cwd` with only PATH and HOME from this environment (and `env`). */
export function startEvalChild(args: string[], cwd: string, env: Record<string, string> = {}): EvalChild {
  const child = spawn(
    process.execPath,
    ["--conditions=@sv/source", "--import", TSX, join(APP, "src", "bin.ts"), ...args],
    {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CI: "1", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (done) => child.once("close", (exitCode, signal) => done({ exitCode, signal, stderr })),
  );
  return {
    child,
    get stderr() {
      return stderr;
    },
    exited,
  };
}
