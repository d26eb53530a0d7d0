import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { writeFakeRun } from "../../../test/browser/fake-run.js";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("eval view", () => {
  it("prints the URL, serves the index read-only and stops on SIGTERM", async () => {
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
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });
});
