import { evaluateBaseline, learnedPredictor } from "../baseline/evaluate-baseline.js";
import { isLearnedModel, type LearnedModel, learnedLogit } from "../baseline/learned-model-link.js";
import { majorityScores } from "../baseline/majority-class.js";
import type { DatasetRow } from "../build/dataset-row.js";
import type { ValidationCheck } from "./validation-check.js";

export interface CheckBaselineModelOptions {
  name: string;
  model: unknown;
  /** The IoT-23 rows of the same build, when present. */
  iotRows?: readonly DatasetRow[];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * The learned model: its format; a calibration that is finite and bounded (|slope|·sd of the dev logits
 * ≤ dev rows, what a regularised Platt fit guarantees; a diverged fit gives every confidence 0 or 1);
 * and accuracy on dev and test no worse than the majority class.
 */
export function checkBaselineModel(options: CheckBaselineModelOptions): ValidationCheck[] {
  const { name } = options;
  if (!isLearnedModel(options.model))
    return [{ name: `${name}: learned model format`, ok: false, detail: "not a learned baseline model" }];
  const model: LearnedModel = options.model;
  const checks: ValidationCheck[] = [{ name: `${name}: learned model format`, ok: true, detail: "valid" }];
  const rows = options.iotRows;
  if (!rows) return checks;
  const dev = rows.filter((row) => row.meta.split === "dev");
  const logits = dev.map((row) => learnedLogit(model, row.question));
  const mean = logits.reduce((sum, logit) => sum + logit, 0) / Math.max(logits.length, 1);
  const deviation = Math.sqrt(
    logits.reduce((sum, logit) => sum + (logit - mean) ** 2, 0) / Math.max(logits.length, 1),
  );
  const { a, b } = model.calibration;
  const spread = Math.abs(a) * deviation;
  const bounded = Number.isFinite(a) && Number.isFinite(b) && spread <= Math.max(dev.length, 1);
  checks.push({
    name: `${name}: calibration finite and bounded`,
    ok: bounded,
    detail: `slope ${a}, intercept ${b}, |slope|·sd(dev logits) ${spread.toPrecision(3)} (at most ${Math.max(dev.length, 1)})`,
  });
  const predict = learnedPredictor(model);
  const problems: string[] = [];
  const shown: string[] = [];
  for (const split of ["dev", "test"]) {
    const splitRows = rows.filter((row) => row.meta.split === split);
    const own = evaluateBaseline({ rows: splitRows, predict }).accuracy;
    const bar = majorityScores({ set: "iot23", rows: splitRows, splits: [split] })[0]?.accuracy;
    if (own === undefined || bar === undefined) continue;
    shown.push(`${split} ${percent(own)} vs ${percent(bar)}`);
    if (own < bar)
      problems.push(`${split} accuracy ${percent(own)} below the majority class ${percent(bar)}`);
  }
  checks.push({
    name: `${name}: no worse than the majority class`,
    ok: problems.length === 0,
    detail: problems.join("; ") || shown.join(", ") || "no dev or test rows",
  });
  return checks;
}
