import { syntheticRows } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { EnvError } from "./env-error.js";
import { parseEnvironmentOptions } from "./environment-options.js";
import { loadEnvironment } from "./load-environment.js";

describe("parseEnvironmentOptions", () => {
  it("rejects an unknown option instead of dropping it", () => {
    expect(() => parseEnvironmentOptions({ strict_schema: true })).toThrowError(
      /unknown option\(s\) "strict_schema"/,
    );
    // The original ignored an unknown reward_source; here it is a mode, and a wrong one is an error.
    expect(() => parseEnvironmentOptions({ reward_source: "rubric" })).toThrowError(/rubricMode/);
    try {
      parseEnvironmentOptions({ strict_schema: true });
    } catch (error) {
      expect(EnvError.isInstance(error)).toBe(true);
      expect((error as EnvError).code).toBe("ENV_INVALID_OPTIONS");
    }
  });

  it("accepts the original's snake_case names", () => {
    expect(
      parseEnvironmentOptions({ dataset_name: "synthetic", dataset_source: "synthetic", max_examples: 3 }),
    ).toEqual({ datasetName: "synthetic", datasetSource: "synthetic", maxExamples: 3 });
  });

  it("rejects the same option under both names, and bad values", () => {
    expect(() => parseEnvironmentOptions({ max_examples: 3, maxExamples: 4 })).toThrowError(/given twice/);
    expect(() => parseEnvironmentOptions({ datasetSource: "ftp" })).toThrowError(/datasetSource/);
    expect(() => parseEnvironmentOptions({ maxExamples: -1 })).toThrowError(/maxExamples/);
  });
});

describe("loadEnvironment", () => {
  it("exposes id, prompt, dataset, formatPrompt and score", async () => {
    const env = await loadEnvironment({ dataset_source: "synthetic", system_prompt: "Be terse." } as never);
    expect(env.id).toBe("sv-env-network-logs");
    expect(env.dataset.rows).toHaveLength(syntheticRows().length);
    const example = env.dataset.rows[0]!;
    expect(env.formatPrompt(example)).toEqual([
      { role: "system", content: "Be terse." },
      { role: "user", content: example.question },
    ]);
    const scored = env.score('{"label": "Malicious", "confidence": 0.9}', { answer: "Malicious" });
    expect(scored.rewards.accuracy).toBe(1);
    expect(env.options).toEqual({ datasetSource: "synthetic", systemPrompt: "Be terse." });
  });

  it("turns invalid rubric weights into an EnvError", async () => {
    await expect(
      loadEnvironment({ datasetSource: "synthetic", weights: { accuracy: -1 } }),
    ).rejects.toThrowError(EnvError);
  });

  it("keeps maxExamples rows of in-memory data", async () => {
    const env = await loadEnvironment({ rows: syntheticRows(), maxExamples: 2 });
    expect(env.dataset.rows).toHaveLength(2);
  });
});
