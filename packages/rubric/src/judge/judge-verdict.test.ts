import { describe, expect, it } from "vitest";
import { judgeVerdict } from "./judge-verdict.js";

describe("judgeVerdict", () => {
  it.each([
    ["yes", "yes"],
    ["Yes, the response is correct.", "yes"],
    [" YES, because the label matches", "yes"],
    ["\n\u00a0yes", "yes"],
    ["yesterday", "yes"],
    ["No.", "no"],
    ["no", "no"],
    ["maybe yes", "no"],
    ["", "no"],
    ["\ufeffyes", "no"],
    ["garbage }{", "no"],
  ])("%j is %s, as the original's startswith rule", (reply, verdict) => {
    expect(judgeVerdict(reply)).toEqual({ verdict, score: verdict === "yes" ? 1 : 0 });
  });
});
