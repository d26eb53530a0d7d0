import type { DatasetRow } from "../build/dataset-row.js";
import type { StagedDataset } from "../build/staged-dataset.js";
import { type FieldAudit, shortcutAudit } from "../card/shortcut-audit.js";
import { META_SOURCE } from "../readers/source-name.js";
import {
  type BaselineScore,
  evaluateBaseline,
  heuristicPredictor,
  learnedPredictor,
} from "./evaluate-baseline.js";
import type { LearnedModel } from "./learned-model-link.js";
import { type MajorityScore, majorityScores } from "./majority-class.js";
import { trainLearned } from "./train-learned.js";

/** Every baseline of a build, and whether the learned one may ship. */
export interface BaselineReport {
  /** The learned model to write; undefined without IoT-23 or when refused. */
  model?: LearnedModel;
  /** Why the learned model was not shipped. */
  refusal?: string;
  /** Learned baseline scores by evaluation set (also for a refused model, so the card can show why). */
  learned?: Record<string, BaselineScore>;
  heuristic: Record<string, BaselineScore>;
  /** Majority-class accuracy per set and split. */
  majority: MajorityScore[];
  audit?: FieldAudit[];
}

export interface ScoreBaselinesOptions {
  datasets: readonly StagedDataset[];
  seed: number;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export interface LearnedModelProblemsOptions {
  model: LearnedModel;
  /** The rows it was trained on (train/dev/test). */
  rows: readonly DatasetRow[];
  majority: readonly MajorityScore[];
  /** The set name the majority scores carry. */
  set: string;
}

/** Why a trained model must not ship: no converged calibration, a reversed ranking, below the majority. */
export function learnedModelProblems(options: LearnedModelProblemsOptions): string[] {
  const { model, set } = options;
  const predict = learnedPredictor(model);
  const problems: string[] = [];
  const calibration = model.training?.calibration as { converged?: boolean } | undefined;
  if (calibration?.converged === false) problems.push("its Platt calibration did not converge on dev");
  if (model.calibration.a < 0)
    problems.push(
      `its scores rank dev the wrong way round (Platt slope ${model.calibration.a}): what it learned on train does not hold on dev`,
    );
  for (const name of ["dev", "test"]) {
    const rows = options.rows.filter((row) => row.meta.split === name);
    const own = evaluateBaseline({ rows, predict }).accuracy;
    const bar = options.majority.find((entry) => entry.set === set && entry.split === name)?.accuracy;
    if (own !== undefined && bar !== undefined && own < bar)
      problems.push(
        `its ${set} ${name} accuracy ${percent(own)} is below the majority class (${percent(bar)})`,
      );
  }
  return problems;
}

/** Train the learned baseline on IoT-23, score it, the heuristic and the majority class on every set. */
export function scoreBaselines(options: ScoreBaselinesOptions): BaselineReport {
  const majority: MajorityScore[] = [];
  const heuristic: Record<string, BaselineScore> = {};
  const heuristicPredict = heuristicPredictor();
  const iot = options.datasets.find((dataset) => dataset.source === "iot23");
  const ood = options.datasets.filter((dataset) => dataset.source !== "iot23");
  const split = (rows: readonly DatasetRow[], name: string) => rows.filter((row) => row.meta.split === name);
  if (iot) {
    majority.push(...majorityScores({ set: "iot23", rows: iot.rows, splits: ["train", "dev", "test"] }));
    heuristic["iot23 test"] = evaluateBaseline({ rows: split(iot.rows, "test"), predict: heuristicPredict });
  }
  for (const dataset of ood) {
    const set = META_SOURCE[dataset.source];
    majority.push(...majorityScores({ set, rows: dataset.rows, splits: ["ood"] }));
    heuristic[set] = evaluateBaseline({ rows: dataset.rows, predict: heuristicPredict });
  }
  if (!iot) return { heuristic, majority };
  const model = trainLearned({ rows: iot.rows, seed: options.seed });
  const learnedPredict = learnedPredictor(model);
  const learned: Record<string, BaselineScore> = {
    "iot23 test": evaluateBaseline({ rows: split(iot.rows, "test"), predict: learnedPredict }),
  };
  for (const dataset of ood)
    learned[META_SOURCE[dataset.source]] = evaluateBaseline({ rows: dataset.rows, predict: learnedPredict });
  const problems = learnedModelProblems({ model, rows: iot.rows, majority, set: "iot23" });
  const audit = shortcutAudit({ rows: iot.rows });
  if (problems.length > 0)
    return {
      refusal: `baseline/learned not shipped: ${problems.join("; ")}`,
      learned,
      heuristic,
      majority,
      audit,
    };
  return { model, learned, heuristic, majority, audit };
}
