import { CONTENT_FIELDS, type FlowField, NUMERIC_FLOW_FIELDS, parseQuestion } from "@sv/dataset";
import type { DatasetRow } from "../build/dataset-row.js";

/** Test accuracy of a one-field classifier (majority label per value or bucket, learned on train). */
export interface FieldAudit {
  field: FlowField;
  /** Undefined (n/a) when the test split is empty. */
  accuracy: number | undefined;
  /** Distinct values/buckets seen on train. */
  values: number;
  /** Accuracy ≥ the threshold: this field alone nearly gives the label away. */
  flagged: boolean;
}

export interface ShortcutAuditOptions {
  rows: readonly DatasetRow[];
  /** Default 0.95. */
  threshold?: number;
}

const NUMERIC = new Set<FlowField>(NUMERIC_FLOW_FIELDS);

/** The value or bucket a one-field classifier looks at: exact text, log2 buckets for numbers. */
export function fieldKey(field: FlowField, value: string | undefined): string {
  if (value === undefined) return "-";
  if (NUMERIC.has(field)) {
    const number = Number(value);
    return Number.isFinite(number)
      ? `log2:${Math.floor(Math.log2(1 + (field === "duration" ? number * 1000 : number)))}`
      : "?";
  }
  return value;
}

/** For each content field alone: learn majority label per value on train, score on test. */
export function shortcutAudit(options: ShortcutAuditOptions): FieldAudit[] {
  const threshold = options.threshold ?? 0.95;
  const parsed = options.rows.map((row) => ({ row, flow: parseQuestion(row.question) }));
  const train = parsed.filter(({ row }) => row.meta.split === "train");
  const test = parsed.filter(({ row }) => row.meta.split === "test");
  const malicious = train.filter(({ row }) => row.answer === "Malicious").length;
  const fallback = malicious * 2 >= train.length ? "Malicious" : "Benign";
  return CONTENT_FIELDS.map((field) => {
    const votes = new Map<string, number>();
    for (const { row, flow } of train) {
      const key = fieldKey(field, flow[field] as string | undefined);
      votes.set(key, (votes.get(key) ?? 0) + (row.answer === "Malicious" ? 1 : -1));
    }
    let correct = 0;
    for (const { row, flow } of test) {
      const vote = votes.get(fieldKey(field, flow[field] as string | undefined));
      const guess = vote === undefined || vote === 0 ? fallback : vote > 0 ? "Malicious" : "Benign";
      if (guess === row.answer) correct++;
    }
    const accuracy = test.length ? correct / test.length : undefined;
    return { field, accuracy, values: votes.size, flagged: accuracy !== undefined && accuracy >= threshold };
  });
}
