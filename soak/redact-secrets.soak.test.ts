import { createSeededRandom, type SeededRandom } from "@sv/dataset";
import { redactSecrets } from "@sv/parser";
import { describe, expect, it } from "vitest";
import { scaled } from "./soak-scale.js";

const TOKEN_ALPHABET = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"];
const PROSE = [
  "the",
  "basic",
  "token",
  "key",
  "auth",
  "request",
  "failed",
  "bearer",
  "api",
  "check",
  "retry",
  "x",
  "-",
  "(",
  ")",
  ":",
  ",",
  "=",
  "\n",
];

function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[random.nextInt(items.length)]!;
}

function token(random: SeededRandom, prefix = ""): string {
  const length = 16 + random.nextInt(24);
  let text = prefix;
  while (text.length < prefix.length + length) text += pick(random, TOKEN_ALPHABET);
  // At least one digit, so it is a credential rather than a word of prose.
  return `${text}7`;
}

function prose(random: SeededRandom): string {
  return Array.from({ length: random.nextInt(8) }, () => pick(random, PROSE)).join(" ");
}

/** A way a server, a proxy or our own code could carry a secret into an error text. */
const CARRIERS: ((secret: string, random: SeededRandom) => string)[] = [
  (secret) => `{"headers":{"authorization":"Bearer ${secret}"}}`,
  (secret) => `Authorization: Bearer ${secret}`,
  (secret) => `'Authorization': 'Bearer ${secret}'`,
  (secret) => `x-api-key: ${secret}`,
  (secret) => `bearer ${secret}`,
  (secret) => `Basic ${Buffer.from(`user:${secret}`).toString("base64")}`,
  (secret) => `https://user:${secret}@hub.example/api`,
  (secret) => `http://${secret}@127.0.0.1:9/v1/chat/completions`,
  (secret, random) =>
    `https://h.example/x?${pick(random, ["api_key", "token", "key", "Signature", "access_token"])}=${secret}&b=1`,
];

function leakForms(secret: string): string[] {
  return [secret, Buffer.from(`user:${secret}`).toString("base64")];
}

describe("redactSecrets soak", () => {
  it("masks a secret in any carrier, with or without the literal, inside random text", () => {
    const random = createSeededRandom(20261201);
    for (let trial = 0; trial < scaled(200_000); trial++) {
      const secret = token(random, pick(random, ["", "hf_", "sk-", "ghp_"]));
      const carrier = pick(random, CARRIERS)(secret, random);
      const text = `${prose(random)} ${carrier} ${prose(random)}`;
      const literal = random.next() < 0.5;
      const redacted = redactSecrets(text, literal ? { secrets: [secret] } : {});
      for (const form of leakForms(secret)) {
        if (redacted.includes(form)) throw new Error(`leaked ${form} from ${JSON.stringify(text)}`);
      }
      if (redactSecrets(redacted) !== redacted) throw new Error(`not idempotent on ${JSON.stringify(text)}`);
    }
  });

  it("leaves prose without credentials as it is", () => {
    const random = createSeededRandom(7);
    for (let trial = 0; trial < scaled(100_000); trial++) {
      const text = prose(random);
      expect(redactSecrets(text)).toBe(text);
    }
  });
});
