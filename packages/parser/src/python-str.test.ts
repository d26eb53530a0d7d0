import { describe, expect, it } from "vitest";
import { pythonStr } from "./python-str.js";

describe("pythonStr (Python's str())", () => {
  it.each([
    ["text", "text"],
    [null, "None"],
    [true, "True"],
    [[1, "a", false, null], "[1, 'a', False, None]"],
    [{ label: "Benign", confidence: 0.5 }, "{'label': 'Benign', 'confidence': 0.5}"],
    [["a'b"], `["a'b"]`],
    [['a"b'], `['a"b']`],
    [["a'b\"c"], `['a\\'b"c']`],
    [["\x00\x7f\x85\xa0\xad"], "['\\x00\\x7f\\x85\\xa0\\xad']"],
    [["\u2000\u200b\u2028\ufeff\u3000\u00e9"], "['\\u2000\\u200b\\u2028\\ufeff\\u3000\u00e9']"],
    [["line\nbreak\ttab\\"], "['line\\nbreak\\ttab\\\\']"],
    [[1e16, 1e-4, 1.5e-5, 0.1, 1e22, 2.5e-7], "[1e+16, 0.0001, 1.5e-05, 0.1, 1e+22, 2.5e-07]"],
  ])("%j → %s", (value, expected) => {
    expect(pythonStr(value)).toBe(expected);
  });
});
