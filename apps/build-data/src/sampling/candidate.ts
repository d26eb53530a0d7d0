import type { RowAnswer } from "@sv/dataset";
import type { Flow } from "@sv/dataset";

/** A flow that may enter the sample, with everything its output row needs. */
export interface Candidate {
  /** Seeded content priority; smaller is kept first. */
  priority: number;
  /** `flowHash(flow)`: the deduplication key and `meta.hash`. */
  hash: string;
  flow: Flow;
  label: RowAnswer;
  /** `meta.attack_family`: the source's attack name, `NA` for benign flows. */
  family: string;
  scenario: string;
  /** Input file (relative to the source root) and 1-based line (or row, for Parquet). */
  file: string;
  line: number;
  /** Extra provenance for `meta` (e.g. the source's own timestamp). */
  extra?: Record<string, string | number>;
  /**
   * Context builds only: the earlier flows of the same originator host in the same file (oldest first),
   * taken when the flow was offered. Undefined when the file or the flow has no time or originator.
   */
  context?: Flow[];
  /** The raw content bytes the priority was computed from (Zeek lines), for a fast duplicate check. */
  raw?: Buffer;
}

/** Total order on candidates: priority, then content hash, then provenance. */
export function compareCandidates(left: Candidate, right: Candidate): number {
  if (left.priority !== right.priority) return left.priority < right.priority ? -1 : 1;
  if (left.hash !== right.hash) return left.hash < right.hash ? -1 : 1;
  if (left.file !== right.file) return left.file < right.file ? -1 : 1;
  return left.line - right.line;
}
