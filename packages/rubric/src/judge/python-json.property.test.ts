import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeResponseText } from "./judge-response-text.js";
import { pythonFloatRepr } from "./python-float-repr.js";
import { readPythonJson } from "./read-python-json.js";
import { writePythonJson } from "./write-python-json.js";

/** Any parsed reply: JSON values of every kind, with unicode keys and odd numbers. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: "binary" }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const reply = fc
  .record(
    {
      label: jsonValue,
      confidence: jsonValue,
      rationale: jsonValue,
      extra: jsonValue,
    },
    { requiredKeys: [] },
  )
  .map((object) => JSON.stringify(object));

// A fixed seed: the same cases on every run (the project's tests are deterministic).
fc.configureGlobal({ seed: 20_260_115, numRuns: 300 });

describe("the canonical JSON the judge is shown", () => {
  it("is stable: rendering its own output again gives it back", () => {
    fc.assert(
      fc.property(reply, (text) => {
        const once = judgeResponseText(text);
        expect(judgeResponseText(once)).toBe(once);
      }),
    );
  });

  it("does not depend on key order, whitespace or the wrapping of the object", () => {
    fc.assert(
      fc.property(reply, fc.constantFrom("", "  ", "\n"), (text, space) => {
        const object = JSON.parse(text) as Record<string, unknown>;
        const reversed = JSON.stringify(Object.fromEntries(Object.entries(object).reverse()), null, space);
        const fenced = `Here it is:\n\`\`\`json\n${reversed}\n\`\`\``;
        // With none of the three keys the judge is shown the raw text, which is not canonical.
        if (!["label", "confidence", "rationale"].some((key) => key in object)) return;
        expect(judgeResponseText(reversed)).toBe(judgeResponseText(text));
        if (!reversed.includes("```")) expect(judgeResponseText(fenced)).toBe(judgeResponseText(text));
      }),
    );
  });

  it("is ASCII, and reads back (by JSON.parse) as the values picked from the reply", () => {
    fc.assert(
      fc.property(reply, (text) => {
        const object = JSON.parse(text) as Record<string, unknown>;
        const picked = Object.fromEntries(
          ["label", "confidence", "rationale"]
            .filter((key) => key in object)
            .map((key) => [key, object[key]]),
        );
        const rendered = judgeResponseText(text);
        if (Object.keys(picked).length === 0) {
          expect(rendered).toBe(text);
          return;
        }
        expect(rendered).toMatch(/^[\x20-\x7e]*$/);
        expect(JSON.parse(rendered)).toEqual(picked);
      }),
    );
  });

  it("accepts exactly the texts JSON.parse accepts", () => {
    const texts = fc.oneof(
      fc.string(),
      jsonValue.map((value) => JSON.stringify(value)),
      jsonValue.map((value) => JSON.stringify(value).slice(0, -1)),
      fc.constantFrom("NaN", "[1,]", "01", "1.", ".5", "-", '"\\x"', "\t1\r\n", '"\u0001"', "1e5", "-0"),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(readPythonJson(text) !== undefined).toBe(parses);
      }),
    );
  });
});

describe("pythonFloatRepr", () => {
  it.each([
    [0.1, "0.1"],
    [1, "1.0"],
    [1e-7, "1e-07"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [123456789.125, "123456789.125"],
    [1.5e300, "1.5e+300"],
    [5e-324, "5e-324"],
    [-2.5, "-2.5"],
    [-0, "-0.0"],
    [0.30000000000000004, "0.30000000000000004"],
    [Number.POSITIVE_INFINITY, "Infinity"],
  ])("%s is %s, as Python's repr", (value, expected) => {
    expect(pythonFloatRepr(value)).toBe(expected);
  });

  it("always reads back as the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = pythonFloatRepr(value);
        expect(Object.is(Number(text), value)).toBe(true);
        expect(writePythonJson({ kind: "float", value })).toBe(text);
      }),
    );
  });
});
