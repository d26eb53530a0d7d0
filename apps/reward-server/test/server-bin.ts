import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { repoRoot } from "./helpers.js";

/** `pnpm serve` as a real child process, with what it printed so far. */
export interface ServerBin {
  child: ChildProcess;
  /** Resolves to the URL printed on stdout; rejects if the process exits first. */
  url: Promise<URL>;
  stdout: () => string;
  stderr: () => string;
  /** Resolves to the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Start `apps/reward-server/src/bin.ts` with these flags (and environment additions). */
export function startServerBin(args: readonly string[], env: NodeJS.ProcessEnv = {}): ServerBin {
  const child = spawn(
    process.execPath,
    ["--conditions=@sv/source", "--import", "tsx", join(repoRoot, "apps/reward-server/src/bin.ts"), ...args],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = new Promise<URL>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (stdout.includes("\n")) resolve(new URL(stdout.split("\n")[0]!));
    });
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before printing its URL: ${stderr}`)),
    );
  });
  url.catch(() => {});
  return { child, url, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Process ids of a process's children running the server (not tsx's esbuild service). */
export function serverChildren(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/);
  return children
    .filter((child) => child !== "")
    .map(Number)
    .filter((child) => {
      try {
        return readFileSync(`/proc/${child}/cmdline`, "utf8").includes("bin.ts");
      } catch {
        return false; // gone meanwhile
      }
    });
}

/** One HTTP request on a connection of its own (so the cluster hands each to the next worker). */
export function requestOnce(
  url: URL,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: options.method ?? "GET",
        agent: false,
        headers: {
          connection: "close",
          ...(options.body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** Wait until `condition` holds, polling every 20 ms (the test's timeout bounds it). */
export async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The value of one un-labelled or labelled series in a Prometheus text body (undefined if absent). */
export function metricValue(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
