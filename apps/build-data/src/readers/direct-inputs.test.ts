import { mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runBuild } from "../build/run-build.js";
import { fixturesDir } from "../test-utils/paths.js";

const iot = join(fixturesDir, "iot23");
const inFolder = join(iot, "CTU-IoT-Malware-Capture-99-1", "bro", "conn.log.labeled");
const named = join(iot, "CTU-IoT-Malware-Capture-98-1.conn.log.labeled.gz");

describe("IoT-23 capture files given directly", () => {
  it("keep their capture as scenario, read a file reached twice once, and say where no capture name was found", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-direct-"));
    // The 98-1 log unpacked where no path names the capture: its #open header tells it apart. Its
    // display name gets one folder more than the base name, which the other `conn.log.labeled` shares.
    await mkdir(join(dir, "captures", "bro"), { recursive: true });
    const opened = join(dir, "captures", "bro", "conn.log.labeled");
    await writeFile(opened, gunzipSync(await readFile(named)));
    // The 99-1 log without its #path/#open header, where no path names it: named after its folder, and flagged.
    const bare = join(dir, "unnamed", "conn.log.labeled");
    await mkdir(join(bare, ".."));
    const lines = (await readFile(inFolder, "latin1")).split("\n");
    const kept = lines.filter((line) => !line.startsWith("#") || line.startsWith("#fields"));
    await writeFile(bare, kept.join("\n"), "latin1");
    const again = join(dir, "again.conn.log.labeled");
    await symlink(inFolder, again);

    const out = join(dir, "out");
    const result = await runBuild({
      sources: { iot23: [inFolder, named, opened, bare, again, inFolder] },
      only: ["iot23"],
      out,
      limit: 40,
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
        file: "CTU-IoT-Malware-Capture-98-1.conn.log.labeled.gz",
        scenario: "CTU-IoT-Malware-Capture-98-1",
        scenario_from: "path",
      },
      {
        file: "CTU-IoT-Malware-Capture-99-1/bro/conn.log.labeled",
        scenario: "CTU-IoT-Malware-Capture-99-1",
        scenario_from: "path",
      },
      {
        file: "bro/conn.log.labeled",
        scenario: "capture-opened-2019-01-01-00-00-00",
        scenario_from: "header",
      },
      { file: "unnamed/conn.log.labeled", scenario: "unnamed", scenario_from: "fallback" },
    ]);
    expect(new Set(manifest.strata.map((stratum) => stratum.scenario))).toEqual(
      new Set([
        "CTU-IoT-Malware-Capture-98-1",
        "CTU-IoT-Malware-Capture-99-1",
        "capture-opened-2019-01-01-00-00-00",
        "unnamed",
      ]),
    );
    const first = "CTU-IoT-Malware-Capture-99-1/bro/conn.log.labeled";
    expect(manifest.ignored_files).toEqual([
      { file: first, reason: `same file as ${first}` },
      { file: "again.conn.log.labeled", reason: `same file as ${first}` },
    ]);
    // Each file counted once: the 99-1 log, read under one name, and its header-less copy hold as many records.
    const rows = Object.fromEntries(manifest.inputs.map((input) => [input.file, input.rows]));
    expect(rows[first]).toBeGreaterThan(10);
    expect(rows["unnamed/conn.log.labeled"]).toBe(rows[first]);
    expect(manifest.rows_read).toBe(Object.values(rows).reduce((sum, count) => sum + count, 0));
    const rowFiles = new Set(
      (await readFile(join(out, "iot23-train-dev-test-v1.jsonl"), "utf8"))
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).meta.file),
    );
    expect(rowFiles.has("again.conn.log.labeled")).toBe(false);
    const card = await readFile(join(out, "DATA_CARD.md"), "utf8");
    for (const note of [
      /no capture name found for 1 file\(s\).*`unnamed\/conn\.log\.labeled → unnamed`/,
      /taken from the Zeek #path\/#open header: `bro\/conn\.log\.labeled → capture-opened-2019-01-01-00-00-00`/,
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
