import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemErrorText } from "@sv/parser";
import { describe, expect, it } from "vitest";
import { mkdirFailureCause } from "./mkdir-failure-cause.js";

function enoent(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such file or directory, mkdir '${path}'`), {
    code: "ENOENT",
    syscall: "mkdir",
    path,
  });
}

describe("mkdirFailureCause", () => {
  it("names the read-only file system a recursive mkdir reported as ENOENT", () => {
    const root = mkdtempSync(join(tmpdir(), "sv-mkdir-"));
    const target = join(root, "evals/run/id");
    const cause = mkdirFailureCause(enoent(target), {
      checkWritable: (folder) => {
        if (folder === root) throw Object.assign(new Error("EROFS"), { code: "EROFS" });
      },
    });
    expect(systemErrorText(cause)).toBe(
      `cannot create the directory ${target}: read-only file system (EROFS)`,
    );
  });

  it("names a file standing where a folder should be", () => {
    const root = mkdtempSync(join(tmpdir(), "sv-mkdir-"));
    writeFileSync(join(root, "file"), "");
    const target = join(root, "file/evals");
    expect((mkdirFailureCause(enoent(target)) as NodeJS.ErrnoException).code).toBe("ENOTDIR");
  });

  it("reports a file where a folder is to be made as not a directory, not as 'already exists'", () => {
    const file = join(mkdtempSync(join(tmpdir(), "sv-mkdir-")), "file");
    writeFileSync(file, "");
    const exists = Object.assign(new Error("EEXIST"), { code: "EEXIST", syscall: "mkdir", path: file });
    expect(systemErrorText(mkdirFailureCause(exists))).toBe(
      `cannot create the directory ${file}: a part of the path is not a directory (ENOTDIR)`,
    );
  });

  it("keeps an ENOENT whose nearest folder is writable, and any other error", () => {
    const root = mkdtempSync(join(tmpdir(), "sv-mkdir-"));
    mkdirSync(join(root, "a"));
    const missing = enoent(join(root, "a/b/c"));
    expect(mkdirFailureCause(missing, { checkWritable: () => {} })).toBe(missing);
    const other = Object.assign(new Error("EACCES"), { code: "EACCES", syscall: "open", path: root });
    expect(mkdirFailureCause(other)).toBe(other);
  });
});
