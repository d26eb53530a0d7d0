import { renderQuestion } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { learnedFeatureNames } from "./learned-features.js";
import { isLearnedModel, type LearnedModel, predictLearned } from "./learned-model.js";

const question = renderQuestion({
  "id.orig_h": "192.168.1.195",
  "id.orig_p": 41040,
  "id.resp_h": "185.244.25.235",
  "id.resp_p": 23,
  proto: "tcp",
  conn_state: "S0",
  history: "S",
  orig_pkts: 3,
  orig_ip_bytes: 180,
});

function model(weights: Record<string, number>, bias = 0): LearnedModel {
  const dimensions = 1024;
  const vector = new Array<number>(dimensions).fill(0);
  for (const [name, weight] of Object.entries(weights)) vector[hashIndex(name, dimensions)] = weight;
  return {
    format: "sv-e1-learned-baseline",
    version: 1,
    dimensions,
    weights: vector,
    bias,
    calibration: { a: 1, b: 0 },
  };
}

function hashIndex(name: string, dimensions: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++)
    hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % dimensions;
}

describe("predictLearned", () => {
  it("reads only the question's fields", () => {
    const names = learnedFeatureNames({
      proto: "tcp",
      "id.resp_p": "23",
      conn_state: "S0",
      history: "S",
    }).map(([name]) => name);
    expect(names).toContain("resp_p=23");
    expect(names).toContain("history_has=S");
    expect(names).toContain("orig_bytes=-");
  });

  it("turns weights into a label and a calibrated confidence", () => {
    const telnet = model({ "resp_p=23": 4 }, -1);
    expect(predictLearned({ model: telnet, question })).toMatchObject({ label: "Malicious" });
    expect(predictLearned({ model: telnet, question }).confidence).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    const benign = model({ "resp_p=23": -4 }, 1);
    expect(predictLearned({ model: benign, question })).toMatchObject({ label: "Benign" });
    const flat = { ...telnet, calibration: { a: 0, b: 0 } };
    expect(predictLearned({ model: flat, question }).confidence).toBe(0.5);
  });

  it("recognises a model file", () => {
    expect(isLearnedModel(model({}))).toBe(true);
    expect(isLearnedModel({ ...model({}), weights: [1] })).toBe(false);
    expect(isLearnedModel(null)).toBe(false);
  });
});
