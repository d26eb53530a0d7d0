import { computeRunMetrics, type MetricsRecord } from "@sv/rubric";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromSummaryMetrics, toSummaryMetrics } from "./summary-metrics.js";

const records = fc.array(
  fc.record({
    label: fc.constantFrom("Benign", "Malicious", "Abstain", null) as fc.Arbitrary<MetricsRecord["label"]>,
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    answer: fc.constantFrom("Benign", "Malicious") as fc.Arbitrary<MetricsRecord["answer"]>,
  }),
  { maxLength: 30 },
);

describe("summary.json metrics", () => {
  it("keep schema-required fields numeric, list undefined ones, and read back exactly (property)", () => {
    fc.assert(
      fc.property(records, (rollouts) => {
        const metrics = computeRunMetrics(rollouts);
        const summary = JSON.parse(JSON.stringify(toSummaryMetrics(metrics)));
        for (const group of ["detection", "calibration", "cost"] as const) {
          for (const value of Object.values(summary[group])) expect(typeof value).toBe("number");
        }
        expect(typeof summary.abstention.abstain_rate).toBe("number");
        expect(typeof summary.abstention.accuracy_non_abstained).toBe("number");
        expect("aurc" in summary.abstention).toBe(metrics.abstention.aurc !== null);
        expect(summary.undefined).toEqual(metrics.undefined);
        expect(fromSummaryMetrics(summary)).toEqual(metrics);
      }),
    );
  });

  it("infers the undefined rates of a summary without the list (older ones, the original's) from its counts", () => {
    const written = toSummaryMetrics(
      computeRunMetrics([{ label: "Benign", confidence: 0.9, answer: "Benign" }]),
    );
    const { undefined: listed, ...withoutList } = written;
    expect(listed).toEqual(["detection.tpr", "detection.fnr", "detection.precision", "detection.f1"]);
    const metrics = fromSummaryMetrics(withoutList as typeof written);
    expect(metrics.undefined).toEqual(listed);
    expect(metrics.detection.tpr).toBeNull();
    expect(metrics.detection.fpr).toBe(0);
  });
});
