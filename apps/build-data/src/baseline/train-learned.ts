import { createSeededRandom, shuffleInPlace } from "@sv/dataset";
import type { DatasetRow } from "../build/dataset-row.js";
import {
  type LearnedFeatureSet,
  type LearnedModel,
  learnedLogit,
  questionFeatures,
} from "./learned-model-link.js";
import { fitPlatt } from "./platt.js";

export interface TrainLearnedOptions {
  /** Rows with `meta.split` train/dev (test rows are ignored here). */
  rows: readonly DatasetRow[];
  seed: number;
  dimensions?: number;
  epochs?: number;
  /** L2 penalty per update. */
  l2?: number;
  /** `flow` (default; the v1 model, field unset) or `flow+context` (context aggregates too). */
  features?: LearnedFeatureSet;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Train the learned baseline: logistic regression with AdaGrad on hashed features of the question
 * text only (parsed back with `parseQuestion`), then Platt calibration on the dev split.
 */
export function trainLearned(options: TrainLearnedOptions): LearnedModel {
  const dimensions = options.dimensions ?? 4096;
  const epochs = options.epochs ?? 30;
  const l2 = options.l2 ?? 1e-4;
  const train = options.rows.filter((row) => row.meta.split === "train");
  const dev = options.rows.filter((row) => row.meta.split === "dev");
  const examples = train.map((row) => ({
    features: questionFeatures(row.question, dimensions, options.features),
    target: row.answer === "Malicious" ? 1 : 0,
  }));
  const weights = new Float64Array(dimensions);
  const squares = new Float64Array(dimensions).fill(1e-8);
  let bias = 0;
  let biasSquare = 1e-8;
  const random = createSeededRandom(options.seed);
  const rate = 0.5;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(examples, random);
    for (const { features, target } of examples) {
      let logit = bias;
      for (const { index, value } of features) logit += weights[index]! * value;
      const error = 1 / (1 + Math.exp(-logit)) - target;
      for (const { index, value } of features) {
        const gradient = error * value + l2 * weights[index]!;
        squares[index]! += gradient * gradient;
        weights[index]! -= (rate * gradient) / Math.sqrt(squares[index]!);
      }
      biasSquare += error * error;
      bias -= (rate * error) / Math.sqrt(biasSquare);
    }
  }
  const model: LearnedModel = {
    format: "sv-e1-learned-baseline",
    version: 1,
    dimensions,
    ...(options.features === "flow+context" ? { features: "flow+context" as const } : {}),
    weights: Array.from(weights, round),
    bias: round(bias),
    calibration: { a: 1, b: 0 },
    training: {
      algorithm: "logistic regression (AdaGrad, hashed features)",
      epochs,
      l2,
      seed: options.seed,
      train_rows: train.length,
      dev_rows: dev.length,
    },
  };
  const calibration = fitPlatt({
    logits: dev.map((row) => learnedLogit(model, row.question)),
    targets: dev.map((row) => (row.answer === "Malicious" ? 1 : 0)),
  });
  model.calibration = { a: round(calibration.a), b: round(calibration.b) };
  model.training = {
    ...model.training,
    calibration: {
      method: "Platt scaling on dev (smoothed targets, L2 prior, Newton with line search)",
      iterations: calibration.iterations,
      converged: calibration.converged,
      dev_log_loss: Number.isFinite(calibration.logLoss) ? round(calibration.logLoss) : null,
      ...(calibration.note ? { note: calibration.note } : {}),
    },
  };
  return model;
}
