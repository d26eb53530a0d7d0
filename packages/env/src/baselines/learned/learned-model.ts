import { type LearnedFeatureSet, questionFeatures } from "./learned-features.js";

/**
 * The learned baseline's model file (`baseline-learned-v1.json`): a logistic regression over hashed
 * features of the question text, with Platt calibration fitted on the dev split.
 */
export interface LearnedModel {
  format: "sv-e1-learned-baseline";
  version: 1;
  /** Size of the hashed feature space. */
  dimensions: number;
  weights: number[];
  bias: number;
  /**
   * Features read (default `flow`): `flow+context` also reads the context aggregates of a context
   * question (`baseline-learned-context-v1.json`); a `flow` model reads only the flow to classify.
   */
  features?: LearnedFeatureSet;
  /** Platt scaling: p = sigmoid(a * logit + b). */
  calibration: { a: number; b: number };
  /** What it was trained on (informational). */
  training?: Record<string, unknown>;
}

/** A prediction: the label and the calibrated confidence in it (0.5–1). */
export interface LearnedPrediction {
  label: "Malicious" | "Benign";
  confidence: number;
  /** Calibrated probability that the flow is malicious. */
  probability: number;
}

export interface PredictLearnedOptions {
  model: LearnedModel;
  /** The question text (`Log Entry: …`); only what it shows is used. */
  question: string;
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** The model's raw score (logit) for a question. */
export function learnedLogit(model: LearnedModel, question: string): number {
  let sum = model.bias;
  for (const { index, value } of questionFeatures(question, model.dimensions, model.features)) {
    sum += (model.weights[index] ?? 0) * value;
  }
  return sum;
}

/** Predict a label and a calibrated confidence for one question. Pure: no I/O. */
export function predictLearned(options: PredictLearnedOptions): LearnedPrediction {
  const { model } = options;
  const probability = sigmoid(
    model.calibration.a * learnedLogit(model, options.question) + model.calibration.b,
  );
  const malicious = probability >= 0.5;
  return {
    label: malicious ? "Malicious" : "Benign",
    confidence: malicious ? probability : 1 - probability,
    probability,
  };
}

/** Whether a parsed JSON value looks like a {@link LearnedModel}. */
export function isLearnedModel(value: unknown): value is LearnedModel {
  if (typeof value !== "object" || value === null) return false;
  const model = value as Partial<LearnedModel>;
  return (
    model.format === "sv-e1-learned-baseline" &&
    model.version === 1 &&
    typeof model.dimensions === "number" &&
    Array.isArray(model.weights) &&
    model.weights.length === model.dimensions &&
    typeof model.bias === "number" &&
    (model.features === undefined || model.features === "flow" || model.features === "flow+context") &&
    typeof model.calibration?.a === "number" &&
    typeof model.calibration?.b === "number"
  );
}
