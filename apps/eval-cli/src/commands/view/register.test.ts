import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { writeFakeRun } from "../../../test/browser/fake-run.js";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("eval view", () => {
  it("prints the URL, serves the index read-only and stops on Ctrl-C with its own message", async () => {
    const root = await mkdtemp(join(tmpdir(), "sv-view-cli-"));
    await writeFakeRun({ dir: join(root, "m", "r1"), seed: 3, examples: 5 });
    const child = spawn(
      process.execPath,
      [
        "--conditions=@sv/source",
        "--import",
        "tsx",
        join(appDir, "src", "bin.ts"),
        "view",
        root,
        "--port",
        "0",
        "--no-open",
      ],
      { cwd: appDir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let exitCode: number | null = null;
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (match) resolve(match[0]);
        });
        child.once("exit", (code) => reject(new Error(`view exited early with ${code}`)));
      });
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain("m/r1");
      expect((await fetch(url, { method: "POST" })).status).toBe(405);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      exitCode = await exited;
    }
    expect(exitCode).toBe(0);
    expect(stderr).toMatch(/SIGINT: stopping the viewer/);
    expect(stderr).toMatch(/^stopped the viewer$/m);
    expect(stderr).not.toMatch(/rollouts/);
  });
});
