import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../build/run-build.js";
import { rawDir } from "../test-utils/paths.js";

const iot = join(rawDir, "iot23");
const malware = join(iot, "CTU-IoT-Malware-Capture-34-1", "bro", "conn.log.labeled");
const honeypot = join(iot, "CTU-Honeypot-Capture-4-1", "bro", "conn.log.labeled");

describe("IoT-23 capture files given directly", () => {
  it("keep their capture as scenario, read a file reached twice once, and say where no capture name was found", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-direct-"));
    // The honeypot's log copied where no path names the capture: its #open header tells it apart. Its
    // display name gets one folder more than the base name, which the other `conn.log.labeled` shares.
    await mkdir(join(dir, "captures", "bro"), { recursive: true });
    const opened = join(dir, "captures", "bro", "conn.log.labeled");
    await copyFile(honeypot, opened);
    // A log with neither: named after its folder, and flagged.
    const bare = join(dir, "unnamed", "conn.log.labeled");
    await mkdir(join(bare, ".."));
    const text = (await readFile(malware, "latin1")).split("\n");
    await writeFile(
      bare,
      `${text
        .filter((line) => !line.startsWith("#") || line.startsWith("#fields"))
        .slice(0, 400)
        .join("\n")}\n`,
      "latin1",
    );
    const again = join(dir, "again.conn.log.labeled");
    await symlink(malware, again);

    const out = join(dir, "out");
    const result = await runBuild({
      sources: { iot23: [malware, honeypot, opened, bare, again, malware] },
      only: ["iot23"],
      out,
      limit: 120,
      oodLimit: 10,
      seed: 3,
      splitStrategy: "stratified",
      mode: "full",
      attempted: "exclude",
      hub: { cacheDir: join(dir, "cache"), offline: true },
    });
    const manifest = result.datasets[0]!.manifest;
    expect(
      manifest.inputs.map(({ file, scenario, scenario_from }) => ({ file, scenario, scenario_from })),
    ).toEqual([
      {
        file: "CTU-Honeypot-Capture-4-1/bro/conn.log.labeled",
        scenario: "CTU-Honeypot-Capture-4-1",
        scenario_from: "path",
      },
      {
        file: "CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled",
        scenario: "CTU-IoT-Malware-Capture-34-1",
        scenario_from: "path",
      },
      {
        file: "bro/conn.log.labeled",
        scenario: "capture-opened-2019-12-05-15-46-36",
        scenario_from: "header",
      },
      { file: "unnamed/conn.log.labeled", scenario: "unnamed", scenario_from: "fallback" },
    ]);
    expect(new Set(manifest.strata.map((stratum) => stratum.scenario))).toEqual(
      new Set([
        "CTU-Honeypot-Capture-4-1",
        "CTU-IoT-Malware-Capture-34-1",
        "capture-opened-2019-12-05-15-46-36",
        "unnamed",
      ]),
    );
    expect(manifest.ignored_files).toEqual([
      {
        file: "CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled",
        reason: "same file as CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled",
      },
      {
        file: "again.conn.log.labeled",
        reason: "same file as CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled",
      },
    ]);
    expect(manifest.rows_read).toBe(23145 + 452 + 452 + 399);
    const card = await readFile(join(out, "DATA_CARD.md"), "utf8");
    for (const note of [
      /no capture name found for 1 file\(s\).*`unnamed\/conn\.log\.labeled → unnamed`/,
      /taken from the Zeek #path\/#open header: `bro\/conn\.log\.labeled → capture-opened-2019-12-05-15-46-36`/,
      /2 path\(s\) lead to a file already read/,
    ]) {
      expect(
        manifest.notes.some((line) => note.test(line)),
        String(note),
      ).toBe(true);
      expect(card).toMatch(note);
    }
  });
});
