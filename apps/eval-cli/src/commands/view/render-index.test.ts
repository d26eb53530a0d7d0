import { describe, expect, it } from "vitest";
import type { RunSummary } from "../../report/run-summary.js";
import { renderIndex } from "./render-index.js";

describe("renderIndex", () => {
  it("shows metrics listed as undefined in summary.json as n/a, not their placeholder 0", () => {
    const summary = {
      model: "acme/m",
      dataset: "cic-ids-2017-ood-v1",
      n_examples: 10,
      timestamp: "2026-01-02T03:04:05.000Z",
      rewards: { mean_reward: 1.2 },
      metrics: {
        detection: { tpr: 0, fpr: 0.2, fnr: 0, precision: 0, f1: 0, accuracy: 0.8 },
        calibration: { ece: 0.05, brier: 0.1 },
        cost: { fn_cost_weight: 10, fp_cost_weight: 1, total_cost: 2, cost_weighted_accuracy: 0.98 },
        abstention: { abstain_rate: 0, accuracy_non_abstained: 0.8, aurc: 0.2 },
        confusion_matrix: { tp: 0, tn: 8, fp: 2, fn: 0, abstain: 0, invalid: 0 },
        undefined: ["detection.tpr", "detection.fnr", "detection.f1"],
      },
    } as unknown as RunSummary;
    const html = renderIndex({
      rootName: "outputs/evals",
      entries: [{ path: "a/r", kind: "run", files: [], summary }],
    });
    const cells = [...html.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((match) => match[1]);
    expect(cells).toEqual(["10", "1.200", "0.800", "n/a", "0.050", "0.200"]);
  });

  it("says whose mean reward a judge run's is", () => {
    const summary = {
      model: "acme/m",
      dataset: "iot23",
      n_examples: 2,
      rewards: { mean_reward: 0.5 },
      judge: { mode: "judge", model: "gpt-4.1-nano", n_judged: 2 },
    } as unknown as RunSummary;
    const html = renderIndex({ rootName: "o", entries: [{ path: "a/r", kind: "run", files: [], summary }] });
    expect(html).toContain(
      '<td class="num" data-rubric="judge">0.500<br><span class="note">judge</span></td>',
    );
  });
});
