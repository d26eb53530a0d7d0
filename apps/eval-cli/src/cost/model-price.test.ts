import { describe, expect, it } from "vitest";
import { listPrice, resolveModelPrice, tokensCostUsd } from "./model-price.js";

describe("listPrice", () => {
  it("finds a model by name, OpenRouter name or dated snapshot, and a snapshot priced apart by its own name", () => {
    expect(listPrice("gpt-4.1-mini")).toEqual({ input: 0.4, output: 1.6 });
    expect(listPrice("openai/gpt-4.1-mini")).toEqual({ input: 0.4, output: 1.6 });
    expect(listPrice("gpt-4.1-mini-2025-04-14")).toEqual({ input: 0.4, output: 1.6 });
    expect(listPrice("gpt-4o-2024-08-06")).toEqual({ input: 2.5, output: 10 });
    // The first gpt-4o snapshot kept its launch price.
    expect(listPrice("gpt-4o-2024-05-13")).toEqual({ input: 5, output: 15 });
    expect(listPrice("openai/gpt-4o-2024-05-13")).toEqual({ input: 5, output: 15 });
    expect(listPrice("o3-mini")).toEqual({ input: 1.1, output: 4.4 });
    expect(listPrice("o1-mini")).toBeUndefined();
    expect(listPrice("llama3.1")).toBeUndefined();
    expect(listPrice("constructor")).toBeUndefined();
  });

  it("leaves an unknown side unknown (n/a, never 0); flags win side by side", () => {
    const unknown = resolveModelPrice({ modelId: "llama3.1", provider: "openai-compatible" });
    expect(unknown).toEqual({ inputPerMillion: null, outputPerMillion: null, source: "unknown" });
    expect(tokensCostUsd(unknown, 100, 20)).toBeNull();
    const half = resolveModelPrice({ modelId: "llama3.1", provider: "openai-compatible", priceInput: 1 });
    expect(tokensCostUsd(half, 100, 20)).toBeNull();
    const mixed = resolveModelPrice({ modelId: "gpt-4.1", provider: "openai-compatible", priceOutput: 1 });
    expect(mixed).toMatchObject({ inputPerMillion: 2, outputPerMillion: 1 });
    expect(tokensCostUsd(mixed, 1_000_000, 1_000_000)).toBe(3);
  });
});
