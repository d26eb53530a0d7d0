import { nodeRunFs, type RunFs, writeFully } from "./run-fs.js";

/** What {@link compactResults} kept and dropped. */
export interface CompactResultsOutcome {
  /** Rollouts kept (done without error), as `example_id * rolloutsPerExample + rollout_index`. */
  done: Set<number>;
  /** Lines kept (errored ones included when `keepErrors`). */
  kept: number;
  /** Errored rollouts kept (`keepErrors`). */
  keptErrors: number;
  /** Errored rollouts dropped so they run again. */
  retried: number;
  /** Unreadable lines dropped (e.g. a torn last line). */
  invalid: number;
  /** Second copies of a rollout dropped. */
  duplicates: number;
  /** Whether the file ended in a torn (unterminated, unreadable) line. */
  tornTail: boolean;
  /** Bytes the file shrank by. */
  removedBytes: number;
}

/** Options of {@link compactResults}. */
export interface CompactResultsOptions {
  path: string;
  rolloutsPerExample: number;
  /** Keep errored rollouts as results (`--resume`, as vf-eval); else drop them to run again. */
  keepErrors: boolean;
  /** File-system calls (tests inject failing writes). */
  fs?: RunFs;
  /** Read size (tests use small ones to cross line boundaries). */
  chunkBytes?: number;
}

type Verdict =
  | { keep: true; key: number; errored: boolean }
  | { keep: false; reason: "invalid" | "error" | "duplicate" };

/** Rows seen per example without a rollout index (vf-eval's rows): they are numbered in file order. */
type Unnumbered = Map<number, number>;

function judge(
  text: string,
  rollouts: number,
  done: Set<number>,
  keepErrors: boolean,
  unnumbered: Unnumbered,
): Verdict {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { keep: false, reason: "invalid" };
  }
  const row = value as {
    example_id?: unknown;
    rollout?: { index?: unknown } | null;
    rollout_index?: unknown;
    error?: unknown;
  } | null;
  if (row === null || typeof row !== "object" || !Number.isInteger(row.example_id)) {
    return { keep: false, reason: "invalid" };
  }
  const example = row.example_id as number;
  // `rollout.index` (our rows), `rollout_index` (rows of earlier versions), or neither (vf-eval's rows).
  const index =
    typeof row.rollout === "object" && row.rollout !== null ? row.rollout.index : row.rollout_index;
  let rollout: number;
  if (Number.isInteger(index)) rollout = index as number;
  else if (index === undefined) {
    rollout = unnumbered.get(example) ?? 0;
    unnumbered.set(example, rollout + 1);
  } else return { keep: false, reason: "invalid" };
  if (example < 0 || rollout < 0 || rollout >= rollouts) return { keep: false, reason: "invalid" };
  const errored = row.error !== null && row.error !== undefined;
  if (errored && !keepErrors) return { keep: false, reason: "error" };
  const key = example * rollouts + rollout;
  if (done.has(key)) return { keep: false, reason: "duplicate" };
  return { keep: true, key, errored };
}

/**
 * Prepare results.jsonl for `--resume` in place: keep each rollout once, drop repeated and unreadable
 * lines (a torn last line included) and, unless `keepErrors`, errored ones, and cut the file to what is kept. Kept lines
 * move down over dropped ones and the file is truncated, so it never needs room for a second copy (a full
 * disk is the usual reason to resume). Only bytes already read are overwritten: a kill part-way leaves
 * every kept line intact, followed by at most one unreadable fragment and second copies of kept lines,
 * which the next resume drops again. A missing file is an empty one.
 */
export function compactResults(options: CompactResultsOptions): CompactResultsOutcome {
  const runFs = options.fs ?? nodeRunFs;
  const outcome: CompactResultsOutcome = {
    done: new Set(),
    kept: 0,
    keptErrors: 0,
    retried: 0,
    invalid: 0,
    duplicates: 0,
    tornTail: false,
    removedBytes: 0,
  };
  let descriptor: number;
  try {
    descriptor = runFs.openSync(options.path, "r+");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return outcome;
    throw error;
  }
  try {
    const size = runFs.fstatSync(descriptor).size;
    const chunk = Buffer.alloc(options.chunkBytes ?? 1 << 20);
    let pending = Buffer.alloc(0);
    let readAt = 0;
    let writeAt = 0;
    // Where the line in `pending` starts in the file.
    let lineAt = 0;
    const unnumbered: Unnumbered = new Map();
    const take = (line: Buffer, mustWrite = false) => {
      const text = line.toString("utf8");
      if (text.trim() === "") return;
      const verdict = judge(text, options.rolloutsPerExample, outcome.done, options.keepErrors, unnumbered);
      if (!verdict.keep) {
        if (verdict.reason === "invalid") outcome.invalid++;
        else if (verdict.reason === "error") outcome.retried++;
        else outcome.duplicates++;
        return;
      }
      if (mustWrite || writeAt !== lineAt) writeFully(runFs, descriptor, line, writeAt);
      writeAt += line.length;
      outcome.done.add(verdict.key);
      outcome.kept++;
      if (verdict.errored) outcome.keptErrors++;
    };
    while (readAt < size) {
      const count = runFs.readSync(descriptor, chunk, 0, Math.min(chunk.length, size - readAt), readAt);
      if (count <= 0) break;
      readAt += count;
      pending = pending.length
        ? Buffer.concat([pending, chunk.subarray(0, count)])
        : Buffer.from(chunk.subarray(0, count));
      let start = 0;
      for (let newline = pending.indexOf(10, start); newline >= 0; newline = pending.indexOf(10, start)) {
        const line = pending.subarray(start, newline + 1);
        take(line);
        lineAt += line.length;
        start = newline + 1;
      }
      pending = Buffer.from(pending.subarray(start));
    }
    if (pending.length > 0 && pending.toString("utf8").trim() !== "") {
      // An unterminated last line: a write cut short. Keep it only if it is a whole record.
      const before = outcome.invalid;
      const at = writeAt;
      try {
        // Its newline is new, so it is always written (never a truncate past the end of the file).
        take(Buffer.concat([pending, Buffer.from("\n")]), true);
      } catch {
        // No room even for the newline (a full disk): drop the record; it runs again.
        writeAt = at;
        outcome.invalid++;
      }
      if (outcome.invalid > before) outcome.tornTail = true;
    }
    outcome.removedBytes = Math.max(0, size - writeAt);
    if (writeAt !== size) {
      runFs.fsyncSync(descriptor);
      runFs.ftruncateSync(descriptor, writeAt);
    }
    runFs.fsyncSync(descriptor);
  } finally {
    runFs.closeSync(descriptor);
  }
  return outcome;
}
