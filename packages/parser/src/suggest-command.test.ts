import { describe, expect, it } from "vitest";
import { suggestCommand } from "./suggest-command.js";

const names = ["score", "report", "view", "help"];

describe("suggestCommand", () => {
  it.each([
    ["reprot", "report"],
    ["rport", "report"],
    ["scor", "score"],
    ["veiw", "view"],
    ["REPORT", "report"],
    ["rep", "report"],
  ])("%s → %s", (word, expected) => {
    expect(suggestCommand(word, names)).toBe(expected);
  });

  it("suggests nothing for an exact name or an unrelated word such as an env id", () => {
    expect(suggestCommand("report", names)).toBeUndefined();
    expect(suggestCommand("sv-env-network-logs", names)).toBeUndefined();
    expect(suggestCommand("x", names)).toBeUndefined();
    expect(suggestCommand("vote", names)).toBeUndefined();
  });
});
