import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: `getconf CLK_TCK` on Linux

/**
 * CPU seconds (user + system) a process has used, from /proc/PID/stat; undefined where there is no
 * /proc. CPU time, unlike wall time, barely moves when other jobs share the machine.
 */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
