import { readFileSync } from "node:fs";
import { fsErrorCode } from "./fs-error.js";

/** `kill(pid, 0)`: no such process means dead; EPERM means alive but someone else's. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return fsErrorCode(error) === "EPERM";
  }
}

/** `<boot id>:<start time in ticks>` of a process, from /proc (Linux); undefined when unavailable. */
export function linuxProcessStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const ticks = fields[19];
    return ticks ? `${bootId}:${ticks}` : undefined;
  } catch {
    return undefined;
  }
}
