import { describe, expect, it } from "vitest";
import { computeRunMetrics, type MetricsRecord } from "./run-metrics.js";

const record = (
  label: MetricsRecord["label"],
  confidence: number,
  answer: MetricsRecord["answer"],
): MetricsRecord => ({
  label,
  confidence,
  answer,
});

describe("computeRunMetrics", () => {
  it("computes detection, cost and abstention as the original's spec", () => {
    const metrics = computeRunMetrics([
      record("Malicious", 0.9, "Malicious"),
      record("Malicious", 0.8, "Malicious"),
      record("Benign", 0.7, "Malicious"),
      record("Benign", 0.95, "Benign"),
      record("Malicious", 0.6, "Benign"),
      record("Abstain", 0.5, "Benign"),
      record(null, 0, "Malicious"),
    ]);
    expect(metrics.confusion_matrix).toEqual({ tp: 2, tn: 1, fp: 1, fn: 1, abstain: 1, invalid: 1 });
    expect(metrics.detection.tpr).toBeCloseTo(2 / 3);
    expect(metrics.detection.fpr).toBeCloseTo(1 / 2);
    expect(metrics.detection.fnr).toBeCloseTo(1 / 3);
    expect(metrics.detection.precision).toBeCloseTo(2 / 3);
    expect(metrics.detection.f1).toBeCloseTo(2 / 3);
    expect(metrics.detection.accuracy).toBeCloseTo(3 / 5);
    expect(metrics.cost).toEqual({
      fn_cost_weight: 10,
      fp_cost_weight: 1,
      total_cost: 11,
      cost_weighted_accuracy: 1 - 11 / 50,
    });
    expect(metrics.abstention.abstain_rate).toBeCloseTo(1 / 6);
    // Brier over decided rollouts: correct ones (1-c)^2, wrong ones c^2
    expect(metrics.calibration.brier).toBeCloseTo((0.01 + 0.04 + 0.49 + 0.0025 + 0.36) / 5);
  });

  it("computes ECE with 10 bins, the last one closed", () => {
    const metrics = computeRunMetrics([record("Benign", 1, "Benign"), record("Benign", 1, "Malicious")]);
    // one bin [0.9, 1.0], accuracy 0.5, mean confidence 1
    expect(metrics.calibration.ece).toBeCloseTo(0.5);
  });

  it("computes AURC by the trapezoid rule over 101 thresholds", () => {
    // confident and right, unsure and wrong: risk is 0 until coverage includes the wrong one
    const metrics = computeRunMetrics([
      record("Malicious", 0.9, "Malicious"),
      record("Benign", 0.2, "Malicious"),
    ]);
    // thresholds 0..0.2 cover both (risk 0.5), 0.21..0.9 cover one (risk 0), above 0.9 none
    // trapezoid between 0.20 and 0.21: coverage drops 0.5 with risks 0.5 and 0 → 0.125
    expect(metrics.abstention.aurc).toBeCloseTo(0.125);
  });

  it("gives defined numbers for degenerate runs", () => {
    for (const records of [[], [record("Abstain", 0.5, "Benign")], [record(null, 0, "Benign")]]) {
      const metrics = computeRunMetrics(records);
      const numbers = JSON.stringify(metrics).match(/-?\d+(\.\d+)?(e-?\d+)?|null|NaN/g) ?? [];
      expect(numbers).not.toContain("null");
      expect(metrics.detection.accuracy).toBe(0);
      expect(metrics.cost.cost_weighted_accuracy).toBe(1);
      expect(metrics.calibration.ece).toBe(0);
    }
    expect(computeRunMetrics([record("Abstain", 0.5, "Benign")]).abstention.abstain_rate).toBe(1);
  });
});
