import type { BaselineScore } from "../baseline/evaluate-baseline.js";
import type { ContextBaselineReport } from "../baseline/score-context-baselines.js";
import type { ContextSection } from "../context/context-rows.js";
import { contextEffectLines, contextSplitLine } from "./context-effect.js";
import { table } from "./markdown-table.js";

export interface ContextCardSet {
  source: string;
  /** The context file, or undefined when none was written. */
  fileName?: string;
  section: ContextSection;
}

export interface RenderContextSectionOptions {
  sets: readonly ContextCardSet[];
  report: ContextBaselineReport;
  /** The `flow+context` model file name (written or not). */
  modelFile: string;
}

const percent = (value: number | undefined) => (value === undefined ? "n/a" : `${(value * 100).toFixed(1)}%`);
const brier = (value: number | undefined) => (value === undefined ? "n/a" : value.toFixed(3));

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function scoreRows(name: string, scores: Record<string, BaselineScore> | undefined): (string | number)[][] {
  return Object.entries(scores ?? {}).map(([set, score]) => [
    name,
    `${set} (${score.rows} rows)`,
    percent(score.accuracy),
    brier(score.brier),
  ]);
}

/** The data card's "Context sets" section: format, bounds, counts, baselines at K = 0 and K, audits. */
export function renderContextSection(options: RenderContextSectionOptions): string {
  const { report } = options;
  const k = report.flows;
  const lines = [
    "## Context sets",
    "",
    `Built with \`--context ${k} --context-window ${report.windowSeconds}\`. Each row is a sampled flow of the single-flow set, its question a context block and then the flow: \`Context: the N earlier flows from this originator in the ${report.windowSeconds} s before it (oldest first):\`, one numbered \`key=value\` line per earlier flow, then \`Log Entry: …\` (\`Context: no earlier flows …\` when there is none). The earlier flows are those of the same originator host (\`id.orig_h\`) in the same capture file, written before the flow in the file, that started no later than it and at most ${report.windowSeconds} s before it, at most ${k}, oldest first; they show no label, family or anything derived from them. Zeek writes conn.log at connection end, so a long connection that started earlier but was written later is not context (counted as out of order); \`meta.context_flows\` is the number shown.`,
    "",
    table(
      [
        "source",
        "file",
        "rows",
        "splits",
        "without context (format)",
        "hosts evicted",
        "out-of-order flows",
        "dropped for split overlap",
        "memory bound (lines)",
      ],
      options.sets.map(({ source, fileName, section }) => [
        source,
        fileName ? `\`${fileName}\`` : "not written",
        section.counts.total,
        section.split_strategy,
        section.sampled_without_context,
        section.stats.hosts_evicted,
        section.stats.flows_out_of_order,
        section.rows_dropped_for_overlap,
        section.memory_bound_lines,
      ]),
    ),
    "",
    ...options.sets.flatMap(({ source, section }) => {
      const line = contextSplitLine(source, section);
      return line ? [line] : [];
    }),
    ...report.missing.map((entry) => `- **${entry.source}: no context set.** ${capitalise(entry.reason)}.`),
    ...options.sets.flatMap(({ source, section }) => section.notes.map((note) => `- ${source}: ${note}`)),
    "",
    "### Does context help?",
    "",
    `Same rows and splits, two learned models: one on the flow's features alone (K = 0), one with the context aggregates too (K = ${k}: number of earlier flows, distinct responders and ports, shares of failed connections and of flows to the same port and responder). \`baseline/heuristic\` reads the flow only, so its K = 0 and K = ${k} figures are the same.`,
    "",
    table(
      ["model", "evaluated on", "accuracy", "Brier"],
      [
        ...report.majority.map((entry) => [
          "majority class",
          `${entry.set} ${entry.split} (${entry.rows} rows)`,
          percent(entry.accuracy),
          "—",
        ]),
        ...scoreRows("baseline/learned, K = 0", report.learnedWithoutContext),
        ...scoreRows(
          `baseline/learned, K = ${k}${report.model ? ` (\`${options.modelFile}\`)` : ""}`,
          report.learnedWithContext,
        ),
        ...scoreRows(`baseline/heuristic (K = 0 and ${k})`, report.heuristic),
      ],
    ),
    "",
    ...contextEffectLines(report),
    "",
    report.refusal ? `**${report.refusal}.** \`${options.modelFile}\` is not part of this build.` : "",
    "",
  ];
  if (report.audit && report.aggregateAudit) {
    const flagged = [
      ...report.audit.filter((entry) => entry.flagged).map((entry) => `\`${entry.field}\``),
      ...report.aggregateAudit.filter((entry) => entry.flagged).map((entry) => entry.aggregate),
    ];
    lines.push(
      "### Shortcut audit (context set)",
      "",
      "Test accuracy of a one-field or one-aggregate classifier on the IoT-23 context set (majority label per value on train; numbers in log2 buckets, shares in tenths).",
      "",
      flagged.length
        ? `**Flagged (≥ 95%): ${flagged.join(", ")}.**`
        : "No single field or aggregate reaches 95%.",
      "",
      table(
        ["field or aggregate", "test accuracy", "train values", "flag"],
        [
          ...report.audit.map((entry) => [
            entry.field,
            percent(entry.accuracy),
            entry.values,
            entry.flagged ? "⚠" : "",
          ]),
          ...report.aggregateAudit.map((entry) => [
            `context: ${entry.aggregate}`,
            percent(entry.accuracy),
            entry.values,
            entry.flagged ? "⚠" : "",
          ]),
        ],
      ),
      "",
    );
  }
  return lines.join("\n");
}
