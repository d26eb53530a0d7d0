import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";

/** What the loopback server process saw since its last reset. */
export interface ServerStats {
  count: number;
  firstArrivalMs: number;
  lastArrivalMs: number;
  delayMs: number;
  /** CPU time of the server process since the reset. */
  cpuMs: number;
}

/** The loopback server running in a child process (so its CPU is not the client's). */
export interface LoopbackProcess {
  baseURL: string;
  reset(): Promise<void>;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Options of {@link startLoopbackProcess}. */
export interface StartLoopbackProcessOptions {
  repoRoot: string;
  delayMs: number;
}

function nextLine(lines: Interface): Promise<string> {
  return new Promise((resolve) => lines.once("line", resolve));
}

/** Start `bench/eval/loopback-server.ts` in its own Node process and talk to it over stdin/stdout. */
export async function startLoopbackProcess(options: StartLoopbackProcessOptions): Promise<LoopbackProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--conditions=@sv/source",
      "--import",
      "tsx",
      join(options.repoRoot, "bench", "eval", "loopback-server.ts"),
    ],
    {
      cwd: options.repoRoot,
      env: { ...process.env, DELAY_MS: String(options.delayMs) },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const baseURL = await nextLine(lines);
  const ask = async (command: string) => {
    const reply = nextLine(lines);
    child.stdin!.write(`${command}\n`);
    return reply;
  };
  return {
    baseURL,
    reset: async () => {
      await ask("reset");
    },
    stats: async () => JSON.parse(await ask("stats")) as ServerStats,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin!.end();
      }),
  };
}
