import type { RunSummary } from "./build-summary.js";
import type { RunMetadata } from "./run-metadata.js";

export interface BuildReportOptions {
  summary: RunSummary;
  /** Adds endpoint, split, sampling, usage, timing and stop reason when given. */
  metadata?: Partial<RunMetadata>;
}

const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));

function table(header: [string, string], rows: [string, string][]): string[] {
  return [
    `| ${header[0]} | ${header[1]} |`,
    "|---|---|",
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    "",
  ];
}

/** report.md: run information, rewards, detection, calibration, cost, abstention and confusion tables. */
export function buildReport(options: BuildReportOptions): string {
  const { summary, metadata = {} } = options;
  const { detection, calibration, cost, abstention, confusion_matrix: confusion } = summary.metrics;
  const info: [string, string][] = [
    ["Model", `\`${summary.model}\``],
    [
      "Dataset",
      `${summary.dataset}${metadata.dataset ? ` (${metadata.dataset.source}, split ${metadata.dataset.split})` : ""}`,
    ],
    ["Examples", String(summary.n_examples)],
    ["Rollouts", `${summary.n_rollouts} (${summary.n_errors} failed after retries)`],
    ["Run ID", `\`${summary.run_id}\``],
    ["Started", summary.timestamp],
    ["Environment", `${summary.environment} ${summary.version}`],
  ];
  if (metadata.base_url) info.push(["Endpoint", metadata.base_url]);
  if (metadata.sampling_args) info.push(["Sampling", `\`${JSON.stringify(metadata.sampling_args)}\``]);
  if (metadata.seed !== undefined && metadata.seed !== null) info.push(["Seed", String(metadata.seed)]);
  if (metadata.usage) {
    info.push(["Tokens", `${metadata.usage.input_tokens} in, ${metadata.usage.output_tokens} out`]);
  }
  if (metadata.time_ms !== undefined) info.push(["Wall time", `${(metadata.time_ms / 1000).toFixed(1)} s`]);
  if (metadata.status)
    info.push([
      "Status",
      metadata.stop_reason ? `${metadata.status}: ${metadata.stop_reason}` : metadata.status,
    ]);
  return [
    `# Evaluation report: ${summary.environment}`,
    "",
    "## Run information",
    "",
    ...table(["Field", "Value"], info),
    "## Rewards (mean over rollouts without error)",
    "",
    ...table(
      ["Reward", "Mean"],
      [
        ["Weighted total", fixed(summary.rewards.mean_reward, 4)],
        ["Accuracy", fixed(summary.rewards.accuracy, 4)],
        ["Format", fixed(summary.rewards.format, 4)],
        ["Calibration", fixed(summary.rewards.calibration, 4)],
        ["Asymmetric cost", fixed(summary.rewards.asymmetric_cost, 4)],
      ],
    ),
    "## Detection",
    "",
    ...table(
      ["Metric", "Value"],
      [
        ["TPR (recall)", fixed(detection.tpr)],
        ["FPR", fixed(detection.fpr)],
        ["FNR", fixed(detection.fnr)],
        ["Precision", fixed(detection.precision)],
        ["F1", fixed(detection.f1)],
        ["Accuracy", fixed(detection.accuracy)],
      ],
    ),
    "## Calibration",
    "",
    ...table(
      ["Metric", "Value"],
      [
        ["ECE", fixed(calibration.ece, 4)],
        ["Brier score", fixed(calibration.brier, 4)],
      ],
    ),
    "## Cost",
    "",
    ...table(
      ["Metric", "Value"],
      [
        ["FN cost weight", String(cost.fn_cost_weight)],
        ["FP cost weight", String(cost.fp_cost_weight)],
        ["Total cost", fixed(cost.total_cost, 1)],
        ["Cost-weighted accuracy", fixed(cost.cost_weighted_accuracy)],
      ],
    ),
    "## Abstention",
    "",
    ...table(
      ["Metric", "Value"],
      [
        ["Abstain rate", fixed(abstention.abstain_rate)],
        ["Accuracy (non-abstained)", fixed(abstention.accuracy_non_abstained)],
        ["AURC", fixed(abstention.aurc, 4)],
      ],
    ),
    "## Confusion matrix",
    "",
    "| | Gold Malicious | Gold Benign |",
    "|---|---|---|",
    `| Predicted Malicious | ${confusion.tp} (TP) | ${confusion.fp} (FP) |`,
    `| Predicted Benign | ${confusion.fn} (FN) | ${confusion.tn} (TN) |`,
    "",
    `Abstained: ${confusion.abstain}. No parsable label: ${confusion.invalid}. Failed requests: ${summary.n_errors}.`,
    "",
  ].join("\n");
}
