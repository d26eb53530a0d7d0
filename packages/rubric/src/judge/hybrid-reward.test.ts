import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "../../../../vitest.shared.js";
import { createRubric } from "../rubric.js";
import { checkJudgeWeight, DEFAULT_JUDGE_WEIGHT, hybridReward } from "./hybrid-reward.js";
import { formatRationalePrompt, hasGradableRationale } from "./rationale-judge-prompt.js";
import { parseRubricMode } from "./rubric-modes.js";

const vectors = readFileSync(join(fixturesDir, "parity", "e1-rewards.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map(
    (line) =>
      JSON.parse(line) as { completion: unknown; answer: string | number; expected: { total: number } },
  );

describe("hybridReward", () => {
  const rubric = createRubric();

  it("keeps the programmatic total bit for bit on every parity vector, and adds w × judge exactly", () => {
    expect(vectors.length).toBeGreaterThan(200);
    for (const vector of vectors) {
      const scored = rubric.score({ completion: vector.completion, answer: vector.answer });
      expect(scored.reward).toBeCloseTo(vector.expected.total, 9);
      expect(Object.is(hybridReward({ programmatic: scored.reward, judgeScore: 0 }), scored.reward)).toBe(
        true,
      );
      expect(hybridReward({ programmatic: scored.reward, judgeScore: 1 })).toBe(scored.reward + 0.1);
      expect(hybridReward({ programmatic: scored.reward, judgeScore: 1, judgeWeight: 0.25 })).toBe(
        scored.reward + 0.25,
      );
    }
  });

  it("defaults to the original's judge_weight 0.1 and refuses nonsense", () => {
    expect(DEFAULT_JUDGE_WEIGHT).toBe(0.1);
    expect(() => checkJudgeWeight(-0.1)).toThrow(/judge weight must be a finite number >= 0/);
    expect(() => checkJudgeWeight(Number.NaN)).toThrow(/judge weight/);
    expect(() => hybridReward({ programmatic: 1, judgeScore: 0.5 })).toThrow(/judge score must be 0 or 1/);
  });
});

describe("the rationale judge's prompt", () => {
  it("shows the record, the model's label and its rationale", () => {
    const text = formatRationalePrompt({
      prompt: [
        { role: "system", content: "s" },
        { role: "user", content: "Log Entry: conn_state=S0, id.resp_p=23" },
      ],
      parsed: { label: "Malicious", rationale: "S0 to port {23}" },
    });
    expect(text).toContain("```\nLog Entry: conn_state=S0, id.resp_p=23\n```");
    expect(text).toContain("The model's label: Malicious\nThe model's rationale: S0 to port {23}\n");
  });

  it("has nothing to grade without a label or a rationale", () => {
    expect(hasGradableRationale({ label: "Benign", rationale: "dns on 53" })).toBe(true);
    expect(hasGradableRationale({ label: "Benign", rationale: "  " })).toBe(false);
    expect(hasGradableRationale({ label: "Benign" })).toBe(false);
    expect(hasGradableRationale({ label: null, rationale: "x" })).toBe(false);
  });
});

describe("parseRubricMode", () => {
  it("reads our names and the original's reward_source values", () => {
    expect(parseRubricMode("judge")).toBe("judge");
    expect(parseRubricMode("llm_judge")).toBe("judge");
    expect(parseRubricMode("hybrid")).toBe("hybrid");
    expect(parseRubricMode("executable")).toBe("executable");
    expect(parseRubricMode("toString")).toBeUndefined();
    expect(parseRubricMode(1)).toBeUndefined();
  });
});
