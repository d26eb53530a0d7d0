import { RUN_METRIC_NAMES, type RunMetricName, type RunMetrics, undefinedRunMetrics } from "@sv/rubric";

/**
 * The `metrics` block of summary.json. The original's schema (`bench/schemas/summary.schema.json`)
 * requires a number for every detection, calibration and cost field and for `abstain_rate` and
 * `accuracy_non_abstained`; where such a rate is undefined on the run the field holds the placeholder
 * 0 and its dotted name is listed in `undefined`. The optional `aurc` and `aurc_101_thresholds` are
 * left out when undefined. Read it back with {@link fromSummaryMetrics}, never the bare numbers.
 */
export interface SummaryMetrics {
  detection: { tpr: number; fpr: number; fnr: number; precision: number; f1: number; accuracy: number };
  calibration: { ece: number; brier: number };
  cost: {
    fn_cost_weight: number;
    fp_cost_weight: number;
    total_cost: number;
    cost_weighted_accuracy: number;
  };
  abstention: {
    abstain_rate: number;
    accuracy_non_abstained: number;
    aurc?: number;
    aurc_101_thresholds?: number;
  };
  confusion_matrix: RunMetrics["confusion_matrix"];
  /** Dotted names of the metrics that are undefined on the run (their numbers above are placeholders). */
  undefined: RunMetricName[];
}

/** The value written for an undefined metric that the original's schema requires to be a number. */
export const UNDEFINED_PLACEHOLDER = 0;

const required = (value: number | null) => value ?? UNDEFINED_PLACEHOLDER;

/** summary.json's metrics block from the run metrics. */
export function toSummaryMetrics(metrics: RunMetrics): SummaryMetrics {
  const { detection, calibration, cost, abstention } = metrics;
  const optional: Pick<SummaryMetrics["abstention"], "aurc" | "aurc_101_thresholds"> = {};
  if (abstention.aurc !== null) optional.aurc = abstention.aurc;
  if (abstention.aurc_101_thresholds !== null) optional.aurc_101_thresholds = abstention.aurc_101_thresholds;
  return {
    detection: {
      tpr: required(detection.tpr),
      fpr: required(detection.fpr),
      fnr: required(detection.fnr),
      precision: required(detection.precision),
      f1: required(detection.f1),
      accuracy: required(detection.accuracy),
    },
    calibration: { ece: required(calibration.ece), brier: required(calibration.brier) },
    cost: { ...cost, cost_weighted_accuracy: required(cost.cost_weighted_accuracy) },
    abstention: {
      abstain_rate: required(abstention.abstain_rate),
      accuracy_non_abstained: required(abstention.accuracy_non_abstained),
      ...optional,
    },
    confusion_matrix: { ...metrics.confusion_matrix },
    undefined: [...metrics.undefined],
  };
}

/** A count or weight read from a file that may be malformed: NaN (shown n/a) when not a number. */
const number = (value: unknown) => (typeof value === "number" ? value : Number.NaN);

/** The undefined names of a summary without a `metrics.undefined` list (older ones, the original's). */
function inferUndefined(summary: SummaryMetrics): RunMetricName[] {
  const counts = summary.confusion_matrix as Partial<SummaryMetrics["confusion_matrix"]> | undefined;
  const count = (value: unknown) => (typeof value === "number" ? value : 0);
  if (!counts) return [];
  return undefinedRunMetrics({
    confusion: {
      tp: count(counts.tp),
      tn: count(counts.tn),
      fp: count(counts.fp),
      fn: count(counts.fn),
      abstain: count(counts.abstain),
    },
    fnCostWeight: summary.cost?.fn_cost_weight,
    fpCostWeight: summary.cost?.fp_cost_weight,
  });
}

/**
 * The run metrics back from a summary.json block: every name listed in `undefined` (or missing, as
 * an omitted `aurc`) becomes null. For a summary without the list (written by an older version or by
 * the original) the undefined names are inferred from its confusion matrix, so a placeholder 0 there
 * is not read as a rate either.
 */
export function fromSummaryMetrics(summary: SummaryMetrics): RunMetrics {
  const listed = new Set<string>(
    Array.isArray(summary.undefined) ? summary.undefined : inferUndefined(summary),
  );
  const read = (name: RunMetricName): number | null => {
    const [group, key] = name.split(".") as [string, string];
    const value = (summary as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[key];
    return listed.has(name) || typeof value !== "number" || !Number.isFinite(value) ? null : value;
  };
  const metrics: RunMetrics = {
    detection: {
      tpr: read("detection.tpr"),
      fpr: read("detection.fpr"),
      fnr: read("detection.fnr"),
      precision: read("detection.precision"),
      f1: read("detection.f1"),
      accuracy: read("detection.accuracy"),
    },
    calibration: { ece: read("calibration.ece"), brier: read("calibration.brier") },
    cost: {
      fn_cost_weight: number(summary.cost?.fn_cost_weight),
      fp_cost_weight: number(summary.cost?.fp_cost_weight),
      total_cost: number(summary.cost?.total_cost),
      cost_weighted_accuracy: read("cost.cost_weighted_accuracy"),
    },
    abstention: {
      abstain_rate: read("abstention.abstain_rate"),
      accuracy_non_abstained: read("abstention.accuracy_non_abstained"),
      aurc: read("abstention.aurc"),
      aurc_101_thresholds: read("abstention.aurc_101_thresholds"),
    },
    confusion_matrix: Object.assign(
      { tp: 0, tn: 0, fp: 0, fn: 0, abstain: 0, invalid: 0 },
      summary.confusion_matrix,
    ),
    undefined: [],
  };
  metrics.undefined = RUN_METRIC_NAMES.filter((name) => read(name) === null);
  return metrics;
}
