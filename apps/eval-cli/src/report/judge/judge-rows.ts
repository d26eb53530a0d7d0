import { formatUsd } from "../../cost/run-cost.js";
import { figure } from "../run-extras-rows.js";
import { judgeCostUsd, judgeTokensUnknown } from "./judge-stats-accumulator.js";
import type { JudgeDisagreement, JudgeOutcome, JudgeStats } from "./judge-stats.js";

/** The judge table's rows: programmatic outcomes, in display order, with their names. */
export const JUDGE_OUTCOMES: readonly [JudgeOutcome, string][] = [
  ["correct", "Label correct"],
  ["wrong", "Label wrong"],
  ["abstained", "Abstained"],
  ["noLabel", "No label (unparsable reply)"],
];

/** The overview's two rates' row names. */
export const JUDGE_RATE_LABELS = {
  yesRate: "Judge yes rate",
  agreement: "Agreement with programmatic accuracy",
} as const;

const rate = (value: number | null, count: number, of: number) =>
  value === null ? "n/a (nothing judged)" : `${figure(value)} (${count} of ${of})`;

function modeText(stats: JudgeStats): string {
  const mixed = stats.kinds.length > 1 ? "; the rows mix correctness and rationale verdicts" : "";
  if (stats.mode === "judge") {
    return `judge (correctness: the judge grades the whole reply; the mean reward is the judge's${mixed})`;
  }
  return `hybrid (rationale: the judge grades whether the rationale supports the label; reward = programmatic total + weight × judge${mixed})`;
}

function tokensText(stats: JudgeStats): string {
  const { input, output, calls, unknown } = stats.tokens;
  const missing = unknown > 0 ? `; ${unknown} call${unknown === 1 ? "" : "s"} without token counts` : "";
  const recorded = stats.recorded.usage;
  if (calls === 0 && recorded) {
    return `${recorded.input.toLocaleString("en-US")} in, ${recorded.output.toLocaleString("en-US")} out (metadata.json totals; the rows have no judge token counts)`;
  }
  if (calls === 0) return `none recorded${missing}`;
  return `${input.toLocaleString("en-US")} in, ${output.toLocaleString("en-US")} out over ${calls} call${calls === 1 ? "" : "s"}${missing}`;
}

function costText(stats: JudgeStats): string {
  const usd = judgeCostUsd(stats);
  const { price } = stats.cost;
  // A sum over no calls: nothing was spent (a total, not a rate, so 0 is its true value).
  if (stats.cost.paid_rollouts + stats.cost.cached_rollouts === 0) return "$0 (no judge call was made)";
  if (judgeTokensUnknown(stats)) {
    return usd === null
      ? "n/a (no judge call reported its tokens)"
      : `${formatUsd(usd)} (metadata.json; the rows have no judge token counts)`;
  }
  if (price.input_per_mtok === null || price.output_per_mtok === null) {
    return `${formatUsd(usd)} (no price known for the judge model)`;
  }
  return `${formatUsd(usd)} at $${price.input_per_mtok} / $${price.output_per_mtok} per million input / output tokens (${price.source})`;
}

/** The judge overview as label/value pairs (report.md and report.html render the same rows). */
export function judgeOverviewRows(stats: JudgeStats): [string, string][] {
  const errors =
    stats.errors === 0
      ? "0"
      : `${stats.errors} (${stats.errorTypes.map(([type, count]) => `${type}: ${count}`).join(", ")})`;
  const rows: [string, string][] = [
    [
      "Judge model",
      stats.model === null ? "unknown" : `${stats.model}${stats.modelNote ? ` (${stats.modelNote})` : ""}`,
    ],
    ["Mode", modeText(stats)],
  ];
  if (stats.mode !== "judge")
    rows.push(["Judge weight", stats.weight === null ? "not recorded" : String(stats.weight)]);
  rows.push(
    ["Rollouts judged", String(stats.judged)],
    ["Judge errors (no verdict; the rollout counts as failed)", errors],
  );
  if (stats.notJudged > 0)
    rows.push(["Rollouts with a reply but no judge verdict recorded", String(stats.notJudged)]);
  rows.push(
    [JUDGE_RATE_LABELS.yesRate, rate(stats.yesRate, stats.yes, stats.judged)],
    [JUDGE_RATE_LABELS.agreement, rate(stats.agreement, stats.agreements, stats.judged)],
    ["Disagreements", String(stats.disagreements.total)],
    ["Programmatic mean reward (executable rubric)", figure(stats.programmaticMeanReward, 4)],
    ["Judge tokens (apart from the model's)", tokensText(stats)],
    ["Judge cost (apart from the model's)", costText(stats)],
    [
      "Judge retries",
      stats.retries.total === 0
        ? "none"
        : `${stats.retries.total} retried request${stats.retries.total === 1 ? "" : "s"} over ${stats.retries.rollouts} rollout${stats.retries.rollouts === 1 ? "" : "s"}`,
    ],
    ...(stats.skipped > 0
      ? [["Verdicts without a judge call (nothing to grade: no)", String(stats.skipped)] as [string, string]]
      : []),
    [
      "Judge cache hits",
      stats.cacheHits === 0 && stats.recorded.cacheHits
        ? `${stats.recorded.cacheHits} (metadata.json; no row is marked cached)`
        : String(stats.cacheHits),
    ],
  );
  return rows;
}

/** The sentence under the headline table of a judge or hybrid run: which rows are whose. */
export function judgeHeadlineNote(stats: JudgeStats): string {
  const reward =
    stats.mode === "judge"
      ? "Mean reward is the judge's score (1 when its reply starts with “yes”, else 0)"
      : "Mean reward includes the judge's weighted rationale score";
  return `${reward}; the accuracy, format, calibration and cost rows and every detection figure are the executable rubric's scores of the same replies.`;
}

/** The note under the agreement table. */
export function judgeTableNote(stats: JudgeStats): string {
  return `Agreement: a judged rollout agrees when the judge says yes to a reply whose accuracy reward is 1 (label equals gold) or no to any other (wrong, abstained, unparsable). ${stats.mode === "judge" ? "" : "The hybrid judge grades the rationale, not the label, so it may disagree by design. "}Judge errors have no verdict and are left out of the rates.`;
}

/** One listed disagreement as text cells: example, gold, label, confidence, judge verdict, judge reply. */
export function disagreementCells(item: JudgeDisagreement): string[] {
  return [
    `${item.exampleId}${item.rolloutIndex ? ` #${item.rolloutIndex}` : ""}`,
    item.gold,
    item.label ?? "(none)",
    figure(item.confidence, 2),
    item.verdict,
    item.reply === null
      ? "(not recorded)"
      : item.reply.length > MAX_REPLY_CHARS
        ? `${item.reply.slice(0, MAX_REPLY_CHARS)}…`
        : item.reply,
  ];
}

/** Longest judge reply listed in full (the contract keeps at most 500 characters). */
const MAX_REPLY_CHARS = 500;

/** Headers of the disagreement list. */
export const DISAGREEMENT_HEADERS = ["Example", "Gold", "Label", "Confidence", "Judge", "Judge reply"];

/** Says how many disagreements the list leaves out, or nothing. */
export function disagreementsLeftOut(stats: JudgeStats): string | null {
  const left = stats.disagreements.total - stats.disagreements.listed.length;
  return left > 0
    ? `${left} more disagreeing rollouts are not listed (the first ${stats.disagreements.listed.length} by example are); report.html's rollout table filters them all.`
    : null;
}
