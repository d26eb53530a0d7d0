/** Number of bins of the reliability diagram and confidence histograms (the ECE bins). */
export const CONFIDENCE_BINS = 10;
/** Thresholds 0, 0.01, …, 1 of the risk–coverage curve (the AURC thresholds). */
export const COVERAGE_THRESHOLDS = 101;

/** Bin [i/10, (i+1)/10), the last closed; -1 outside [0, 1]. The same bins as the ECE of @sv/rubric. */
export function confidenceBin(confidence: number): number {
  if (!(confidence >= 0 && confidence <= 1)) return -1;
  let bin = Math.min(CONFIDENCE_BINS - 1, Math.floor(confidence * CONFIDENCE_BINS));
  while (bin > 0 && confidence < bin / CONFIDENCE_BINS) bin--;
  while (bin < CONFIDENCE_BINS - 1 && confidence >= (bin + 1) / CONFIDENCE_BINS) bin++;
  return bin;
}

/** Largest i in 0..100 with i/100 <= confidence, or -1: the rollout is covered at thresholds 0..i. */
export function coverageThreshold(confidence: number): number {
  if (!(confidence >= 0)) return -1;
  let index = Math.min(COVERAGE_THRESHOLDS - 1, Math.floor(confidence * 100));
  while (index >= 0 && index / 100 > confidence) index--;
  while (index < COVERAGE_THRESHOLDS - 1 && (index + 1) / 100 <= confidence) index++;
  return index;
}
