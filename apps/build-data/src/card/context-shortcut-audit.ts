import type { DatasetRow } from "../build/dataset-row.js";
import { type ContextAggregates, contextAggregates } from "../baseline/learned-model-link.js";

/** Test accuracy of a one-aggregate classifier over a context set (see {@link contextShortcutAudit}). */
export interface AggregateAudit {
  aggregate: string;
  /** Undefined (n/a) when the test split is empty. */
  accuracy: number | undefined;
  values: number;
  flagged: boolean;
}

function shareKey(share: number | undefined): string {
  return share === undefined ? "n/a" : String(Math.round(share * 10) / 10);
}

/** The aggregates audited, each as the key a one-aggregate classifier looks at. */
const AGGREGATES: [string, (value: ContextAggregates) => string][] = [
  ["context flows", (value) => String(value.flows)],
  ["distinct responders", (value) => String(value.distinctResponders)],
  ["distinct responder ports", (value) => String(value.distinctPorts)],
  ["failed-connection share", (value) => shareKey(value.failedShare)],
  ["same-port share", (value) => shareKey(value.samePortShare)],
  ["same-responder share", (value) => shareKey(value.sameResponderShare)],
];

/**
 * For each context aggregate alone (number of earlier flows, distinct responders and ports with the
 * flow, shares of failed connections and of flows to the same port and responder, in tenths): learn
 * the majority label per value on train, score on test. Flagged at ≥ `threshold` (default 0.95).
 */
export function contextShortcutAudit(options: {
  rows: readonly DatasetRow[];
  threshold?: number;
}): AggregateAudit[] {
  const threshold = options.threshold ?? 0.95;
  const parsed = options.rows.flatMap((row) => {
    const aggregates = contextAggregates(row.question);
    return aggregates ? [{ row, aggregates }] : [];
  });
  const train = parsed.filter(({ row }) => row.meta.split === "train");
  const test = parsed.filter(({ row }) => row.meta.split === "test");
  const malicious = train.filter(({ row }) => row.answer === "Malicious").length;
  const fallback = malicious * 2 >= train.length ? "Malicious" : "Benign";
  return AGGREGATES.map(([aggregate, key]) => {
    const votes = new Map<string, number>();
    for (const { row, aggregates } of train) {
      const value = key(aggregates);
      votes.set(value, (votes.get(value) ?? 0) + (row.answer === "Malicious" ? 1 : -1));
    }
    let correct = 0;
    for (const { row, aggregates } of test) {
      const vote = votes.get(key(aggregates));
      const guess = vote === undefined || vote === 0 ? fallback : vote > 0 ? "Malicious" : "Benign";
      if (guess === row.answer) correct++;
    }
    const accuracy = test.length ? correct / test.length : undefined;
    return {
      aggregate,
      accuracy,
      values: votes.size,
      flagged: accuracy !== undefined && accuracy >= threshold,
    };
  });
}
