const THRESHOLDS = 101;

/** Largest i in 0..100 with i/100 <= confidence, or -1. Compares as the original does. */
function highestThreshold(confidence: number): number {
  if (!(confidence >= 0)) return -1;
  let index = Math.min(THRESHOLDS - 1, Math.floor(confidence * 100));
  while (index >= 0 && index / 100 > confidence) index--;
  while (index < THRESHOLDS - 1 && (index + 1) / 100 <= confidence) index++;
  return index;
}

/**
 * The original's AURC figure (`bench/report.py`, `_compute_aurc`): trapezoids over the 101 thresholds
 * 0, 0.01, …, 1, with risk 0 where nothing is covered. Kept so old numbers can be compared; it is not
 * the standard AURC (a run answering every time with confidence 1 scores 0, the best
 * possible, however many answers are wrong).
 */
export class ThresholdAurcAccumulator {
  /** Rollouts (and errors) whose highest satisfied threshold is i. */
  private readonly thresholdCount = new Array<number>(THRESHOLDS).fill(0);
  private readonly thresholdErrors = new Array<number>(THRESHOLDS).fill(0);

  /** Add one answered rollout. */
  add(confidence: number, correct: boolean): void {
    const threshold = highestThreshold(confidence);
    if (threshold < 0) return;
    this.thresholdCount[threshold]!++;
    if (!correct) this.thresholdErrors[threshold]!++;
  }

  /** The figure over `total` answered rollouts (rollouts with a negative or NaN confidence count in `total` only). */
  result(total: number): number | null {
    if (total === 0) return null;
    const coverages = new Array<number>(THRESHOLDS);
    const risks = new Array<number>(THRESHOLDS);
    let covered = 0;
    let errors = 0;
    for (let index = THRESHOLDS - 1; index >= 0; index--) {
      covered += this.thresholdCount[index]!;
      errors += this.thresholdErrors[index]!;
      coverages[index] = covered / total;
      risks[index] = covered > 0 ? errors / covered : 0;
    }
    let area = 0;
    for (let index = 1; index < THRESHOLDS; index++) {
      area += ((coverages[index - 1]! - coverages[index]!) * (risks[index]! + risks[index - 1]!)) / 2;
    }
    return Math.max(0, area);
  }
}
