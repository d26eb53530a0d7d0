import type { DatasetRow } from "../build/dataset-row.js";
import { type LearnedModel, predictLearned } from "./learned-model-link.js";

/** Accuracy and mean calibrated confidence of the learned baseline on some rows. */
export interface LearnedScore {
  rows: number;
  accuracy: number;
  /** Brier score of the calibrated malicious probability. */
  brier: number;
}

export interface EvaluateLearnedOptions {
  model: LearnedModel;
  rows: readonly DatasetRow[];
}

/** Score the learned baseline on rows (e.g. the test split, or an out-of-distribution set). */
export function evaluateLearned(options: EvaluateLearnedOptions): LearnedScore {
  let correct = 0;
  let brier = 0;
  for (const row of options.rows) {
    const prediction = predictLearned({ model: options.model, question: row.question });
    if (prediction.label === row.answer) correct++;
    brier += (prediction.probability - (row.answer === "Malicious" ? 1 : 0)) ** 2;
  }
  const count = options.rows.length;
  return { rows: count, accuracy: count ? correct / count : 0, brier: count ? brier / count : 0 };
}
