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

type AveragedRow = Pick<ResultRow, "example_id" | "rollout" | "reward" | "metrics" | "error" | "token_usage">;

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
        usageRows++;
        tokens.input_tokens += row.token_usage.input_tokens;
        tokens.output_tokens += row.token_usage.output_tokens;
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
          ? { input_tokens: tokens.input_tokens / usageRows, output_tokens: tokens.output_tokens / usageRows }
          : null,
      usage_total: tokens,
    };
  }
}
