import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "./parse.js";

const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "{",
    "}",
    "```",
    "```json",
    '"',
    "\\",
    "\n",
    '"label": ',
    '"confidence": ',
    "Malicious",
    "Benign",
    ",",
  ),
  fc.double().map(String),
  fc.json(),
);
const replyLike = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(""));

function assertInRange(parsed: ReturnType<typeof parse>): void {
  expect([null, "Benign", "Malicious", "Abstain"]).toContain(parsed.label);
  expect(parsed.confidence).toBeGreaterThanOrEqual(0);
  expect(parsed.confidence).toBeLessThanOrEqual(1);
  expect(["json", "fenced", "embedded", "none"]).toContain(parsed.method);
  if (parsed.formatValid) expect(parsed.label).not.toBeNull();
}

describe("parse properties", () => {
  it("never throws on arbitrary strings and keeps results in range", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), replyLike), (text) => {
        assertInRange(parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on arbitrary message arrays and values", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.record({ role: fc.string(), content: fc.oneof(replyLike, fc.anything()) })),
          fc.anything(),
        ),
        (completion) => {
          assertInRange(parse(completion));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("recovers any well-formed answer wherever the original would", () => {
    const answer = fc.record({
      label: fc.constantFrom("Benign", "Malicious", "Abstain"),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const prefix = fc.string().filter((text) => !text.includes("{") && !text.includes("```"));
    fc.assert(
      fc.property(answer, prefix, fc.constantFrom("raw", "fenced", "embedded"), (value, before, wrapping) => {
        const json = JSON.stringify(value);
        const text =
          wrapping === "raw"
            ? json
            : wrapping === "fenced"
              ? `${before}\n\`\`\`json\n${json}\n\`\`\``
              : `${before} ${json}`;
        const parsed = parse(text);
        expect(parsed.label).toBe(value.label);
        expect(parsed.confidence).toBe(value.confidence);
        expect(parsed.formatValid).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
