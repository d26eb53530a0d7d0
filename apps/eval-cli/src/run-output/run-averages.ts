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
  /**
   * Mean tokens per rollout whose `token_usage` is known (a reply with both counts reported); else null.
   */
  usage: TokenCounts | null;
  /** Ours: the run's total tokens, over the counts that are known. */
  usage_total: TokenCounts;
}

type AveragedRow = Pick<ResultRow, "example_id" | "reward" | "metrics" | "error" | "token_usage"> & {
  rollout: { index: number; attempts: number };
};

/**
 * Accumulates {@link RunAverages} over results.jsonl rows, the way vf-eval's own metadata builder reads
 * them (a plain mean of `reward`, of each `metrics` entry and of `token_usage` where present). Sums run
 * in (example_id, rollout) order, so a resumed run, whose file holds the rollouts in another order, gets
 * the same figures to the last bit as an uninterrupted one.
 */
export class RunAveragesAccumulator {
  private readonly rows: AveragedRow[] = [];

  /** Add one row (only its numbers are kept, not its prompt or completion). */
  add(row: AveragedRow): void {
    this.rows.push({
      example_id: row.example_id,
      rollout: { index: row.rollout.index, attempts: row.rollout.attempts },
      reward: row.reward,
      metrics: { ...row.metrics },
      error: row.error,
      token_usage: row.token_usage && { ...row.token_usage },
    });
  }

  /** The figures so far. */
  result(): RunAverages {
    const rows = [...this.rows].sort(
      (a, b) => a.example_id - b.example_id || a.rollout.index - b.rollout.index,
    );
    let errors = 0;
    let rewardSum = 0;
    let usageRows = 0;
    const tokens: TokenCounts = { input_tokens: 0, output_tokens: 0 };
    const usageSums: TokenCounts = { input_tokens: 0, output_tokens: 0 };
    const metricSums = new Map<string, { sum: number; count: number }>();
    for (const row of rows) {
      if (row.error !== null) errors++;
      rewardSum += row.reward;
      for (const [name, value] of Object.entries(row.metrics)) {
        const entry = metricSums.get(name) ?? { sum: 0, count: 0 };
        entry.sum += value;
        entry.count++;
        metricSums.set(name, entry);
      }
      if (row.token_usage) {
        const { input_tokens: input, output_tokens: output } = row.token_usage;
        if (input !== null && output !== null) {
          usageRows++;
          usageSums.input_tokens += input;
          usageSums.output_tokens += output;
        }
        tokens.input_tokens += input ?? 0;
        tokens.output_tokens += output ?? 0;
      }
    }
    const avg_metrics: Partial<Record<MetricColumn, number>> = {};
    for (const [name, { sum, count }] of metricSums) avg_metrics[name as MetricColumn] = sum / count;
    const count = rows.length;
    return {
      avg_reward: count > 0 ? rewardSum / count : null,
      avg_metrics,
      avg_error: count > 0 ? errors / count : null,
      usage:
        usageRows > 0
          ? {
              input_tokens: usageSums.input_tokens / usageRows,
              output_tokens: usageSums.output_tokens / usageRows,
            }
          : null,
      usage_total: tokens,
    };
  }
}
