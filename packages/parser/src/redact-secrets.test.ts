import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact-secrets.js";
import { secretValues, urlSecrets } from "./secret-values.js";

const TOKEN = ["hf", "SENTINELsentinel0123456789"].join("_");

describe("redactSecrets", () => {
  it("masks literal secrets, also URL-encoded, longest first", () => {
    const secret = "p@ss/word!";
    const text = `failed with ${secret} and ${encodeURIComponent(secret)} and ${secret}-more`;
    expect(redactSecrets(text, { secrets: [secret, "p@ss", undefined, "ab"] })).toBe(
      "failed with [redacted] and [redacted] and [redacted]-more",
    );
  });

  it("masks reflected Authorization headers, Bearer tokens and known token shapes", () => {
    const body = `{"error":"bad","headers":{"authorization":"Bearer ${TOKEN}","x-api-key":"k-123456"}}`;
    const redacted = redactSecrets(body);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).not.toContain("k-123456");
    expect(redacted).toContain('"authorization":"[redacted]"');
    expect(redactSecrets("Authorization: Bearer abcdefgh1234\nnext line")).toBe(
      "Authorization: [redacted]\nnext line",
    );
    expect(redactSecrets("sent bearer abc.def-ghi_jkl to the proxy")).toBe(
      "sent bearer [redacted] to the proxy",
    );
    expect(redactSecrets("sent bearer bearer Tok3n-abcdef")).toBe("sent bearer bearer [redacted]");
    expect(redactSecrets("Basic dXNlcjpwYXNz sent; Bearer authentication required; Basic validation")).toBe(
      "Basic [redacted] sent; Bearer authentication required; Basic validation",
    );
    expect(redactSecrets(`key sk-proj-${"x".repeat(20)} and ${TOKEN}`)).toBe("key [redacted] and [redacted]");
  });

  it("masks URL user info and credential-looking query parameters, keeping the rest", () => {
    expect(
      redactSecrets(
        "GET https://alice:s3cret@hub.example/api/x?api-version=2024-06-01&api_key=K123&token=T1&Signature=zz#f",
      ),
    ).toBe(
      "GET https://[redacted]@hub.example/api/x?api-version=2024-06-01&api_key=[redacted]&token=[redacted]&Signature=[redacted]#f",
    );
    expect(redactSecrets("see https://hub.example/a?b=1 and basic checks")).toBe(
      "see https://hub.example/a?b=1 and basic checks",
    );
  });

  it("stays linear on long adversarial text", () => {
    const text = `${"a.".repeat(200_000)}?${"k".repeat(200_000)}`;
    expect(redactSecrets(text)).toBe(text);
    const schemes = "bearer ".repeat(100_000);
    expect(redactSecrets(schemes)).toBe(schemes);
  });
});

describe("secretValues", () => {
  it("collects named, known and secret-looking variables and URL credentials", () => {
    const secrets = secretValues({
      env: {
        MY_KEY_VAR: "custom-key-value",
        HF_TOKEN: TOKEN,
        SV_SERVER_TOKEN: "srv-token",
        GITHUB_TOKEN: "ghp_longenough",
        SHORT_TOKEN: "abc",
        HF_ENDPOINT: "https://bob:hunter22@hub.example",
        PATH: "/usr/bin",
        EDITOR: "vim",
      },
      names: ["MY_KEY_VAR"],
      urls: ["http://k:v@h/x?key=qv"],
    });
    expect(secrets).toEqual(
      expect.arrayContaining([
        "custom-key-value",
        TOKEN,
        "srv-token",
        "ghp_longenough",
        "bob",
        "hunter22",
        "k",
        "v",
        "qv",
      ]),
    );
    expect(secrets).not.toContain("abc");
    expect(secrets).not.toContain("/usr/bin");
    expect(secrets).not.toContain("vim");
  });

  it("reads nothing but a URL's credentials", () => {
    expect(urlSecrets("not a url")).toEqual([]);
    expect(urlSecrets("https://host/path")).toEqual([]);
    expect(urlSecrets("https://u%40x:p@host/")).toEqual(["u%40x", "u@x", "p", "p"]);
  });
});
