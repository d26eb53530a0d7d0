import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelDirName, runDirectory } from "./run-paths.js";

describe("run paths", () => {
  it("changes only `/` in model names, as vf-eval (viewers turn `--` back into `/`)", () => {
    expect(modelDirName("org/llama3.1:8b")).toBe("org--llama3.1:8b");
    expect(modelDirName("openrouter/qwen/qwen-2.5 7b")).toBe("openrouter--qwen--qwen-2.5 7b");
    expect(modelDirName("../escape")).toBe("..--escape");
    expect(() => modelDirName("bad\0name")).toThrow(/cannot be part of a folder name/);
  });

  it("puts runs in <output-dir>/evals/<env>--<model>/<run-id>, vf-eval's --output-dir", () => {
    expect(runDirectory({ outputDir: "out", envId: "sv-env-network-logs", model: "a/b", runId: "r1" })).toBe(
      join("out", "evals", "sv-env-network-logs--a--b", "r1"),
    );
  });
});
