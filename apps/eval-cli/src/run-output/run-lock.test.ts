import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireRunLock, RUN_LOCK_FILE } from "./run-lock.js";

const now = () => new Date("2026-01-01T00:00:00.000Z");
const dir = () => mkdtempSync(join(tmpdir(), "sv-lock-"));

describe("acquireRunLock", () => {
  it("holds the folder: a second taker is refused with the holder's pid and start time", () => {
    const run = dir();
    const lock = acquireRunLock({ dir: run, now, pid: 4242, hostname: "here", isAlive: () => true });
    expect(JSON.parse(readFileSync(join(run, RUN_LOCK_FILE), "utf8"))).toEqual({
      pid: 4242,
      hostname: "here",
      started_at: "2026-01-01T00:00:00.000Z",
    });
    expect(() => acquireRunLock({ dir: run, pid: 7, hostname: "here", isAlive: () => true })).toThrow(
      /in use by another eval process \(pid 4242, since 2026-01-01T00:00:00.000Z\)/,
    );
    lock.release();
    expect(existsSync(join(run, RUN_LOCK_FILE))).toBe(false);
    acquireRunLock({ dir: run, pid: 7, hostname: "here", isAlive: () => true }).release();
  });

  it("takes over the lock of a dead process and removes what a killed writer left", () => {
    const run = dir();
    acquireRunLock({ dir: run, pid: 1111, hostname: "here", isAlive: () => true }); // never released: SIGKILL
    writeFileSync(join(run, "metadata.json.0a1b2c3d.tmp"), "");
    writeFileSync(join(run, "results.jsonl.resume.tmp"), "old");
    writeFileSync(join(run, "run.lock.1111.deadbeef.tmp"), "");
    writeFileSync(join(run, "results.jsonl"), "{}\n");
    const lock = acquireRunLock({ dir: run, pid: 2222, hostname: "here", isAlive: (pid) => pid !== 1111 });
    expect(lock.holder.pid).toBe(2222);
    expect(readdirSync(run).sort()).toEqual(["results.jsonl", RUN_LOCK_FILE]);
  });

  it("a pid now used by another process (reboot, container restart), or our own pid, is not the holder", () => {
    const run = dir();
    acquireRunLock({ dir: run, pid: 55, hostname: "here", processStart: () => "boot-a:100" });
    const starts: Record<number, string> = { 55: "boot-b:7" };
    const taken = acquireRunLock({
      dir: run,
      pid: 66,
      hostname: "here",
      isAlive: () => true,
      processStart: (pid) => starts[pid],
    });
    expect(taken.holder.pid).toBe(66);
    taken.release();
    // A lock left with this very process's pid (a previous life of it in a restarted container) is stale too.
    writeFileSync(
      join(run, RUN_LOCK_FILE),
      JSON.stringify({ pid: process.pid, hostname: "here", started_at: "x" }),
    );
    expect(acquireRunLock({ dir: run, hostname: "here", isAlive: () => true }).holder.pid).toBe(process.pid);
  });

  it("never takes a lock from another host (its pid cannot be checked) and says how to free it", () => {
    const run = dir();
    acquireRunLock({ dir: run, pid: 1, hostname: "node-a", isAlive: () => false });
    expect(() => acquireRunLock({ dir: run, pid: 2, hostname: "node-b", isAlive: () => false })).toThrow(
      /pid 1 on host node-a.*delete .*run\.lock/,
    );
  });

  it("an unreadable lock (no holder) is stale; release leaves a lock that is not ours alone", () => {
    const run = dir();
    writeFileSync(join(run, RUN_LOCK_FILE), "");
    const first = acquireRunLock({ dir: run, pid: 3, hostname: "here", isAlive: () => false });
    // Someone broke our lock (e.g. deleted by hand) and took it: our release must not remove theirs.
    writeFileSync(join(run, RUN_LOCK_FILE), JSON.stringify({ pid: 4, hostname: "here", started_at: "x" }));
    first.release();
    expect(JSON.parse(readFileSync(join(run, RUN_LOCK_FILE), "utf8")).pid).toBe(4);
  });
});
