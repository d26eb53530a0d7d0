import type { BaselineScore } from "../baseline/evaluate-baseline.js";
import type { MajorityScore } from "../baseline/majority-class.js";
import type { SourceManifest } from "../build/build-source.js";
import type { FieldAudit } from "./shortcut-audit.js";
import { MAPPING_TABLES } from "./mapping-tables.js";
import { table } from "./markdown-table.js";
import { SOURCES_TEXT } from "./sources-text.js";

export interface DataCardDataset {
  fileName: string;
  manifest: SourceManifest;
  hubRepo?: string;
}

export interface RenderDataCardOptions {
  seed: number;
  mode: string;
  /** The build id every file of this build carries. */
  buildId: string;
  /** Outputs this build lacks, in words (e.g. a refused baseline). */
  incomplete?: readonly string[];
  datasets: readonly DataCardDataset[];
  /** Learned baseline scores by evaluation set (e.g. `iot23 test`, `cic-ids-2017`). */
  learned?: { modelFile: string; scores: Record<string, BaselineScore>; refusal?: string };
  /** `baseline/heuristic` scores by evaluation set. */
  heuristic?: Record<string, BaselineScore>;
  /** Majority-class accuracy per set and split. */
  majority?: readonly MajorityScore[];
  audit?: FieldAudit[];
  /** Context builds: the rendered "Context sets" section. */
  contextSection?: string;
}

const percent = (value: number | undefined) => (value === undefined ? "n/a" : `${(value * 100).toFixed(1)}%`);
const brier = (value: number | undefined) => (value === undefined ? "n/a" : value.toFixed(3));

function majorityModel(entry: MajorityScore): string {
  if (entry.labels.length === 0) return "majority class";
  if (entry.labels.length === 2) return "majority class (tie: always Benign or always Malicious)";
  return `majority class (always ${entry.labels[0]})`;
}

function datasetSection(dataset: DataCardDataset): string {
  const { manifest } = dataset;
  const counts = manifest.counts;
  const splits = Object.entries(counts.by_split).map(([split, labels]) => [
    split,
    labels.Benign ?? 0,
    labels.Malicious ?? 0,
  ]);
  const families = Object.entries(counts.by_family).map(([family, count]) => [family, count]);
  const inputs = manifest.inputs.map((input) => [
    `\`${input.file}\``,
    input.format,
    input.bytes,
    input.rows,
    input.skipped,
    `\`${input.sha256.slice(0, 16)}…\``,
  ]);
  const skipped = Object.entries(manifest.lines_skipped.counts).map(([reason, count]) => [
    reason,
    count,
    (manifest.lines_skipped.examples[reason] ?? [])
      .slice(0, 2)
      .map((example) => `\`${example}\``)
      .join("<br>"),
  ]);
  return [
    `### \`${dataset.fileName}\` (${manifest.source})`,
    "",
    `${counts.total} rows; sampling: ${manifest.balanced ? "balanced (half per label, equal share per scenario)" : "in proportion to what each (scenario × label) holds"}; splits: ${manifest.split_strategy}.${dataset.hubRepo ? ` Read from the Hub copy \`${dataset.hubRepo}\`.` : ""}`,
    "",
    table(["split", "Benign", "Malicious"], splits),
    "",
    table(["attack family", "rows"], families),
    "",
    `Rows read: ${manifest.rows_read}; duplicates dropped: ${manifest.duplicates_dropped}; label conflicts dropped: ${manifest.label_conflicts}.`,
    "",
    inputs.length ? table(["input", "format", "bytes", "rows", "skipped", "sha256"], inputs) : "",
    "",
    skipped.length ? table(["skipped lines", "count", "examples"], skipped) : "No line was skipped.",
    "",
    manifest.notes.length ? manifest.notes.map((note) => `- ${note}`).join("\n") : "",
  ].join("\n");
}

/** The data card: sources, citations, terms, mapping tables, counts, baselines and the shortcut audit. */
export function renderDataCard(options: RenderDataCardOptions): string {
  const parts = [
    "# E1 network-flow datasets: data card",
    "",
    `Build id \`${options.buildId}\`.`,
    "",
    ...(options.incomplete?.length ? [`**Incomplete build:** ${options.incomplete.join("; ")}.`, ""] : []),
    `Built by \`pnpm build-data\` (mode ${options.mode}, seed ${options.seed}). Each row is one flow rendered as \`Log Entry: key=value, …\` (Zeek conn.log names, \`-\` unknown) with the answer \`Malicious\` or \`Benign\`; \`meta\` keeps source, scenario, attack family, content hash, split and the input file and line. The question never shows a label or anything derived from one.`,
    "",
    "## Sources",
    "",
    SOURCES_TEXT,
    "## Datasets",
    "",
    ...options.datasets.map(datasetSection),
    "",
    "## Is the task real?",
    "",
  ];
  const baselineRows: (string | number)[][] = [];
  for (const entry of options.majority ?? []) {
    baselineRows.push([
      majorityModel(entry),
      `${entry.set} ${entry.split} (${entry.rows} rows)`,
      percent(entry.accuracy),
      "—",
    ]);
  }
  const learnedName = options.learned?.refusal
    ? "baseline/learned (not shipped, see below)"
    : `baseline/learned (\`${options.learned?.modelFile}\`)`;
  for (const [set, score] of Object.entries(options.learned?.scores ?? {})) {
    baselineRows.push([
      learnedName,
      `${set} (${score.rows} rows)`,
      percent(score.accuracy),
      brier(score.brier),
    ]);
  }
  for (const [set, score] of Object.entries(options.heuristic ?? {})) {
    baselineRows.push([
      "baseline/heuristic (rules, no training)",
      `${set} (${score.rows} rows)`,
      percent(score.accuracy),
      brier(score.brier),
    ]);
  }
  parts.push(
    "Baselines that read only the question text (abstentions count as wrong). `baseline/learned` is a logistic regression on hashed features (ports, proto, service, conn_state, history letters, log-scaled bytes, packets and duration), trained on the IoT-23 train split and Platt-calibrated on dev. A `majority class` row is the accuracy of always giving the more frequent answer of that split: a baseline below it has learned nothing useful there.",
    "",
    table(["model", "evaluated on", "accuracy", "Brier"], baselineRows),
    "",
    options.learned?.refusal
      ? `**${options.learned.refusal}.** \`${options.learned.modelFile}\` is not part of this build.`
      : "",
    "",
  );
  if (options.audit) {
    const flagged = options.audit.filter((entry) => entry.flagged);
    parts.push(
      "### Shortcut audit",
      "",
      "Test accuracy of a one-field classifier per field (majority label per value on train; numbers in log2 buckets). A flagged field alone predicts the label near-perfectly: results on this set say little about understanding the flow.",
      "",
      flagged.length
        ? `**Flagged (≥ 95%): ${flagged.map((entry) => `\`${entry.field}\``).join(", ")}.**`
        : "No single field reaches 95%.",
      "",
      table(
        ["field", "test accuracy", "train values", "flag"],
        options.audit.map((entry) => [
          entry.field,
          percent(entry.accuracy),
          entry.values,
          entry.flagged ? "⚠" : "",
        ]),
      ),
      "",
    );
  }
  if (options.contextSection) parts.push(options.contextSection, "");
  parts.push("## Field mapping", "", MAPPING_TABLES);
  return `${parts
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
