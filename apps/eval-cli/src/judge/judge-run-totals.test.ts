import type { JudgeRecord } from "@sv/env";
import { describe, expect, it } from "vitest";
import { JudgeRunTotals } from "./judge-run-totals.js";
import { judgeText } from "./judge-text.js";

const price = { inputPerMillion: 0.1, outputPerMillion: 0.4, source: "table" };
const record = (overrides: Partial<JudgeRecord>): JudgeRecord => ({
  kind: "correctness",
  model: "gpt-4.1-nano",
  verdict: "yes",
  score: 1,
  reply: "yes",
  attempts: 1,
  token_usage: { input_tokens: 1000, output_tokens: 10 },
  error: null,
  ...overrides,
});

describe("JudgeRunTotals", () => {
  it("has no rates when nothing was judged (all judge calls failed), never a made-up 0", () => {
    const totals = new JudgeRunTotals("judge", "gpt-4.1-nano", price);
    const failed = record({ verdict: null, score: null, error: { type: "rate_limit", message: "429" } });
    totals.add({ judge: failed, accuracy: 1 });
    totals.add({ accuracy: 0 }); // the model failed: not judged
    expect(totals.summary()).toEqual({
      mode: "judge",
      model: "gpt-4.1-nano",
      n_judged: 0,
      n_judge_errors: 1,
      yes_rate: null,
      agreement_with_accuracy: null,
      cost_usd: 0,
    });
    expect(judgeText(totals.summary())).toBe(
      "; judge gpt-4.1-nano: yes n/a of 0 judged (agrees with accuracy n/a, 1 judge error), judge cost $0.0000",
    );
  });

  it("counts yes, agreement with accuracy and the paid calls only", () => {
    const totals = new JudgeRunTotals("hybrid", "j", price);
    totals.add({ judge: record({}), accuracy: 1 }); // agrees
    totals.add({ judge: record({ verdict: "no", score: 0 }), accuracy: 1 }); // disagrees
    totals.add({ judge: record({ cached: true }), accuracy: 0 }); // disagrees, costs nothing
    const skipped = record({ verdict: "no", score: 0, skipped: "no_rationale", attempts: 0 });
    totals.add({ judge: skipped, accuracy: 0 }); // agrees, no call
    expect(totals.summary()).toMatchObject({ n_judged: 4, yes_rate: 0.5, agreement_with_accuracy: 0.5 });
    expect(totals.costResult()).toMatchObject({ paid_rollouts: 2, cached_rollouts: 1, input_tokens: 2000 });
    expect(totals.summary().cost_usd).toBeCloseTo((2 * (1000 * 0.1 + 10 * 0.4)) / 1e6, 15);
  });

  it("has an unknown cost when the judge's price is unknown", () => {
    const totals = new JudgeRunTotals("judge", "my-local-judge", {
      inputPerMillion: null,
      outputPerMillion: null,
      source: "unknown",
    });
    totals.add({ judge: record({}), accuracy: 1 });
    expect(totals.summary().cost_usd).toBeNull();
    expect(judgeText(totals.summary())).toMatch(/judge cost n\/a$/);
  });
});
