import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaUnderRiskCoverage, RiskCoverageAccumulator } from "./risk-coverage.js";
import { undefinedRunMetrics } from "./run-metric-names.js";
import { computeRunMetrics, type MetricsRecord } from "./run-metrics.js";

/** Answered rollouts: a confidence (few distinct values, so ties are common) and right or wrong. */
const answered = fc.array(
  fc.record({
    confidence: fc.oneof(
      fc.integer({ min: 0, max: 10 }).map((step) => step / 10),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    correct: fc.boolean(),
  }),
  { minLength: 1, maxLength: 60 },
);

const records = fc.array(
  fc.record({
    label: fc.constantFrom("Benign", "Malicious", "Abstain", null) as fc.Arbitrary<MetricsRecord["label"]>,
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    answer: fc.constantFrom("Benign", "Malicious") as fc.Arbitrary<MetricsRecord["answer"]>,
  }),
  { maxLength: 60 },
);

const aurcOf = (rollouts: { confidence: number; correct: boolean }[]) => {
  const accumulator = new RiskCoverageAccumulator();
  for (const rollout of rollouts) accumulator.add(rollout.confidence, rollout.correct);
  return accumulator.aurc()!;
};

/** The best AURC any ranking of these answers could reach: every right answer ranked first. */
function oracleAurc(rollouts: { correct: boolean }[]): number {
  const right = rollouts.filter((rollout) => rollout.correct).length;
  let sum = 0;
  for (let covered = 1; covered <= rollouts.length; covered++) sum += Math.max(0, covered - right) / covered;
  return sum / rollouts.length;
}

const asRecord = (rollout: { confidence: number; correct: boolean }): MetricsRecord => ({
  label: rollout.correct ? "Malicious" : "Benign",
  confidence: rollout.confidence,
  answer: "Malicious",
});

describe("AURC invariants (property)", () => {
  it("lies between the oracle ranking's AURC and 1", () => {
    fc.assert(
      fc.property(answered, (rollouts) => {
        const aurc = aurcOf(rollouts);
        expect(aurc).toBeLessThanOrEqual(1);
        expect(aurc).toBeGreaterThanOrEqual(oracleAurc(rollouts) - 1e-12);
      }),
    );
  });

  it("equals the error rate when every confidence is the same", () => {
    fc.assert(
      fc.property(answered, fc.double({ min: 0, max: 1, noNaN: true }), (rollouts, confidence) => {
        const errors = rollouts.filter((rollout) => !rollout.correct).length;
        const aurc = aurcOf(rollouts.map((rollout) => ({ ...rollout, confidence })));
        expect(aurc).toBeCloseTo(errors / rollouts.length, 12);
      }),
    );
  });

  it("equals the mean selective risk over k = 1..n when no two confidences tie", () => {
    fc.assert(
      fc.property(answered, (rollouts) => {
        const distinct = rollouts.map((rollout, index) => ({
          ...rollout,
          confidence: index / rollouts.length,
        }));
        const ranked = [...distinct].sort((a, b) => b.confidence - a.confidence);
        let errors = 0;
        let sum = 0;
        ranked.forEach((rollout, index) => {
          if (!rollout.correct) errors++;
          sum += errors / (index + 1);
        });
        expect(aurcOf(distinct)).toBeCloseTo(sum / ranked.length, 12);
      }),
    );
  });

  it("reaches the oracle value when every right answer is more confident than every wrong one", () => {
    fc.assert(
      fc.property(answered, (rollouts) => {
        // distinct confidences: right answers in (0.5, 1], wrong ones in [0, 0.5)
        const half = 2 * rollouts.length;
        const separated = rollouts.map((rollout, index) => ({
          ...rollout,
          confidence: rollout.correct ? 0.5 + (index + 1) / half : index / half,
        }));
        expect(aurcOf(separated)).toBeCloseTo(oracleAurc(rollouts), 12);
      }),
    );
  });

  it("depends only on the ranking: order of arrival and monotone relabelling change nothing", () => {
    fc.assert(
      fc.property(answered, fc.integer(), (rollouts, seed) => {
        const shuffled = [...rollouts].sort(
          (a, b) => ((a.confidence * 997 + seed) % 1) - ((b.confidence * 997 + seed) % 1),
        );
        expect(aurcOf(shuffled)).toBe(aurcOf(rollouts));
        // replace each confidence by its rank among the distinct values, squashed into [0.3, 0.4]
        const distinct = [...new Set(rollouts.map((rollout) => rollout.confidence))].sort((a, b) => a - b);
        const relabelled = rollouts.map((rollout) => ({
          ...rollout,
          confidence: 0.3 + distinct.indexOf(rollout.confidence) / (10 * distinct.length),
        }));
        expect(aurcOf(relabelled)).toBeCloseTo(aurcOf(rollouts), 12);
      }),
    );
  });

  it("has a curve ending at full coverage with the overall error rate, whose area is the AURC", () => {
    fc.assert(
      fc.property(answered, (rollouts) => {
        const accumulator = new RiskCoverageAccumulator();
        for (const rollout of rollouts) accumulator.add(rollout.confidence, rollout.correct);
        const curve = accumulator.curve();
        const last = curve.at(-1)!;
        expect(last.coverage).toBe(1);
        expect(last.risk).toBe(rollouts.filter((rollout) => !rollout.correct).length / rollouts.length);
        expect(new Set(rollouts.map((rollout) => rollout.confidence)).size).toBe(curve.length);
        expect(areaUnderRiskCoverage(curve)).toBe(accumulator.aurc());
      }),
    );
  });

  it("is what computeRunMetrics reports, over answered rollouts only", () => {
    fc.assert(
      fc.property(answered, (rollouts) => {
        const extra: MetricsRecord[] = [
          { label: "Abstain", confidence: 1, answer: "Benign" },
          { label: null, confidence: 0, answer: "Malicious" },
        ];
        const metrics = computeRunMetrics([...rollouts.map(asRecord), ...extra]);
        expect(metrics.abstention.aurc).toBe(aurcOf(rollouts));
      }),
    );
  });
});

describe("ECE and Brier invariants (property)", () => {
  it("stay in [0, 1] with ECE ≤ √Brier, and are undefined exactly when nothing was answered", () => {
    fc.assert(
      fc.property(records, (rollouts) => {
        const metrics = computeRunMetrics(rollouts);
        const { ece, brier } = metrics.calibration;
        const answeredCount = rollouts.filter(
          (rollout) => rollout.label === "Benign" || rollout.label === "Malicious",
        ).length;
        if (answeredCount === 0) {
          expect(ece).toBeNull();
          expect(brier).toBeNull();
          expect(metrics.abstention.aurc).toBeNull();
          expect(metrics.undefined).toContain("calibration.ece");
          return;
        }
        expect(ece).toBeGreaterThanOrEqual(0);
        expect(ece).toBeLessThanOrEqual(1);
        expect(brier).toBeGreaterThanOrEqual(0);
        expect(brier).toBeLessThanOrEqual(1);
        expect(ece!).toBeLessThanOrEqual(Math.sqrt(brier!) + 1e-12);
        expect(metrics.undefined).not.toContain("calibration.ece");
      }),
    );
  });

  it("give |accuracy − c| and the matching Brier when every confidence is c", () => {
    fc.assert(
      fc.property(answered, fc.double({ min: 0, max: 1, noNaN: true }), (rollouts, confidence) => {
        const metrics = computeRunMetrics(rollouts.map((rollout) => asRecord({ ...rollout, confidence })));
        const accuracy = rollouts.filter((rollout) => rollout.correct).length / rollouts.length;
        expect(metrics.calibration.ece).toBeCloseTo(Math.abs(accuracy - confidence), 12);
        const brier = accuracy * (1 - confidence) ** 2 + (1 - accuracy) * confidence ** 2;
        expect(metrics.calibration.brier).toBeCloseTo(brier, 12);
      }),
    );
  });

  it("do not depend on the order of rollouts", () => {
    fc.assert(
      fc.property(records, (rollouts) => {
        const forward = computeRunMetrics(rollouts);
        const backward = computeRunMetrics([...rollouts].reverse());
        expect(backward.confusion_matrix).toEqual(forward.confusion_matrix);
        expect(backward.abstention.aurc).toBe(forward.abstention.aurc);
        expect(backward.undefined).toEqual(forward.undefined);
        for (const [a, b] of <[number | null, number | null][]>[
          [backward.calibration.ece, forward.calibration.ece],
          [backward.calibration.brier, forward.calibration.brier],
        ]) {
          if (a === null || b === null) expect(a).toBe(b);
          else expect(a).toBeCloseTo(b, 12);
        }
      }),
    );
  });

  it("list exactly the metrics that are null as undefined", () => {
    fc.assert(
      fc.property(records, (rollouts) => {
        const metrics = computeRunMetrics(rollouts);
        const nulls = Object.entries(metrics)
          .filter(([group]) => group !== "undefined" && group !== "confusion_matrix")
          .flatMap(([group, values]) =>
            Object.entries(values as Record<string, number | null>)
              .filter(([, value]) => value === null)
              .map(([key]) => `${group}.${key}`),
          );
        expect([...metrics.undefined].sort()).toEqual(nulls.sort());
        expect(undefinedRunMetrics({ confusion: metrics.confusion_matrix })).toEqual(metrics.undefined);
        const { tp, fn, fp, tn } = metrics.confusion_matrix;
        expect(metrics.detection.tpr === null).toBe(tp + fn === 0);
        expect(metrics.detection.f1 === null).toBe(tp + fn === 0);
        expect(metrics.detection.fpr === null).toBe(fp + tn === 0);
        expect(metrics.detection.precision === null).toBe(tp + fp === 0);
      }),
    );
  });
});
