import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "../../../../vitest.shared.js";
import { formatJudgePrompt } from "./format-judge-prompt.js";
import { judgeResponseText } from "./judge-response-text.js";
import { ORIGINAL_JUDGE_PROMPT, ORIGINAL_JUDGE_SYSTEM_PROMPT } from "./original-judge-prompt.js";

interface JudgeFixture {
  judge_prompt: string;
  system_prompt: string;
  example: { question: string; answer: string; response: string; formatted: string };
  vectors: { completion: unknown; judge_text: string; deviation?: true }[];
}

// Written by fixtures/judge/generate-judge-vectors.py, which runs the original's own Python code.
const fixture = JSON.parse(
  readFileSync(join(fixturesDir, "judge", "judge-vectors.json"), "utf8"),
) as JudgeFixture;

describe("the original's judge prompt", () => {
  it("is kept byte for byte, as are the judge environment's system prompt", () => {
    expect(ORIGINAL_JUDGE_PROMPT).toBe(fixture.judge_prompt);
    expect(ORIGINAL_JUDGE_SYSTEM_PROMPT).toBe(fixture.system_prompt);
  });

  it("formats as Python's str.format does", () => {
    const { question, answer, formatted } = fixture.example;
    const completion = fixture.vectors[0]!.completion;
    const prompt = [
      { role: "system", content: "s" },
      { role: "user", content: question },
    ];
    expect(formatJudgePrompt({ prompt, completion, answer })).toBe(formatted);
  });

  it("puts a reply holding braces and format fields in as it is", () => {
    const text = formatJudgePrompt({ prompt: "q", completion: "{question} {{x}} }", answer: "Benign" });
    expect(text).toContain("Model's parsed response: {question} {{x}} }\n");
  });
});

describe("judgeResponseText", () => {
  const nonDeviating = fixture.vectors.filter((vector) => !vector.deviation);

  it("has the vectors", () => {
    expect(nonDeviating.length).toBeGreaterThan(20);
  });

  it.each(nonDeviating.map((vector, index) => [index, vector] as const))(
    "renders vector %i as the original's format_completion_for_judge",
    (_index, vector) => {
      expect(judgeResponseText(vector.completion)).toBe(vector.judge_text);
    },
  );

  it("shows the raw reply for a NaN literal (standard JSON only, the project's parsing rule)", () => {
    const deviating = fixture.vectors.filter((vector) => vector.deviation);
    expect(deviating.length).toBeGreaterThan(0);
    for (const vector of deviating) expect(judgeResponseText(vector.completion)).toBe(vector.completion);
  });

  it("reads a reply nested deeper than the limit as no JSON, without throwing", () => {
    const deep = `{"label": ${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(judgeResponseText(deep)).toBe(deep);
  });
});
