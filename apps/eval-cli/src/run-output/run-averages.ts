import type { MetricColumn } from "./metric-columns.js";
import type { ResultRow } from "./result-row.js";

/** Token counts. */
export interface TokenCounts {
  input_tokens: number;
  output_tokens: number;
}

/** The run-level figures of metadata.json, with vf-eval's meaning. */
export interface RunAverages {
  /** Mean `reward` over every rollout, failed ones counting 0; null with no rollouts. */
  avg_reward: number | null;
  /** Mean of each metric column over every rollout, failed ones counting 0; `{}` with no rollouts. */
  avg_metrics: Partial<Record<MetricColumn, number>>;
  /** Share of rollouts that failed; null with no rollouts. */
  avg_error: number | null;
  /** Mean tokens per rollout that carries `token_usage` (every rollout that got a reply); else null. */
  usage: TokenCounts | null;
  /** Ours: the run's total tokens. */
  usage_total: TokenCounts;
}

/**
 * Accumulates {@link RunAverages} over results.jsonl rows, the way vf-eval's own metadata builder reads
 * them (a plain mean of `reward`, of each `metrics` entry and of `token_usage` where present).
 */
export class RunAveragesAccumulator {
  private rows = 0;
  private errors = 0;
  private rewardSum = 0;
  private readonly metricSums = new Map<string, { sum: number; count: number }>();
  private usageRows = 0;
  private readonly tokens: TokenCounts = { input_tokens: 0, output_tokens: 0 };

  /** Add one row. */
  add(row: Pick<ResultRow, "reward" | "metrics" | "error" | "token_usage">): void {
    this.rows++;
    if (row.error !== null) this.errors++;
    this.rewardSum += row.reward;
    for (const [name, value] of Object.entries(row.metrics)) {
      const entry = this.metricSums.get(name) ?? { sum: 0, count: 0 };
      entry.sum += value;
      entry.count++;
      this.metricSums.set(name, entry);
    }
    if (row.token_usage) {
      this.usageRows++;
      this.tokens.input_tokens += row.token_usage.input_tokens;
      this.tokens.output_tokens += row.token_usage.output_tokens;
    }
  }

  /** The figures so far. */
  result(): RunAverages {
    const rows = this.rows;
    const avg_metrics: Partial<Record<MetricColumn, number>> = {};
    for (const [name, { sum, count }] of this.metricSums) avg_metrics[name as MetricColumn] = sum / count;
    return {
      avg_reward: rows > 0 ? this.rewardSum / rows : null,
      avg_metrics,
      avg_error: rows > 0 ? this.errors / rows : null,
      usage:
        this.usageRows > 0
          ? {
              input_tokens: this.tokens.input_tokens / this.usageRows,
              output_tokens: this.tokens.output_tokens / this.usageRows,
            }
          : null,
      usage_total: { ...this.tokens },
    };
  }
}
