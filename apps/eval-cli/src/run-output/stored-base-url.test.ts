import { describe, expect, it } from "vitest";
import { storableBaseUrl } from "./stored-base-url.js";

describe("storableBaseUrl", () => {
  it("keeps what the endpoint needs (Azure api-version), drops user info and keys, and says what it dropped", () => {
    expect(
      storableBaseUrl(
        "https://user:pw@res.openai.azure.com/openai/deployments/gpt/?api-version=2024-10-21&api-key=SECRET1&sig=abc#x",
      ),
    ).toEqual({
      url: "https://res.openai.azure.com/openai/deployments/gpt?api-version=2024-10-21",
      leftOut: ["user info", 'query parameter "api-key"', 'query parameter "sig"'],
    });
  });

  it("treats a credential-looking value as a secret whatever its name", () => {
    expect(storableBaseUrl("http://127.0.0.1:8000/v1?x=sk0123456789abcdefABCDEF9999&mode=fast")).toEqual({
      url: "http://127.0.0.1:8000/v1?mode=fast",
      leftOut: ['query parameter "x"'],
    });
  });

  it("leaves a plain URL as it is (no trailing slash) and baselines have none", () => {
    expect(storableBaseUrl("http://localhost:11434/v1/")).toEqual({
      url: "http://localhost:11434/v1",
      leftOut: [],
    });
    expect(storableBaseUrl(undefined)).toEqual({ url: null, leftOut: [] });
  });
});
