export type { RunSummary } from "../run-output/build-summary.js";

/** Mean reward and the means of its four components, as the headline table reads them (null with no scored rollouts). */
export interface RewardMeans {
  mean: number | null;
  accuracy: number | null;
  format: number | null;
  calibration: number | null;
  asymmetric_cost: number | null;
}
