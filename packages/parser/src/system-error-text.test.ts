import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { systemErrorText } from "./system-error-text.js";

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("systemErrorText", () => {
  it("names the action, the path and the reason of a file-system error", () => {
    expect(systemErrorText(thrown(() => readFileSync("/definitely/missing/file.txt")))).toBe(
      "cannot open /definitely/missing/file.txt: no such file or directory (ENOENT)",
    );
    expect(systemErrorText(thrown(() => readFileSync("/")))).toMatch(
      /^cannot read: it is a directory \(EISDIR\)$/,
    );
    const error = Object.assign(new Error("EACCES: permission denied, mkdir '/ro/x'"), {
      code: "EACCES",
      syscall: "mkdir",
      path: "/ro/x",
    });
    expect(systemErrorText(error)).toBe("cannot create the directory /ro/x: permission denied (EACCES)");
  });

  it("is undefined for other errors", () => {
    expect(systemErrorText(new Error("boom"))).toBeUndefined();
    expect(systemErrorText(Object.assign(new Error("x"), { code: "ERR_SOMETHING" }))).toBeUndefined();
    expect(systemErrorText("text")).toBeUndefined();
  });
});
