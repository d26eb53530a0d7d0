import { HEADLINE_METRICS } from "../headline-metrics.js";
import type { RunReportData } from "../run-report-data.js";
import { markdownText } from "./markdown-text.js";
import { renderExtrasMarkdown } from "./render-extras-markdown.js";

/** Options of {@link renderReportMarkdown}. */
export interface RenderReportMarkdownOptions {
  data: RunReportData;
}

const cell = markdownText;
const f = (value: number, digits = 3) => value.toFixed(digits);

/** `report.md`: the original's sections (detection, calibration, cost, abstention, confusion) plus intervals and per-group detection. */
export function renderReportMarkdown(options: RenderReportMarkdownOptions): string {
  const { summary, intervals, bootstrap } = options.data;
  const { detection, calibration, cost, abstention, confusion_matrix: cm } = summary.metrics;
  const lines = [
    `# SV-Bench Report: ${cell(summary.environment)}`,
    "",
    "## Run Information",
    "",
    `- **Model:** ${cell(summary.model)}`,
    `- **Dataset:** ${cell(summary.dataset)}`,
    `- **Examples:** ${summary.n_examples} (${summary.n_rollouts} rollouts, ${summary.n_errors} failed)`,
    `- **Run ID:** ${cell(summary.run_id)}`,
    `- **Timestamp:** ${summary.timestamp}`,
    "",
    "## Headline Metrics (bootstrap 95% intervals)",
    "",
    "| Metric | Value | 95% interval |",
    "|--------|------:|-------------:|",
    ...HEADLINE_METRICS.map((metric) => {
      const interval = intervals[metric.key]!;
      return `| ${metric.label} | ${f(interval.value, 4)} | [${f(interval.low, 4)}, ${f(interval.high, 4)}] |`;
    }),
    "",
    `Percentile bootstrap over examples, ${bootstrap.resamples} resamples, seed ${bootstrap.seed}.`,
    "",
    "## Detection Performance",
    "",
    "| Metric | Value |",
    "|--------|-------|",
    `| TPR (Recall) | ${f(detection.tpr)} |`,
    `| FPR | ${f(detection.fpr)} |`,
    `| FNR | ${f(detection.fnr)} |`,
    `| Precision | ${f(detection.precision)} |`,
    `| F1 Score | ${f(detection.f1)} |`,
    `| Accuracy | ${f(detection.accuracy)} |`,
    "",
    "## Calibration",
    "",
    "| Metric | Value |",
    "|--------|-------|",
    `| ECE | ${f(calibration.ece, 4)} |`,
    `| Brier Score | ${f(calibration.brier, 4)} |`,
    "",
    "## Cost Analysis",
    "",
    `- FN Cost Weight: ${cost.fn_cost_weight}`,
    `- FP Cost Weight: ${cost.fp_cost_weight}`,
    `- Total Cost: ${f(cost.total_cost, 1)}`,
    `- Cost-Weighted Accuracy: ${f(cost.cost_weighted_accuracy)}`,
    "",
    "## Abstention",
    "",
    `- Abstain Rate: ${f(abstention.abstain_rate)}`,
    `- Accuracy (non-abstained): ${f(abstention.accuracy_non_abstained)}`,
    `- AURC: ${f(abstention.aurc, 4)}`,
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
    "| Attack family | Rollouts | Attacks | Detection rate |",
    "|---------------|---------:|--------:|---------------:|",
    ...options.data.byAttackFamily
      .filter((group) => group.attacks > 0)
      .map(
        (group) => `| ${cell(group.name)} | ${group.count} | ${group.attacks} | ${f(group.detectionRate)} |`,
      ),
    "",
    "## By Source",
    "",
    "| Source | Rollouts | Detection rate | False alarm rate | Accuracy |",
    "|--------|---------:|---------------:|-----------------:|---------:|",
    ...options.data.bySource.map(
      (group) =>
        `| ${cell(group.name)} | ${group.count} | ${f(group.detectionRate)} | ${f(group.falseAlarmRate)} | ${f(group.metrics.detection.accuracy)} |`,
    ),
    "",
    ...renderExtrasMarkdown(summary),
  ];
  return lines.join("\n");
}
