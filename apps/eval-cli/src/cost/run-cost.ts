import { type ModelPrice, tokensCostUsd } from "./model-price.js";

/** What a rollout contributes to the run's cost. */
export interface CostedRollout {
  /** Answered from the response cache: nothing was paid. */
  cached: boolean;
  failed: boolean;
  inputTokens: number | null | undefined;
  outputTokens: number | null | undefined;
  /**
   * Of those tokens, the ones of turns a response cache answered (a partly cached multi-turn rollout):
   * not paid. Absent or 0 when no turn was cached.
   */
  cachedTokens?: { input: number | null; output: number | null };
}

/** A run's spend (summary.json `api_cost`, metadata.json `cost`). */
export interface RunCost {
  /**
   * Dollars over the paid rollouts with known usage; null when the price is unknown or no paid rollout
   * reported its usage (n/a, never 0).
   */
  usd: number | null;
  price: { input_per_mtok: number | null; output_per_mtok: number | null; source: string };
  /** Rollouts that made requests and got replies. */
  paid_rollouts: number;
  /** Rollouts answered from the cache (cost 0). */
  cached_rollouts: number;
  /** Paid rollouts some of whose turns the cache answered (multi-turn; those turns cost 0). */
  partly_cached_rollouts: number;
  /**
   * Failed rollouts that were billed all the same (a reply without content, the turns of a conversation
   * before the one that failed): their tokens are in the totals and in `usd`.
   */
  billed_failed_rollouts: number;
  /** Paid rollouts whose token usage the server did not report (left out of `usd`). */
  unknown_usage_rollouts: number;
  /**
   * Tokens paid for: those of the paid rollouts less their cached turns', and those of the failed
   * rollouts billed all the same.
   */
  input_tokens: number;
  output_tokens: number;
}

/** The tokens a rollout paid for: its usage less its cached turns' (unknown stays unknown). */
function paidTokens(rollout: CostedRollout): {
  input: number | null | undefined;
  output: number | null | undefined;
} {
  const cached = rollout.cachedTokens;
  if (!cached) return { input: rollout.inputTokens, output: rollout.outputTokens };
  const less = (total: number | null | undefined, part: number | null) =>
    typeof total === "number" && part !== null ? Math.max(0, total - part) : null;
  return {
    input: less(rollout.inputTokens, cached.input),
    output: less(rollout.outputTokens, cached.output),
  };
}

/** Sums a run's cost over its rollouts (any order). */
export class RunCostAccumulator {
  private usd = 0;
  private paid = 0;
  private cached = 0;
  private partlyCached = 0;
  private billedFailed = 0;
  private unknown = 0;
  private input = 0;
  private output = 0;

  constructor(private readonly price: ModelPrice) {}

  add(rollout: CostedRollout): void {
    if (rollout.cached) {
      this.cached++;
      return;
    }
    const { input, output } = paidTokens(rollout);
    if (rollout.failed) {
      // Only what was billed though the rollout failed; a failure without a reply costs nothing.
      if (typeof input !== "number" || typeof output !== "number" || input + output <= 0) return;
      this.billedFailed++;
      this.addTokens(input, output);
      return;
    }
    this.paid++;
    if (rollout.cachedTokens) this.partlyCached++;
    if (typeof input !== "number" || typeof output !== "number") {
      if (typeof input === "number") this.input += input;
      if (typeof output === "number") this.output += output;
      this.unknown++;
      return;
    }
    this.addTokens(input, output);
  }

  private addTokens(input: number, output: number): void {
    this.input += input;
    this.output += output;
    this.usd += tokensCostUsd(this.price, input, output) ?? 0;
  }

  /**
   * Dollars so far: null when the price is unknown, or when rollouts were paid and none reported its
   * usage (the spend is then unknown, not $0).
   */
  get spentUsd(): number | null {
    if (this.price.inputPerMillion === null || this.price.outputPerMillion === null) return null;
    return this.paid > 0 && this.unknown === this.paid ? null : this.usd;
  }

  result(): RunCost {
    return {
      usd: this.spentUsd,
      price: {
        input_per_mtok: this.price.inputPerMillion,
        output_per_mtok: this.price.outputPerMillion,
        source: this.price.source,
      },
      paid_rollouts: this.paid,
      cached_rollouts: this.cached,
      partly_cached_rollouts: this.partlyCached,
      billed_failed_rollouts: this.billedFailed,
      unknown_usage_rollouts: this.unknown,
      input_tokens: this.input,
      output_tokens: this.output,
    };
  }
}

/**
 * A run's cost as people read it: `$0.0123`, `n/a` when unknown, and `$0.0123 + n/a (5 rollouts of
 * unknown usage)` when some paid rollouts reported no usage (the figure is then a lower bound).
 */
export function formatRunCost(cost: Pick<RunCost, "usd" | "unknown_usage_rollouts">): string {
  const known = formatUsd(cost.usd);
  if (cost.usd === null || cost.unknown_usage_rollouts === 0) return known;
  const count = cost.unknown_usage_rollouts;
  return `${known} + n/a (${count} rollout${count === 1 ? "" : "s"} of unknown usage)`;
}

/** `$0.0123`, or `n/a` when unknown. */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "n/a";
  return usd >= 100 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}
