/**
 * One step of the risk–coverage curve: the model answers only when its confidence is at least
 * `confidence`, so every rollout tied at that confidence is covered together.
 */
export interface RiskCoveragePoint {
  /** The confidence threshold of this step (the tied confidence of the rollouts it adds). */
  confidence: number;
  /** Rollouts covered at this threshold (this step and every more confident one). */
  covered: number;
  /** Wrong answers among the covered rollouts. */
  errors: number;
  /** covered / all answered rollouts, in (0, 1]; the last point is 1. */
  coverage: number;
  /** errors / covered: the error rate among the covered rollouts. */
  risk: number;
}

/** Rank key of a confidence: NaN sorts below every number (such a rollout is covered last). */
const rankKey = (confidence: number) => (Number.isNaN(confidence) ? Number.NEGATIVE_INFINITY : confidence);

/**
 * Area under a risk–coverage curve from coverage 0 to 1, the curve being a step function: on the
 * coverage interval a step adds, the risk is that step's risk (tied rollouts cannot be split).
 * Computed as the sum over steps of (rollouts the step adds) × (its risk) / (all rollouts), so a
 * curve with a single step (one confidence value) gives exactly its error rate.
 */
export function areaUnderRiskCoverage(points: readonly RiskCoveragePoint[]): number {
  const total = points.at(-1)?.covered ?? 0;
  if (total === 0) return 0;
  let weighted = 0;
  let previous = 0;
  for (const point of points) {
    weighted += (point.covered - previous) * point.risk;
    previous = point.covered;
  }
  return weighted / total;
}

/**
 * Collects answered rollouts (confidence, right or wrong) into the standard risk–coverage curve:
 * ranked by confidence, highest first, with ties grouped into one step. Memory grows with the number
 * of distinct confidence values, not with the number of rollouts.
 */
export class RiskCoverageAccumulator {
  private readonly slot = new Map<number, number>();
  /** Slot of each confidence k/100 (k = 0..100), the usual values, found without a Map lookup; -1 if none yet. */
  private readonly hundredths = new Int32Array(101).fill(-1);
  private readonly confidences: number[] = [];
  private readonly counts: number[] = [];
  private readonly errors: number[] = [];
  private total = 0;

  /** Add one answered rollout. */
  add(confidence: number, correct: boolean): void {
    const hundredth = Math.round(confidence * 100);
    let index: number;
    if (hundredth >= 0 && hundredth <= 100 && hundredth / 100 === confidence) {
      index = this.hundredths[hundredth]!;
      if (index < 0) {
        index = this.newSlot(confidence);
        this.hundredths[hundredth] = index;
      }
    } else {
      const key = rankKey(confidence);
      index = this.slot.get(key) ?? -1;
      if (index < 0) {
        index = this.newSlot(key);
        this.slot.set(key, index);
      }
    }
    this.counts[index]!++;
    if (!correct) this.errors[index]!++;
    this.total++;
  }

  private newSlot(confidence: number): number {
    this.counts.push(0);
    this.errors.push(0);
    return this.confidences.push(confidence) - 1;
  }

  /** Answered rollouts added so far. */
  get count(): number {
    return this.total;
  }

  /** The curve, one point per distinct confidence from the highest down; empty with no rollouts. */
  curve(): RiskCoveragePoint[] {
    const order = this.confidences.map((_, index) => index);
    order.sort((a, b) => this.confidences[b]! - this.confidences[a]!);
    const points: RiskCoveragePoint[] = [];
    let covered = 0;
    let errors = 0;
    for (const index of order) {
      covered += this.counts[index]!;
      errors += this.errors[index]!;
      points.push({
        confidence: this.confidences[index]!,
        covered,
        errors,
        coverage: covered / this.total,
        risk: errors / covered,
      });
    }
    return points;
  }

  /** AURC of the curve ({@link areaUnderRiskCoverage}); null with no answered rollouts. */
  aurc(): number | null {
    return this.total === 0 ? null : areaUnderRiskCoverage(this.curve());
  }
}
