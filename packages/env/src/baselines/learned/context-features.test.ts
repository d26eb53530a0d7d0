import { renderContextQuestion, renderQuestion } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { contextAggregates, contextFeatureNames } from "./context-features.js";
import { learnedFeatures, questionFeatures } from "./learned-features.js";
import { type LearnedModel, learnedLogit } from "./learned-model.js";

const flow = {
  "id.orig_h": "10.0.0.5",
  "id.resp_h": "10.0.0.8",
  "id.resp_p": "23",
  proto: "tcp",
  conn_state: "S0",
};
const scan = (index: number) => ({
  ...flow,
  "id.resp_h": `10.0.1.${index}`,
  conn_state: index % 2 ? "S0" : "SF",
});

describe("context features", () => {
  it("aggregate distinct responders and ports, failed share and same-port share", () => {
    const question = renderContextQuestion({
      context: [scan(1), scan(2), scan(3), flow],
      flow,
      windowSeconds: 300,
    });
    expect(contextAggregates(question)).toEqual({
      flows: 4,
      distinctResponders: 4,
      distinctPorts: 1,
      failedShare: 0.75,
      samePortShare: 1,
      sameResponderShare: 0.25,
    });
  });

  it("are n/a shares (not 0) with no earlier flow, and absent for a single-flow question", () => {
    const empty = renderContextQuestion({ context: [], flow, windowSeconds: 300 });
    expect(contextAggregates(empty)).toMatchObject({
      flows: 0,
      failedShare: undefined,
      samePortShare: undefined,
    });
    expect(contextFeatureNames(empty)).toContainEqual(["ctx_failed=-", 1]);
    expect(contextAggregates(renderQuestion(flow))).toBeUndefined();
    expect(contextFeatureNames(renderQuestion(flow))).toEqual([]);
  });

  it("leave a flow model's features unchanged, for single-flow and context questions alike", () => {
    const question = renderContextQuestion({ context: [scan(1)], flow, windowSeconds: 300 });
    expect(questionFeatures(renderQuestion(flow), 4096)).toEqual(learnedFeatures(flow, 4096));
    expect(questionFeatures(question, 4096, "flow")).toEqual(learnedFeatures(flow, 4096));
    expect(questionFeatures(question, 4096, "flow+context")).not.toEqual(learnedFeatures(flow, 4096));
  });

  it("change a flow+context model's score with the context", () => {
    const weights = Array.from({ length: 4096 }, (_, index) => (index % 7) / 10);
    const model: LearnedModel = {
      format: "sv-e1-learned-baseline",
      version: 1,
      dimensions: 4096,
      weights,
      bias: 0,
      features: "flow+context",
      calibration: { a: 1, b: 0 },
    };
    const quiet = renderContextQuestion({ context: [], flow, windowSeconds: 300 });
    const busy = renderContextQuestion({ context: [scan(1), scan(2), scan(3)], flow, windowSeconds: 300 });
    expect(learnedLogit(model, quiet)).not.toBe(learnedLogit(model, busy));
    expect(learnedLogit({ ...model, features: "flow" }, quiet)).toBe(
      learnedLogit({ ...model, features: "flow" }, busy),
    );
  });
});
