import { heuristicVerdict } from "@sv/env";
import type { DatasetRow } from "../build/dataset-row.js";
import { type LearnedModel, predictLearned } from "./learned-model-link.js";

/** Accuracy and Brier score of a baseline on some rows. */
export interface BaselineScore {
  rows: number;
  /** Abstentions count as wrong; undefined (n/a) on zero rows. */
  accuracy: number | undefined;
  /** Brier score of the baseline's probability that the flow is malicious; undefined on zero rows. */
  brier: number | undefined;
}

/** A baseline's verdict on one question. */
export interface BaselinePrediction {
  label: "Malicious" | "Benign" | "Abstain";
  /** Probability that the flow is malicious. */
  probability: number;
}

export interface EvaluateBaselineOptions {
  rows: readonly DatasetRow[];
  predict(question: string): BaselinePrediction;
}

/** Score a baseline on rows (e.g. the test split, or an out-of-distribution set). */
export function evaluateBaseline(options: EvaluateBaselineOptions): BaselineScore {
  let correct = 0;
  let brier = 0;
  for (const row of options.rows) {
    const prediction = options.predict(row.question);
    if (prediction.label === row.answer) correct++;
    brier += (prediction.probability - (row.answer === "Malicious" ? 1 : 0)) ** 2;
  }
  const count = options.rows.length;
  return {
    rows: count,
    accuracy: count ? correct / count : undefined,
    brier: count ? brier / count : undefined,
  };
}

/** The learned baseline as a predictor. */
export function learnedPredictor(model: LearnedModel): EvaluateBaselineOptions["predict"] {
  return (question) => predictLearned({ model, question });
}

/** `baseline/heuristic` (the rules `pnpm eval` runs offline) as a predictor. */
export function heuristicPredictor(): EvaluateBaselineOptions["predict"] {
  return (question) => {
    const verdict = heuristicVerdict(question);
    const probability =
      verdict.label === "Malicious"
        ? verdict.confidence
        : verdict.label === "Benign"
          ? 1 - verdict.confidence
          : 0.5;
    return { label: verdict.label, probability };
  };
}
