import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FakeHub, startFakeHub } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./cli.js";

const bin = join(dirname(fileURLToPath(import.meta.url)), "bin.ts");
const SENTINEL = "hf_SENTINELtokenMustNeverAppear0123";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

/** Run the real bin in a child process (the build command reads HF_TOKEN from its environment). */
function runBin(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=@sv/source", "--import", "tsx", bin, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stderr }));
  });
}

async function inProcess(args: string[], env: Record<string, string> = {}) {
  let stderr = "";
  const code = await runCli(["node", "build-data", ...args], {
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stderr };
}

describe("build-data errors", () => {
  it("never prints HF_TOKEN, even when the Hub reflects the Authorization header", async () => {
    hub = await startFakeHub({ tokens: { other: true }, reflectAuthorization: true });
    const out = await mkdtemp(join(tmpdir(), "bd-cli-"));
    const result = await runBin(
      [
        "--iot23",
        "hf:someone/iot",
        "--only",
        "iot23",
        "--out",
        join(out, "e1"),
        "--cache-dir",
        join(out, "cache"),
      ],
      { HF_TOKEN: SENTINEL, HF_ENDPOINT: hub.url },
    );
    expect(hub.requests.some((request) => request.authorization === `Bearer ${SENTINEL}`)).toBe(true);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^error: cannot list someone\/iot on the Hub: .*\[redacted\]/m);
    expect(result.stderr).not.toContain(SENTINEL);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("redacts secrets from every top-level error line", async () => {
    const { code, stderr } = await inProcess(["validate", `/missing/${SENTINEL}`], { HF_TOKEN: SENTINEL });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^error: /);
    expect(stderr).not.toContain(SENTINEL);
  });

  it("refuses an --out that names a file, or lies under one, in one line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-cli-"));
    const file = join(dir, "taken");
    await writeFile(file, "not a folder");
    const named = await inProcess(["--out", file]);
    expect(named).toEqual({ code: 2, stderr: `error: --out ${file} is an existing file, not a folder\n` });
    const under = await inProcess(["--out", join(file, "e1")]);
    expect(under).toEqual({
      code: 2,
      stderr: `error: --out ${join(file, "e1")} cannot be created: ${file} is a file, not a folder\n`,
    });
  });

  it("a mistyped command gets a suggestion; another word names the commands", async () => {
    expect(await inProcess(["valdiate", "/tmp"])).toEqual({
      code: 2,
      stderr: "error: unknown command 'valdiate' (did you mean validate?)\n",
    });
    expect(await inProcess(["data/e1"])).toEqual({
      code: 2,
      stderr: "error: unknown command 'data/e1' (commands: build, validate)\n",
    });
    expect((await inProcess(["help", "validate"])).code).toBe(0);
  });

  it("validate on a missing folder or a file says so in one line", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-cli-"));
    const file = join(root, "data.jsonl");
    await writeFile(file, "");
    expect(await inProcess(["validate", join(root, "nope")])).toEqual({
      code: 2,
      stderr: `error: validate: ${join(root, "nope")}: no such folder\n`,
    });
    expect(await inProcess(["validate", file])).toEqual({
      code: 2,
      stderr: `error: validate: ${file} is a file; give the folder build-data wrote (--out)\n`,
    });
  });

  it("a usage error from the option parser exits 2 like the other usage errors", async () => {
    const unknown = await inProcess(["--bogus", "-o", "/tmp/never-built"]);
    expect(unknown.stderr).toMatch(/unknown option '--bogus'/);
    expect(unknown.code).toBe(2);
    expect((await inProcess(["validate"])).code).toBe(2);
  });

  it("--help shows the build flags, not only the subcommands", async () => {
    const result = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ["--conditions=@sv/source", "--import", "tsx", bin, "--help"], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.once("exit", () => resolve(stdout));
    });
    for (const flag of [
      "validate <dir>",
      "--iot23 <src...>",
      "--out <dir>",
      "--limit <n>",
      "--workers <n>",
    ]) {
      expect(result).toContain(flag);
    }
  });
});
