import { readdirSync, readFileSync, rmSync } from "node:fs";
import { hostname as osHostname } from "node:os";
import { join } from "node:path";
import { CliError } from "../cli-error.js";
import { ATOMIC_TEMP_PATTERN } from "./atomic-write.js";
import { breakStale, createExclusive } from "./exclusive-file.js";
import { fsErrorCode } from "./fs-error.js";
import { isProcessAlive, linuxProcessStart } from "./process-identity.js";

/** The lock file of a run folder: present while a process writes the folder. */
export const RUN_LOCK_FILE = "run.lock";

/** Who holds a run folder (the lock file's contents). */
export interface RunLockHolder {
  pid: number;
  hostname: string;
  /** ISO time the holder took the lock. */
  started_at: string;
  /**
   * Linux: the boot id and the process's start time in clock ticks, so a pid reused by another process
   * (after a reboot or a container restart) is not taken for the holder.
   */
  process_start?: string;
}

/** A held lock; {@link RunLock.release} removes it (only if it is still ours). */
export interface RunLock {
  path: string;
  holder: RunLockHolder;
  release(): void;
}

/** Options of {@link acquireRunLock}. */
export interface AcquireRunLockOptions {
  /** The run folder (must exist). */
  dir: string;
  /** Clock for the lock's `started_at`. */
  now?: () => Date;
  pid?: number;
  hostname?: string;
  /** Whether a process of this host is alive (default: `kill(pid, 0)`). */
  isAlive?: (pid: number) => boolean;
  /** A process's start stamp (default: from /proc on Linux; undefined elsewhere). */
  processStart?: (pid: number) => string | undefined;
}

/** Lock files this process holds, so a lock naming our own pid that we do not hold is known stale. */
const heldHere = new Set<string>();

function readHolder(path: string): { text: string; holder: RunLockHolder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (fsErrorCode(error) === "ENOENT") return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<RunLockHolder>;
    if (Number.isInteger(value.pid) && typeof value.hostname === "string") {
      return { text, holder: value as RunLockHolder };
    }
  } catch {
    // A lock file without a holder is left by a crash of a file system without hard links; stale.
  }
  return { text, holder: undefined };
}

function lockedError(dir: string, path: string, holder: RunLockHolder, sameHost: boolean): CliError {
  const who = `pid ${holder.pid}${sameHost ? "" : ` on host ${holder.hostname}`}, since ${holder.started_at}`;
  return new CliError({
    exitCode: 1,
    code: "RUN_LOCKED",
    message:
      `${dir} is in use by another eval process (${who}); wait for it to finish or stop it` +
      (sameHost ? "" : `, and if it is gone delete ${path}`),
  });
}

/** Remove what a killed writer of this folder can leave behind: temp files of atomic writes and of locks. */
function removeStaleTemps(dir: string, isAlive: (pid: number) => boolean): void {
  for (const name of readdirSync(dir)) {
    const lockTemp = /^run\.lock\.(?:stale\.)?(\d+)\./.exec(name);
    const stale =
      lockTemp !== null
        ? !isAlive(Number(lockTemp[1]))
        : ATOMIC_TEMP_PATTERN.test(name) || name.endsWith(".resume.tmp");
    if (stale) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Take the run folder `dir` for this process: a lock file (pid, host, start time) created atomically.
 * A lock whose process is gone (same host, pid dead or now another process) is stale and taken over, so a SIGKILLed run never
 * leaves its folder stuck. A live holder (or one on another host, which cannot be checked) makes this
 * throw a {@link CliError} saying which process holds it. Once held, leftover temp files are removed.
 */
export function acquireRunLock(options: AcquireRunLockOptions): RunLock {
  const path = join(options.dir, RUN_LOCK_FILE);
  const isAlive = options.isAlive ?? isProcessAlive;
  const processStart = options.processStart ?? linuxProcessStart;
  const host = options.hostname ?? osHostname();
  const pid = options.pid ?? process.pid;
  const start = processStart(pid);
  const holder: RunLockHolder = {
    pid,
    hostname: host,
    started_at: (options.now?.() ?? new Date()).toISOString(),
    ...(start ? { process_start: start } : {}),
  };
  /** Whether the holder of a lock on this host still runs: its pid is alive and is the same process. */
  const holderAlive = (other: RunLockHolder): boolean => {
    if (other.pid === pid && !heldHere.has(path)) return false;
    if (!isAlive(other.pid)) return false;
    if (other.process_start === undefined) return true;
    const now = processStart(other.pid);
    return now === undefined || now === other.process_start;
  };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < 8; attempt++) {
    if (createExclusive(path, text)) {
      heldHere.add(path);
      removeStaleTemps(options.dir, isAlive);
      return {
        path,
        holder,
        release() {
          heldHere.delete(path);
          if (readHolder(path)?.text === text) rmSync(path, { force: true });
        },
      };
    }
    const current = readHolder(path);
    if (!current) continue;
    const other = current.holder;
    if (other) {
      const sameHost = other.hostname === host;
      if (!sameHost || holderAlive(other)) throw lockedError(options.dir, path, other, sameHost);
    }
    breakStale(path, current.text);
  }
  throw new CliError({
    exitCode: 1,
    code: "RUN_LOCKED",
    message: `${options.dir}: could not take ${path} (other processes keep taking it); try again`,
  });
}
