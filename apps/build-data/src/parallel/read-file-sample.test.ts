import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { readFileSample } from "./read-file-sample.js";

describe("readFileSample", () => {
  it("fails with one line naming a capture path that is a folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-rfs-"));
    const path = join(dir, "CTU-IoT-Malware-Capture-1-1", "bro", "conn.log.labeled");
    await mkdir(path, { recursive: true });
    const failure = await readFileSample({
      source: "iot23",
      file: { path, displayName: "CTU-IoT-Malware-Capture-1-1/bro/conn.log.labeled" },
      seed: 1,
      capacity: 10,
      attempted: "exclude",
    }).catch((error: unknown) => error);
    expect(CliError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toBe(`${path}: cannot read: is a folder, not a file (EISDIR)`);
  });
});
