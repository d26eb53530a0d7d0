/** A {@link SkipLog} as plain data: counts and examples by reason, sorted by reason. */
export interface SkipLogData {
  counts: Record<string, number>;
  examples: Record<string, string[]>;
}

/** Lines that were not used, counted by reason, with a few `file:line` examples per reason. */
export class SkipLog {
  readonly counts = new Map<string, number>();
  readonly examples = new Map<string, string[]>();
  private readonly maxExamples: number;

  constructor(maxExamples = 5) {
    this.maxExamples = maxExamples;
  }

  /** Count one skipped line; `where` is `file:line`, `detail` a short explanation. */
  add(reason: string, where: string, detail?: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    let list = this.examples.get(reason);
    if (list === undefined) {
      list = [];
      this.examples.set(reason, list);
    }
    if (list.length < this.maxExamples) list.push(detail ? `${where}: ${detail}` : where);
  }

  /** Add another log's counts, and its examples while this log has room (call in read order). */
  absorb(data: SkipLogData): void {
    for (const [reason, count] of Object.entries(data.counts)) {
      this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
      let list = this.examples.get(reason);
      if (list === undefined) {
        list = [];
        this.examples.set(reason, list);
      }
      for (const example of data.examples[reason] ?? []) {
        if (list.length < this.maxExamples) list.push(example);
      }
    }
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** Counts and examples as plain sorted objects (for manifests). */
  toJSON(): SkipLogData {
    const reasons = [...this.counts.keys()].sort();
    return {
      counts: Object.fromEntries(reasons.map((reason) => [reason, this.counts.get(reason)!])),
      examples: Object.fromEntries(reasons.map((reason) => [reason, this.examples.get(reason) ?? []])),
    };
  }
}
