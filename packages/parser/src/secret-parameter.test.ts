import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact-secrets.js";
import { isSecretParameter } from "./secret-parameter.js";
import { secretValues } from "./secret-values.js";

describe("isSecretParameter", () => {
  it("tells credentials from endpoint settings", () => {
    expect(isSecretParameter("api-version", "2024-10-21")).toBe(false);
    expect(isSecretParameter("key", "abc")).toBe(true);
    expect(isSecretParameter("sig", "x")).toBe(true);
    expect(isSecretParameter("x", "a1b2c3d4e5f6a7b8c9d0e1f2a3")).toBe(true);
  });

  it("keeps Azure's api-version readable in messages while the key in the same URL is masked", () => {
    const url = "https://example.openai.azure.com/v1?api-version=2024-10-21&key=SENTINEL-KEY-1234";
    const secrets = secretValues({ env: {}, urls: [url] });
    const text = redactSecrets(`failed: ${url}`, { secrets });
    expect(text).toContain("api-version=2024-10-21");
    expect(text).not.toContain("SENTINEL-KEY-1234");
  });
});
