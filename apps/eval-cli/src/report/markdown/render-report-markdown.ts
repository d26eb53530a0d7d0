import { HEADLINE_METRICS, type MetricInterval } from "../headline-metrics.js";
import { formatNumber } from "../html/format-number.js";
import { runFacts } from "../run-facts.js";
import type { RunReportData } from "../run-report-data.js";
import { describeUndefined } from "../undefined-reason.js";
import { markdownText } from "./markdown-text.js";
import { judgeHeadlineNote } from "../judge/judge-rows.js";
import { renderExtrasMarkdown } from "./render-extras-markdown.js";
import { renderJudgeMarkdown } from "./render-judge-markdown.js";

/** Options of {@link renderReportMarkdown}. */
export interface RenderReportMarkdownOptions {
  data: RunReportData;
}

const cell = markdownText;
const f = formatNumber;

function intervalText(interval: MetricInterval, resamples: number): string {
  if (interval.value === null || interval.low === null || interval.high === null) return "n/a";
  const partial =
    interval.resamplesDefined < resamples ? ` (${interval.resamplesDefined} of ${resamples} resamples)` : "";
  return `[${f(interval.low, 4)}, ${f(interval.high, 4)}]${partial}`;
}

/**
 * `report.md`: the original's sections (detection, calibration, cost, abstention, confusion) plus
 * intervals and per-group detection. Undefined rates read `n/a`, with the reason underneath.
 */
export function renderReportMarkdown(options: RenderReportMarkdownOptions): string {
  const { data } = options;
  const { summary, intervals, bootstrap, metrics } = data;
  const { detection, calibration, cost, abstention } = metrics;
  const cm = metrics.confusion_matrix;
  const undefinedNote = describeUndefined(metrics.undefined);
  const attackGroups = data.byAttackFamily.filter((group) => group.attacks > 0);
  const scored = summary.n_rollouts - summary.n_errors;
  const lines = [
    `# SV-Bench Report: ${cell(summary.environment)}`,
    "",
    "## Run Information",
    "",
    // Wall time is left out of report.md so a resumed run's report equals an uninterrupted one's.
    ...runFacts({ data })
      .filter((fact) => fact.name !== "Wall time")
      .map((fact) => `- **${fact.name}:** ${cell(fact.value)}`),
    "",
    "## Headline Metrics (bootstrap 95% intervals)",
    "",
    "| Metric | Value | 95% interval |",
    "|--------|------:|-------------:|",
    ...HEADLINE_METRICS.map((metric) => {
      const interval = intervals[metric.key]!;
      return `| ${metric.label} | ${f(interval.value, 4)} | ${intervalText(interval, bootstrap.resamples)} |`;
    }),
    "",
    `Percentile bootstrap over examples, ${bootstrap.resamples} resamples, seed ${bootstrap.seed}. ` +
      "All rollouts: every rollout without a request error (an abstention or unparsable reply counts as wrong). " +
      "Answered: rollouts labelled Benign or Malicious, the denominator of every detection and calibration rate.",
    ...(undefinedNote ? ["", undefinedNote] : []),
    ...(data.judge ? ["", judgeHeadlineNote(data.judge), "", ...renderJudgeMarkdown(data.judge)] : [""]),
    "## Detection Performance",
    "",
    "| Metric | Value |",
    "|--------|-------|",
    `| TPR (recall) | ${f(detection.tpr)} |`,
    `| FPR | ${f(detection.fpr)} |`,
    `| FNR | ${f(detection.fnr)} |`,
    `| Precision | ${f(detection.precision)} |`,
    `| F1 | ${f(detection.f1)} |`,
    `| Accuracy, answered | ${f(detection.accuracy)} |`,
    "",
    "## Calibration",
    "",
    "| Metric | Value |",
    "|--------|-------|",
    `| ECE | ${f(calibration.ece, 4)} |`,
    `| Brier | ${f(calibration.brier, 4)} |`,
    "",
    "## Cost Analysis",
    "",
    `- FN Cost Weight: ${cost.fn_cost_weight}`,
    `- FP Cost Weight: ${cost.fp_cost_weight}`,
    `- Total Cost: ${f(cost.total_cost, 1)}`,
    `- Cost-weighted accuracy: ${f(cost.cost_weighted_accuracy)}`,
    "",
    "## Abstention",
    "",
    `- Abstain rate: ${f(abstention.abstain_rate)}`,
    `- Accuracy, answered: ${f(abstention.accuracy_non_abstained)}`,
    `- AURC: ${f(abstention.aurc, 4)} (standard risk–coverage over answered rollouts, ties grouped)`,
    `- AURC, original's 101 thresholds: ${f(abstention.aurc_101_thresholds, 4)}`,
    "",
    "## Confusion Matrix",
    "",
    `- TP: ${cm.tp}`,
    `- TN: ${cm.tn}`,
    `- FP: ${cm.fp}`,
    `- FN: ${cm.fn}`,
    `- Abstain: ${cm.abstain}`,
    `- No label: ${cm.invalid}`,
    "",
    "## Detection by Attack Family",
    "",
    ...(attackGroups.length === 0
      ? [
          scored === 0
            ? "No scored rollouts in this run, so there is nothing to break down."
            : "No rollout has a Malicious gold answer, so there is no attack family to detect.",
        ]
      : [
          "| Attack family | Rollouts | Attacks | Detection rate, all attacks |",
          "|---------------|---------:|--------:|----------------------------:|",
          ...attackGroups.map(
            (group) =>
              `| ${cell(group.name)} | ${group.count} | ${group.attacks} | ${f(group.detectionRate)} |`,
          ),
          "",
          "Detection rate, all attacks: abstentions and unparsable replies count as not detected.",
        ]),
    "",
    "## By Source",
    "",
    ...(data.bySource.length === 0
      ? ["No scored rollouts in this run, so there is nothing to break down."]
      : [
          "| Source | Rollouts | Detection rate, all attacks | False-alarm rate, all benign | Accuracy, answered |",
          "|--------|---------:|----------------------------:|-----------------------------:|-------------------:|",
          ...data.bySource.map(
            (group) =>
              `| ${cell(group.name)} | ${group.count} | ${f(group.detectionRate)} | ${f(group.falseAlarmRate)} | ${f(group.metrics.detection.accuracy)} |`,
          ),
        ]),
    "",
    ...renderExtrasMarkdown(summary),
  ];
  return lines.join("\n");
}
