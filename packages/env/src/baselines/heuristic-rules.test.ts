import { syntheticRows } from "@sv/dataset";
import { parse } from "@sv/parser";
import { describe, expect, it } from "vitest";
import { createHeuristicModel } from "./heuristic-baseline.js";
import { heuristicVerdict } from "./heuristic-rules.js";
import { BASELINES, isBaselineName, loadBaseline } from "./registry.js";

const flow = (fields: string) => `Log Entry: ${fields}`;

describe("heuristicVerdict", () => {
  it.each([
    ["id.resp_p=6667, proto=tcp, conn_state=S0, history=S, resp_pkts=0", "Malicious", 0.9],
    ["id.resp_p=23, proto=tcp, conn_state=S0, history=S, resp_pkts=0", "Malicious", 0.85],
    ["id.resp_p=80, proto=tcp, conn_state=OTH, history=C, resp_pkts=0", "Malicious", 0.75],
    ["id.resp_p=63798, proto=tcp, conn_state=S0, history=S, resp_pkts=0", "Malicious", 0.7],
    ["id.resp_p=53, proto=udp, service=dns, conn_state=SF, history=Dd, resp_pkts=1", "Benign", 0.8],
    ["id.resp_p=443, proto=tcp, conn_state=SF, orig_bytes=100, resp_bytes=900, resp_pkts=5", "Benign", 0.75],
    ["id.resp_p=80, proto=tcp, conn_state=S0, history=S, resp_pkts=0", "Malicious", 0.55],
    ["id.resp_p=8000, proto=udp, conn_state=SF", "Benign", 0.55],
  ])("%s → %s", (fields, label, confidence) => {
    expect(heuristicVerdict(flow(fields))).toMatchObject({ label, confidence });
  });

  it("abstains on text without flow fields", () => {
    expect(heuristicVerdict("hello")).toMatchObject({ label: "Abstain" });
  });
});

describe("baseline registry", () => {
  it("loads the heuristic as a chat model whose replies parse as valid answers", async () => {
    expect(isBaselineName("baseline/heuristic")).toBe(true);
    expect(Object.keys(BASELINES)).toContain("baseline/heuristic");
    const model = await loadBaseline({ name: "baseline/heuristic" });
    expect(model.modelId).toBe("baseline/heuristic");
    for (const row of syntheticRows()) {
      const { text } = await model.doGenerate({
        messages: [
          { role: "system", content: "x" },
          { role: "user", content: row.question },
        ],
      });
      expect(parse(text).formatValid).toBe(true);
    }
    expect(createHeuristicModel().provider).toBe("baseline");
  });

  it("names the known baselines for an unknown one", async () => {
    await expect(loadBaseline({ name: "baseline/nope" })).rejects.toThrowError(/known: baseline\/heuristic/);
  });
});
