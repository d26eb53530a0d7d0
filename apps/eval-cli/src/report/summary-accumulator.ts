import { RunMetricsAccumulator } from "@sv/rubric";
import type { ResultLine } from "./result-line.js";
import type { RewardMeans } from "./run-summary.js";

/** Streams rollouts into the run metrics (via `RunMetricsAccumulator`) and the reward means. */
export class SummaryAccumulator {
  readonly metrics = new RunMetricsAccumulator();
  private count = 0;
  private readonly sums = { mean: 0, accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 };

  add(line: ResultLine): void {
    this.count++;
    this.metrics.add({ label: line.parsed.label, confidence: line.parsed.confidence, answer: line.answer });
    this.sums.mean += line.reward;
    this.sums.accuracy += line.metrics.accuracy;
    this.sums.format += line.metrics.format;
    this.sums.calibration += line.metrics.calibration;
    this.sums.asymmetric_cost += line.metrics.asymmetric_cost;
  }

  /** Rollouts added so far. */
  get size(): number {
    return this.count;
  }

  rewards(): RewardMeans {
    const divide = (sum: number) => (this.count > 0 ? sum / this.count : 0);
    return {
      mean: divide(this.sums.mean),
      accuracy: divide(this.sums.accuracy),
      format: divide(this.sums.format),
      calibration: divide(this.sums.calibration),
      asymmetric_cost: divide(this.sums.asymmetric_cost),
    };
  }
}
