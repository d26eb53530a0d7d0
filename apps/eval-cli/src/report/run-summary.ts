export type { RunSummary } from "../run-output/build-summary.js";

/** Mean reward and the means of its four components, as the headline table reads them. */
export interface RewardMeans {
  mean: number;
  accuracy: number;
  format: number;
  calibration: number;
  asymmetric_cost: number;
}
