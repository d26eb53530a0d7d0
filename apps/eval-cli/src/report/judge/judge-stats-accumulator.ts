import { safeNormalizeGoldAnswer } from "@sv/rubric";
import type { ModelPrice } from "../../cost/model-price.js";
import { resolveModelPrice } from "../../cost/model-price.js";
import { RunCostAccumulator } from "../../cost/run-cost.js";
import type { ResultLine } from "../result-line.js";
import type { RunMetadata } from "../run-metadata.js";
import { judgeRunInfo } from "./judge-run-info.js";
import type { JudgeCell, JudgeDisagreement, JudgeOutcome, JudgeStats, JudgeSummary } from "./judge-stats.js";
import type { JudgeKind, RolloutJudge } from "./rollout-judge.js";

/** Disagreeing rollouts listed in a report (the rollout table's filter shows them all). */
export const LISTED_DISAGREEMENTS = 100;

const emptyCell = (): JudgeCell => ({ yes: 0, no: 0, error: 0 });

/** Numbers first, in numeric order, then strings; then the rollout. */
function compareRollouts(a: JudgeDisagreement, b: JudgeDisagreement): number {
  const [x, y] = [a.exampleId, b.exampleId];
  if (typeof x === "number" && typeof y === "number" && x !== y) return x - y;
  if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
  if (x !== y) return String(x) < String(y) ? -1 : 1;
  return a.rolloutIndex - b.rolloutIndex;
}

/** The programmatic outcome of a reply: correct when its accuracy reward is 1. */
function outcomeOf(line: ResultLine): JudgeOutcome {
  if (line.metrics.accuracy === 1) return "correct";
  if (line.parsed.label === "Abstain") return "abstained";
  if (line.parsed.label === null) return "noLabel";
  return "wrong";
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isNumberOrNull = (value: unknown): value is number | null =>
  value === null || (typeof value === "number" && Number.isFinite(value));

/** The judge's price: the one metadata.json's `judge_cost` records, else the table's price of the judge model. */
function judgePrice(metadata: RunMetadata, model: string | null): ModelPrice {
  const recorded = isObject(metadata.judge_cost) ? metadata.judge_cost.price : undefined;
  if (
    isObject(recorded) &&
    isNumberOrNull(recorded.input_per_mtok) &&
    isNumberOrNull(recorded.output_per_mtok)
  ) {
    return {
      inputPerMillion: recorded.input_per_mtok,
      outputPerMillion: recorded.output_per_mtok,
      source: typeof recorded.source === "string" ? recorded.source : "metadata.json",
    };
  }
  if (model === null || model.includes(", "))
    return { inputPerMillion: null, outputPerMillion: null, source: "unknown" };
  return resolveModelPrice({ modelId: model, provider: "" });
}

const finiteCount = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;

/** metadata.json's judge totals, as `pnpm eval --rubric judge|hybrid` records them. */
function recordedTotals(metadata: RunMetadata): JudgeStats["recorded"] {
  const usage = isObject(metadata.judge_usage) ? metadata.judge_usage : {};
  const input = finiteCount(usage.input_tokens);
  const output = finiteCount(usage.output_tokens);
  return {
    usage: input !== null && output !== null ? { input, output } : null,
    costUsd: isObject(metadata.judge_cost) ? finiteCount(metadata.judge_cost.usd) : null,
    cacheHits: isObject(metadata.judge_cache) ? finiteCount(metadata.judge_cache.hits) : null,
  };
}

/** Gathers {@link JudgeStats} in the report's one pass over results.jsonl (rows in any order). */
export class JudgeStatsAccumulator {
  private readonly kinds = new Set<JudgeKind>();
  private readonly models = new Set<string>();
  private judged = 0;
  private errors = 0;
  private readonly errorTypes = new Map<string, number>();
  private notJudged = 0;
  private yes = 0;
  private agreements = 0;
  private readonly table: Record<JudgeOutcome, JudgeCell> = {
    correct: emptyCell(),
    wrong: emptyCell(),
    abstained: emptyCell(),
    noLabel: emptyCell(),
  };
  private disagreements = 0;
  private readonly listed: JudgeDisagreement[] = [];
  private programmaticSum = 0;
  private programmaticCount = 0;
  private readonly tokens = { input: 0, output: 0, calls: 0, unknown: 0 };
  private cacheHits = 0;
  private readonly retries = { total: 0, rollouts: 0 };
  private skipped = 0;
  private repliesKept = false;
  /** Judge calls, kept compactly until the price (which needs the run's judge model) is known. */
  private readonly calls: {
    cached: boolean;
    failed: boolean;
    input: number | null;
    output: number | null;
  }[] = [];

  constructor(private readonly metadata: RunMetadata) {}

  add(line: ResultLine): void {
    if (!line.error && line.programmaticReward !== undefined) {
      this.programmaticSum += line.programmaticReward;
      this.programmaticCount++;
    }
    const { judge } = line;
    if (!judge) {
      if (!line.error) this.notJudged++;
      return;
    }
    this.kinds.add(judge.kind);
    if (judge.model !== null) this.models.add(judge.model);
    if (judge.reply !== null) this.repliesKept = true;
    if (judge.cached) this.cacheHits++;
    const retries = Math.max(0, Math.floor(judge.attempts ?? 1) - 1);
    if (retries > 0) {
      this.retries.total += retries;
      this.retries.rollouts++;
    }
    if (judge.skipped) this.skipped++;
    else this.addCall(judge);
    const outcome = outcomeOf(line);
    if (judge.error || judge.verdict === null) {
      this.errors++;
      this.table[outcome].error++;
      const type = judge.error?.type ?? "judge_no_verdict";
      this.errorTypes.set(type, (this.errorTypes.get(type) ?? 0) + 1);
      return;
    }
    this.judged++;
    this.table[outcome][judge.verdict]++;
    const yes = judge.verdict === "yes";
    if (yes) this.yes++;
    if (yes === (outcome === "correct")) {
      this.agreements++;
      return;
    }
    this.disagreements++;
    this.list({
      exampleId: line.example_id,
      rolloutIndex: line.rollout_index,
      gold: safeNormalizeGoldAnswer(line.answer) ?? "Benign",
      label: line.parsed.label,
      confidence: line.parsed.confidence,
      verdict: judge.verdict,
      reply: judge.reply,
    });
  }

  /** A request to the judge (or a cache answer): its tokens and what it cost. */
  private addCall(judge: RolloutJudge): void {
    const input = judge.tokenUsage?.input ?? null;
    const output = judge.tokenUsage?.output ?? null;
    if (input !== null && output !== null) {
      this.tokens.input += input;
      this.tokens.output += output;
      this.tokens.calls++;
    } else if (!judge.cached) this.tokens.unknown++;
    this.calls.push({ cached: judge.cached, failed: judge.error !== null, input, output });
  }

  /** Keep the first {@link LISTED_DISAGREEMENTS} in (example, rollout) order, whatever the row order. */
  private list(item: JudgeDisagreement): void {
    const listed = this.listed;
    if (listed.length >= LISTED_DISAGREEMENTS && compareRollouts(item, listed.at(-1)!) >= 0) return;
    let low = 0;
    let high = listed.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareRollouts(listed[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    listed.splice(low, 0, item);
    if (listed.length > LISTED_DISAGREEMENTS) listed.pop();
  }

  /** The run's judge statistics, or null for a run without a judge. */
  result(): JudgeStats | null {
    const info = judgeRunInfo({ metadata: this.metadata, kinds: this.kinds, models: this.models });
    if (!info) return null;
    const cost = new RunCostAccumulator(judgePrice(this.metadata, info.model));
    for (const call of this.calls) {
      cost.add({
        cached: call.cached,
        failed: call.failed,
        inputTokens: call.input,
        outputTokens: call.output,
      });
    }
    const judged = this.judged;
    return {
      ...info,
      kinds: [...this.kinds].sort(),
      judged,
      errors: this.errors,
      errorTypes: [...this.errorTypes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
      notJudged: this.notJudged,
      yes: this.yes,
      yesRate: judged > 0 ? this.yes / judged : null,
      agreements: this.agreements,
      agreement: judged > 0 ? this.agreements / judged : null,
      table: this.table,
      disagreements: { total: this.disagreements, listed: this.listed },
      programmaticMeanReward:
        this.programmaticCount > 0 ? this.programmaticSum / this.programmaticCount : null,
      tokens: { ...this.tokens },
      cost: cost.result(),
      cacheHits: this.cacheHits,
      retries: { ...this.retries },
      skipped: this.skipped,
      repliesKept: this.repliesKept,
      recorded: recordedTotals(this.metadata),
    };
  }
}

/** Whether no paid judge call reported its tokens, so the rows cannot cost the judge. */
export const judgeTokensUnknown = (stats: JudgeStats): boolean =>
  stats.cost.paid_rollouts > 0 && stats.cost.unknown_usage_rollouts === stats.cost.paid_rollouts;

/**
 * Dollars of the judge calls: costed from the rows, else metadata.json's `judge_cost.usd` when the rows
 * have no token counts; null when unknown (no price, or no tokens anywhere).
 */
export function judgeCostUsd(stats: JudgeStats): number | null {
  if (judgeTokensUnknown(stats)) return stats.recorded.costUsd;
  return stats.cost.usd;
}

/** summary.json's `judge` block. */
export function toJudgeSummary(stats: JudgeStats): JudgeSummary {
  return {
    mode: stats.mode,
    model: stats.model ?? "unknown",
    n_judged: stats.judged,
    n_judge_errors: stats.errors,
    yes_rate: stats.yesRate,
    agreement_with_accuracy: stats.agreement,
    cost_usd: judgeCostUsd(stats),
  };
}
