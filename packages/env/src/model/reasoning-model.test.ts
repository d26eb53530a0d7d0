import { describe, expect, it } from "vitest";
import { adaptSamplingArgs, isReasoningModel } from "./reasoning-model.js";

describe("reasoning models", () => {
  it.each(["gpt-5", "gpt-5-mini", "o1-preview", "o3-mini", "o4-mini", "openai/o3"])("%s is one", (id) => {
    expect(isReasoningModel(id)).toBe(true);
  });
  it.each(["gpt-4.1-mini", "gpt-4o", "llama3.1:8b", "openai/gpt-4o"])("%s is not", (id) => {
    expect(isReasoningModel(id)).toBe(false);
  });

  it("gets max_completion_tokens and no temperature", () => {
    expect(adaptSamplingArgs("gpt-5-mini", { max_tokens: 64, temperature: 0.2, top_p: 1 })).toEqual({
      max_completion_tokens: 64,
      top_p: 1,
    });
    expect(adaptSamplingArgs("gpt-4.1-mini", { max_tokens: 64, temperature: 0.2 })).toEqual({
      max_tokens: 64,
      temperature: 0.2,
    });
  });
});
