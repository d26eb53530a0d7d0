import { describe, expect, it } from "vitest";
import { splitBaseUrl } from "./split-base-url.js";

describe("splitBaseUrl", () => {
  it("moves the query to defaultQuery and user info to the key, all marked secret", () => {
    expect(
      splitBaseUrl("https://user:s3cr3t@example.test/v1/?api-version=2024-10&api_key=SECRETKEY"),
    ).toEqual({
      baseURL: "https://example.test/v1",
      query: { "api-version": "2024-10", api_key: "SECRETKEY" },
      userKey: "s3cr3t",
      secrets: ["2024-10", "SECRETKEY", "user", "s3cr3t"],
    });
  });

  it("leaves a plain URL alone", () => {
    expect(splitBaseUrl("http://127.0.0.1:11434/v1")).toEqual({
      baseURL: "http://127.0.0.1:11434/v1",
      query: undefined,
      userKey: undefined,
      secrets: [],
    });
    expect(splitBaseUrl(undefined).baseURL).toBeUndefined();
  });
});
