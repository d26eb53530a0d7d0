import { describe, expect, it } from "vitest";
import { credentialInSamplingArgs } from "./credential-in-sampling-args.js";
import { parseEvalFlags } from "./eval-flags.js";

describe("credentialInSamplingArgs", () => {
  it("finds headers and keys that carry credentials, at any depth", () => {
    expect(credentialInSamplingArgs({ extra_headers: { Authorization: "Bearer abc" } })).toBe(
      "extra_headers.Authorization",
    );
    expect(credentialInSamplingArgs({ extra_body: { api_key: "x" } })).toBe("extra_body.api_key");
    expect(credentialInSamplingArgs({ extra_query: { sig: "y" } })).toBe("extra_query.sig");
  });

  it("leaves ordinary sampling args alone", () => {
    expect(
      credentialInSamplingArgs({
        temperature: 0,
        max_tokens: 256,
        max_completion_tokens: 300,
        extra_body: { top_k: 20, chat_template_kwargs: { enable_thinking: false } },
        extra_headers: { "X-Title": "sv-e1" },
      }),
    ).toBeUndefined();
  });

  it("makes -S with a credential a usage error naming the key", () => {
    const raw = {
      apiKeyVar: "OPENAI_API_KEY",
      rolloutsPerExample: "1",
      maxConcurrent: "1",
      saveResults: true,
      outputDir: "outputs",
      requestRetries: "1",
      requestTimeout: "1",
      maxConsecutiveErrors: "1",
      samplingArgs: '{"extra_headers": {"Authorization": "Bearer sk-secretsecretsecret"}}',
    };
    expect(() => parseEvalFlags(raw)).toThrow(/"extra_headers.Authorization" looks like a credential/);
  });
});
