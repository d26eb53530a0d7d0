import type { DatasetRow } from "../build/dataset-row.js";
import type { StagedDataset } from "../build/staged-dataset.js";
import { type AggregateAudit, contextShortcutAudit } from "../card/context-shortcut-audit.js";
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
import { learnedModelProblems } from "./score-baselines.js";
import { trainLearned } from "./train-learned.js";

/** The baselines of a build's context sets: the effect of context, measured on the same rows. */
export interface ContextBaselineReport {
  /** K and the window of the build. */
  flows: number;
  windowSeconds: number;
  /** The IoT-23 context set's split strategy (or undefined without one). */
  splitStrategy?: string;
  majority: MajorityScore[];
  /** `baseline/heuristic` reads the flow to classify only: the same at K = 0 and K. */
  heuristic: Record<string, BaselineScore>;
  /** Trained on the context set's train split with the flow's features only (K = 0). */
  learnedWithoutContext?: Record<string, BaselineScore>;
  /** Trained on the same rows with the context aggregates too (K). */
  learnedWithContext?: Record<string, BaselineScore>;
  /** The `flow+context` model to write (undefined when refused or without an IoT-23 context set). */
  model?: LearnedModel;
  refusal?: string;
  audit?: FieldAudit[];
  aggregateAudit?: AggregateAudit[];
  /** Sources whose context set was not written, and why. */
  missing: { source: string; reason: string }[];
}

export interface ScoreContextBaselinesOptions {
  datasets: readonly StagedDataset[];
  seed: number;
  flows: number;
  windowSeconds: number;
}

/** The formats of each source that carry no start time or originator host. */
const NO_CONTEXT_FORMATS: Record<StagedDataset["source"], string> = {
  iot23: "the IoT-23 Hub copy has no addresses",
  cic: "CIC MachineLearningCVE has no Timestamp or Source IP; TrafficLabelling has both",
  unsw: "the UNSW-NB15 training/testing sets have no stime or srcip; the raw part files have both",
};

const split = (rows: readonly DatasetRow[], name: string) => rows.filter((row) => row.meta.split === name);

/**
 * Score the context sets: majority class per split, the heuristic, and two learned models trained on
 * the IoT-23 context set's train split, one on the flow alone (K = 0) and one with the context
 * aggregates (K), evaluated in distribution (its test split) and on the OOD context sets. The
 * shortcut audit covers the flow's fields and the context aggregates.
 */
export function scoreContextBaselines(options: ScoreContextBaselinesOptions): ContextBaselineReport {
  const sets = options.datasets.flatMap((dataset) =>
    dataset.context && dataset.context.rows.length > 0 ? [{ dataset, rows: dataset.context.rows }] : [],
  );
  const missing = options.datasets
    .filter((dataset) => dataset.context !== undefined && dataset.context.rows.length === 0)
    .map((dataset) => ({
      source: META_SOURCE[dataset.source],
      reason: `none of its sampled flows comes from a format with a start time and an originator host (${NO_CONTEXT_FORMATS[dataset.source]})`,
    }));
  const majority: MajorityScore[] = [];
  const heuristic: Record<string, BaselineScore> = {};
  const predictHeuristic = heuristicPredictor();
  const iot = sets.find((set) => set.dataset.source === "iot23");
  const ood = sets.filter((set) => set.dataset.source !== "iot23");
  const evaluationSets: [string, readonly DatasetRow[]][] = [
    ...(iot ? [["iot23-context test", split(iot.rows, "test")] as [string, DatasetRow[]]] : []),
    ...ood.map((set) => [`${META_SOURCE[set.dataset.source]}-context`, set.rows] as [string, DatasetRow[]]),
  ];
  if (iot)
    majority.push(
      ...majorityScores({ set: "iot23-context", rows: iot.rows, splits: ["train", "dev", "test"] }),
    );
  for (const set of ood)
    majority.push(
      ...majorityScores({
        set: `${META_SOURCE[set.dataset.source]}-context`,
        rows: set.rows,
        splits: ["ood"],
      }),
    );
  for (const [name, rows] of evaluationSets)
    heuristic[name] = evaluateBaseline({ rows, predict: predictHeuristic });
  const base = {
    flows: options.flows,
    windowSeconds: options.windowSeconds,
    ...(iot ? { splitStrategy: iot.dataset.context!.section.split_strategy } : {}),
    majority,
    heuristic,
    missing,
  };
  if (!iot) return base;
  const score = (model: LearnedModel) =>
    Object.fromEntries(
      evaluationSets.map(([name, rows]) => [
        name,
        evaluateBaseline({ rows, predict: learnedPredictor(model) }),
      ]),
    );
  const withoutContext = trainLearned({ rows: iot.rows, seed: options.seed });
  const withContext = trainLearned({ rows: iot.rows, seed: options.seed, features: "flow+context" });
  const problems = learnedModelProblems({
    model: withContext,
    rows: iot.rows,
    majority,
    set: "iot23-context",
  });
  const report: ContextBaselineReport = {
    ...base,
    learnedWithoutContext: score(withoutContext),
    learnedWithContext: score(withContext),
    audit: shortcutAudit({ rows: iot.rows }),
    aggregateAudit: contextShortcutAudit({ rows: iot.rows }),
  };
  if (split(iot.rows, "dev").length === 0 || split(iot.rows, "test").length === 0)
    problems.push("the IoT-23 context set has no dev or test rows to calibrate and check it on");
  if (problems.length > 0)
    return { ...report, refusal: `context baseline not shipped: ${problems.join("; ")}` };
  return { ...report, model: withContext };
}
