import type { RowAnswer } from "@sv/dataset";
import type { Candidate } from "./candidate.js";
import { Reservoir } from "./reservoir.js";

/** One (scenario × label) stratum: how many flows were seen and the bottom-k reservoir. */
export interface Stratum {
  readonly scenario: string;
  readonly label: RowAnswer;
  seen: number;
  readonly reservoir: Reservoir;
  /** Count a flow and tell whether a candidate with this priority could enter. */
  accepts(priority: number): boolean;
  offer(candidate: Candidate): void;
  /** Undo the count of a flow that `accepts` counted but that turned out unusable. */
  reject(): void;
}

export interface StratifiedSamplerOptions {
  /** Reservoir size of each stratum (the most one stratum can contribute). */
  capacity: number;
}

/** Single-pass stratified reservoir sampling keyed by (scenario × label). */
export class StratifiedSampler {
  private readonly capacity: number;
  private readonly strata = new Map<string, Stratum>();

  constructor(options: StratifiedSamplerOptions) {
    this.capacity = options.capacity;
  }

  stratum(scenario: string, label: RowAnswer): Stratum {
    const key = `${scenario}\u0000${label}`;
    let stratum = this.strata.get(key);
    if (stratum === undefined) {
      const reservoir = new Reservoir(this.capacity);
      const created: Stratum = {
        scenario,
        label,
        seen: 0,
        reservoir,
        accepts(priority) {
          created.seen++;
          return reservoir.accepts(priority);
        },
        offer: (candidate) => reservoir.offer(candidate),
        reject() {
          created.seen--;
        },
      };
      stratum = created;
      this.strata.set(key, stratum);
    }
    return stratum;
  }

  /** Every stratum, sorted by scenario then label. */
  all(): Stratum[] {
    return [...this.strata.values()]
      .filter((stratum) => stratum.seen > 0 || stratum.reservoir.size > 0)
      .sort((left, right) =>
        left.scenario === right.scenario
          ? left.label.localeCompare(right.label)
          : left.scenario < right.scenario
            ? -1
            : 1,
      );
  }
}
