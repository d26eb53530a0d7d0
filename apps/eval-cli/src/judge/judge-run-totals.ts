import type { JudgeRecord } from "@sv/env";
import type { RubricMode } from "@sv/rubric";
import type { ModelPrice } from "../cost/model-price.js";
import { type RunCost, RunCostAccumulator } from "../cost/run-cost.js";

/** summary.json `judge`: the judge's verdicts over the run, next to the programmatic accuracy. */
export interface JudgeRunSummary {
  mode: Exclude<RubricMode, "executable">;
  model: string;
  /** Rollouts with a verdict. */
  n_judged: number;
  /** Rollouts whose judge call failed after its retries. */
  n_judge_errors: number;
  /** Share of verdicts that are yes; null when nothing was judged. */
  yes_rate: number | null;
  /** Share of verdicts that agree with the programmatic accuracy (yes = correct); null when nothing was judged. */
  agreement_with_accuracy: number | null;
  /** The judge's dollars (null when its price is unknown). */
  cost_usd: number | null;
}

/** What a rollout tells the judge totals. */
export interface JudgedRollout {
  judge?: JudgeRecord;
  /** The executable rubric's accuracy of the reply (1 correct, 0 not). */
  accuracy: number;
}

/** Sums a run's judge verdicts and judge spend (any order; a row without `judge` is left out). */
export class JudgeRunTotals {
  private judged = 0;
  private errors = 0;
  private yes = 0;
  private agree = 0;
  private readonly cost: RunCostAccumulator;

  constructor(
    private readonly mode: Exclude<RubricMode, "executable">,
    private readonly model: string,
    price: ModelPrice,
  ) {
    this.cost = new RunCostAccumulator(price);
  }

  add(rollout: JudgedRollout): void {
    const judge = rollout.judge;
    if (!judge) return;
    if (judge.error || judge.score === null) {
      this.errors++;
      return;
    }
    this.judged++;
    if (judge.score === 1) this.yes++;
    if (judge.score === (rollout.accuracy === 1 ? 1 : 0)) this.agree++;
    // A rationale scored without a call (none to grade) is not a request.
    if (judge.skipped) return;
    this.cost.add({
      cached: judge.cached === true,
      failed: false,
      inputTokens: judge.token_usage.input_tokens,
      outputTokens: judge.token_usage.output_tokens,
    });
  }

  /** The judge's spend, as `cost` is the model's (metadata.json `judge_cost`). */
  costResult(): RunCost {
    return this.cost.result();
  }

  summary(): JudgeRunSummary {
    const share = (part: number) => (this.judged > 0 ? part / this.judged : null);
    return {
      mode: this.mode,
      model: this.model,
      n_judged: this.judged,
      n_judge_errors: this.errors,
      yes_rate: share(this.yes),
      agreement_with_accuracy: share(this.agree),
      cost_usd: this.cost.spentUsd,
    };
  }
}

/** Options of {@link judgeRunTotalsFor}. */
export interface JudgeRunTotalsForOptions {
  /** metadata.json `rubric` (undefined or executable: no judge). */
  rubric: { mode?: unknown; judge_model?: unknown } | undefined;
  /** The judge's price (the run's recorded one). */
  price: ModelPrice;
}

/** Judge totals for a run whose metadata names a judge; undefined for an executable run. */
export function judgeRunTotalsFor(options: JudgeRunTotalsForOptions): JudgeRunTotals | undefined {
  const mode = options.rubric?.mode;
  if (mode !== "judge" && mode !== "hybrid") return undefined;
  const model = typeof options.rubric?.judge_model === "string" ? options.rubric.judge_model : "";
  return new JudgeRunTotals(mode, model, options.price);
}
