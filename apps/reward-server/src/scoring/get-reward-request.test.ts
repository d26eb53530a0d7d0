import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestError } from "../server/request-error.js";
import { getRewardRequestSchema, parseGetRewardRequest } from "./get-reward-request.js";

const label = fc.oneof(
  fc.constantFrom("Malicious", "benign", "BENIGN", "Attack", "", 0, 1, 2, -0, 0.5, true, false, null),
  fc.anything(),
);
const strings = fc.oneof(
  fc.array(fc.string(), { maxLength: 4 }),
  fc.array(fc.oneof(fc.string(), fc.anything()), { maxLength: 3 }),
  fc.anything(),
);
const body = fc.oneof(
  fc.record({ query: strings, prompts: strings, labels: fc.array(label, { maxLength: 4 }) }),
  fc.record(
    {
      query: strings,
      prompts: strings,
      labels: fc.oneof(fc.array(label), fc.anything()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

/** What the zod schema alone makes of a body: its items, or the 400's message. */
function bySchema(candidate: unknown): unknown {
  const parsed = getRewardRequestSchema.safeParse(candidate);
  if (!parsed.success) return "invalid";
  return "valid";
}

describe("parseGetRewardRequest", () => {
  it("accepts exactly what the zod schema accepts (the fast path is only a shortcut), with its messages", () => {
    fc.assert(
      fc.property(body, (candidate) => {
        const schema = bySchema(candidate);
        let outcome: unknown;
        try {
          parseGetRewardRequest(candidate);
          outcome = "valid";
        } catch (error) {
          if (!(error instanceof RequestError)) throw error;
          // Length and prompt mismatches are checked after the schema, on either path.
          outcome = /has \d+ entries|does not contain/.test(error.message) ? "valid" : "invalid";
        }
        expect(outcome).toBe(schema);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the items of a well-formed body, and names the index of a bad label", () => {
    expect(
      parseGetRewardRequest({
        query: ["P: reply", "Q: other"],
        prompts: ["P: ", "Q: "],
        labels: ["benign", 1],
      }),
    ).toEqual([
      { completion: "reply", answer: "benign" },
      { completion: "other", answer: 1 },
    ]);
    expect(() =>
      parseGetRewardRequest({ query: ["a", "b"], prompts: ["", ""], labels: [0, "Attack"] }),
    ).toThrow(/^labels\.1: must be/);
  });
});
