import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestError } from "../server/request-error.js";
import { parseScoreRequest, scoreRequestSchema } from "./score-request.js";

const value = fc.oneof(
  fc.string(),
  fc.constantFrom("Malicious", "benign", "Attack", 0, 1, 2, true, null),
  fc.array(fc.anything(), { maxLength: 2 }),
  fc.anything(),
);
const item = fc.oneof(
  fc.record({ completion: value, answer: value }, { requiredKeys: [] }),
  fc.record({ completion: fc.string(), answer: fc.constantFrom("Malicious", "Benign", 0, 1, false) }),
  fc.anything(),
);
const body = fc.oneof(
  fc.record({ items: fc.array(item, { maxLength: 4 }) }),
  fc.record({ items: fc.array(item, { maxLength: 4 }), rubric: fc.anything() }),
  fc.dictionary(fc.string(), fc.anything()),
  fc.anything(),
);

describe("parseScoreRequest", () => {
  it("accepts exactly what the zod schema accepts (the fast path is only a shortcut)", () => {
    fc.assert(
      fc.property(body, (candidate) => {
        const schema = scoreRequestSchema.safeParse(candidate);
        let accepted = true;
        try {
          parseScoreRequest(candidate);
        } catch (error) {
          if (!(error instanceof RequestError)) throw error;
          accepted = false;
        }
        expect(accepted).toBe(schema.success);
      }),
      { numRuns: 2000 },
    );
  });

  it("names the item index and the field of every problem", () => {
    expect(() =>
      parseScoreRequest({
        items: [
          { completion: "x", answer: 1 },
          { completion: 3, answer: "Attack" },
        ],
      }),
    ).toThrowError(
      /^items\.1\.completion: must be a string or a list of chat messages; items\.1\.answer: must be/,
    );
  });
});
