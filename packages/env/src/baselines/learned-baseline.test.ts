import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@sv/parser";
import { describe, expect, it } from "vitest";
import { LEARNED_MODEL_FILE } from "./learned-baseline.js";
import type { LearnedModel } from "./learned/index.js";
import { loadBaseline } from "./registry.js";

const question =
  "Log Entry: id.orig_h=192.168.1.195, id.orig_p=41822, id.resp_h=203.0.113.7, id.resp_p=23, proto=tcp, service=-, duration=-, orig_bytes=-, resp_bytes=-, conn_state=S0, missed_bytes=0, history=S, orig_pkts=1, orig_ip_bytes=40, resp_pkts=0, resp_ip_bytes=0";

function modelWithBias(bias: number): LearnedModel {
  return {
    format: "sv-e1-learned-baseline",
    version: 1,
    dimensions: 4,
    weights: [0, 0, 0, 0],
    bias,
    calibration: { a: 1, b: 0 },
  };
}

describe("baseline/learned", () => {
  it("answers with the model file's label and calibrated confidence, in the strict answer format", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sv-learned-"));
    writeFileSync(join(dataDir, LEARNED_MODEL_FILE), JSON.stringify(modelWithBias(2)));
    const model = await loadBaseline({ name: "baseline/learned", dataDir });
    const reply = await model.doGenerate({ messages: [{ role: "user", content: question }] });
    const parsed = parse(reply.text);
    expect(parsed).toMatchObject({ label: "Malicious", formatValid: true });
    expect(parsed.confidence).toBeCloseTo(1 / (1 + Math.exp(-2)), 3);
  });

  it("says how to build the model when the file is missing, and rejects a foreign file", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sv-learned-"));
    await expect(loadBaseline({ name: "baseline/learned", dataDir })).rejects.toThrow(/pnpm build-data/);
    writeFileSync(join(dataDir, LEARNED_MODEL_FILE), JSON.stringify({ weights: [] }));
    await expect(loadBaseline({ name: "baseline/learned", dataDir })).rejects.toThrow(
      /not a learned-baseline model file/,
    );
  });
});
