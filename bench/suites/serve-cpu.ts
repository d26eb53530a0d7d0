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

/** A process and every process below it (cluster workers, tsx's esbuild service), from /proc. */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    const parent = tree[index]!;
    try {
      const children = readFileSync(`/proc/${parent}/task/${parent}/children`, "utf8").trim();
      for (const child of children.split(/\s+/)) if (child !== "") tree.push(Number(child));
    } catch {
      // gone meanwhile, or no /proc
    }
  }
  return tree;
}

/**
 * CPU seconds used by a process and everything below it, per process id (a process that has gone is
 * left out; compare two readings pid by pid). Undefined where there is no /proc.
 */
export function treeCpuSeconds(pid: number): Map<number, number> | undefined {
  if (processCpuSeconds(pid) === undefined) return undefined;
  const seconds = new Map<number, number>();
  for (const member of processTree(pid)) {
    const used = processCpuSeconds(member);
    if (used !== undefined) seconds.set(member, used);
  }
  return seconds;
}

/** CPU seconds used between two {@link treeCpuSeconds} readings (processes started meanwhile count in full). */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? 0);
  return used;
}
