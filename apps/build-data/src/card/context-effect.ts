import type { ContextBaselineReport } from "../baseline/score-context-baselines.js";
import type { ContextSection } from "../context/context-rows.js";

const points = (value: number) => `${value >= 0 ? "+" : "−"}${Math.abs(value * 100).toFixed(1)} points`;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * What context did to the learned baseline, set by set, in words: K = 0 → K accuracy and the change,
 * or n/a when a set has no rows or no model was trained. When one field alone already gives the
 * label away (the audit flagged it), the sentence says that the set cannot show a benefit of context.
 */
export function contextEffectLines(report: ContextBaselineReport): string[] {
  const without = report.learnedWithoutContext ?? {};
  const withContext = report.learnedWithContext ?? {};
  const sets = [...new Set([...Object.keys(without), ...Object.keys(withContext)])];
  if (sets.length === 0) return ["**Effect of context: n/a** (no IoT-23 context set to train on)."];
  const lines = sets.map((set) => {
    const before = without[set]?.accuracy;
    const after = withContext[set]?.accuracy;
    if (before === undefined || after === undefined) return `- ${set}: n/a (${without[set]?.rows ?? 0} rows)`;
    const verdict =
      after > before ? "context helps" : after < before ? "context hurts" : "no measurable effect";
    return `- ${set}: K = 0 ${percent(before)} → K = ${report.flows} ${percent(after)} (${points(after - before)}, ${without[set]!.rows} rows): ${verdict}`;
  });
  const flagged = (report.audit ?? []).filter((entry) => entry.flagged).map((entry) => `\`${entry.field}\``);
  const caveat =
    flagged.length > 0
      ? `On this set one field of the flow alone already reaches ≥ 95% (${flagged.join(", ")}), so a flow-only model is near its ceiling and the set cannot show what context adds; the figures measure it, they do not prove it useless.`
      : "";
  return [
    "**Effect of context on the learned baseline** (test accuracy, same rows):",
    "",
    ...lines,
    "",
    caveat,
  ];
}

/** How the context set was split, in one sentence (capture assignment or per-capture time blocks). */
export function contextSplitLine(source: string, section: ContextSection): string | undefined {
  if (section.split_strategy === "time" && section.time_blocks) {
    const blocks = Object.entries(section.time_blocks)
      .map(
        ([scenario, block]) =>
          `${scenario}: train before ${iso(block.train_before)}, dev ${iso(block.dev_from)}–${iso(block.dev_before)}, test from ${iso(block.test_from)}`,
      )
      .join("; ");
    return `- ${source}: split \`time\`: inside each capture, by start time, the first 70% of its sampled flows train, the next 15% dev, the rest test, each block starting ${section.window_seconds} s (the window) after the one before, so no flow, question or context, is shown to two splits; ${section.rows_in_time_gaps ?? 0} flow(s) in the gaps left out (UTC, ${blocks}).`;
  }
  if (section.split_strategy === "capture" && section.capture_splits) {
    const captures = Object.entries(section.capture_splits)
      .map(([scenario, split]) => `${scenario} → ${split}`)
      .join(", ");
    return `- ${source}: split \`capture\`: whole captures held out (${captures}).`;
  }
  return undefined;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}
