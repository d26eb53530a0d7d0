import type { JudgeKind } from "@sv/rubric";
import type { JudgeRecord } from "./judge-record.js";

/** The judge's part of an evaluation summary. */
export interface JudgeSummary {
  kind: JudgeKind;
  model: string;
  /** Rollouts with a verdict (judged or, in hybrid mode, scored 0 for want of a rationale). */
  judged: number;
  /** Rollouts whose judge call failed after its retries (error rows). */
  errors: number;
  /** Verdicts that were yes. */
  yes: number;
  /** Judge requests answered by the response cache. */
  cached: number;
  /** Judge tokens, over the calls whose counts are known (cached ones included, as for the model). */
  usage: { input_tokens: number; output_tokens: number };
  /** Judge calls whose token counts are unknown. */
  unknownUsage: number;
}

/** Sums judge records (any order). */
export class JudgeSummaryAccumulator {
  private readonly summary: JudgeSummary;

  constructor(kind: JudgeKind, model: string) {
    this.summary = {
      kind,
      model,
      judged: 0,
      errors: 0,
      yes: 0,
      cached: 0,
      usage: { input_tokens: 0, output_tokens: 0 },
      unknownUsage: 0,
    };
  }

  add(record: JudgeRecord): void {
    const summary = this.summary;
    if (record.error) {
      summary.errors++;
      return;
    }
    summary.judged++;
    if (record.verdict === "yes") summary.yes++;
    if (record.cached) summary.cached++;
    if (record.skipped) return;
    const { input_tokens: input, output_tokens: output } = record.token_usage;
    if (input === null || output === null) summary.unknownUsage++;
    summary.usage.input_tokens += input ?? 0;
    summary.usage.output_tokens += output ?? 0;
  }

  result(): JudgeSummary {
    return { ...this.summary, usage: { ...this.summary.usage } };
  }
}
