import { describe, expect, it } from "vitest";
import { extractFencedBlock } from "./extract-fenced-block.js";

describe("extractFencedBlock", () => {
  it.each([
    ["```json\n{}\n```", "{}"],
    ["```JSON {} ```", "{}"],
    ["```jſon\n{}\n```", "{}"],
    ["```python\n{}\n```", "python\n{}"],
    ["```\n\n  {}  \n\n```", "{}"],
    ["a ```json``` b", ""],
    ["``````", ""],
    ["````json {} ```", "`json {}"],
  ])("%j → %j", (text, content) => {
    expect(extractFencedBlock(text)).toBe(content);
  });

  it("returns undefined without a closing fence", () => {
    expect(extractFencedBlock('``` {"label": "Benign"}')).toBeUndefined();
    expect(extractFencedBlock("no fences")).toBeUndefined();
    expect(extractFencedBlock("`````")).toBeUndefined();
  });
});
