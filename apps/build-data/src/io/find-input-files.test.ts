import { execFileSync } from "node:child_process";
import { chmod, link, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { IOT23_CAPTURE } from "../readers/iot23-scenario.js";
import { findInputFiles } from "./find-input-files.js";

const CAPTURE = "CTU-IoT-Malware-Capture-34-1";

async function tree(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bd-find-"));
  await mkdir(join(dir, "data", CAPTURE, "bro"), { recursive: true });
  await writeFile(join(dir, "data", CAPTURE, "bro", "conn.log.labeled"), "x\n");
  await writeFile(join(dir, "data", "other.log"), "y\n");
  return dir;
}

const listed = (files: Awaited<ReturnType<typeof findInputFiles>>) =>
  files.map((file) => (file.ignored ? `${file.displayName} (${file.ignored})` : file.displayName));

describe("findInputFiles", () => {
  it("reads a file reached through a link, a hard link, `..` or given twice once, whatever the order", async () => {
    const dir = await tree();
    const data = join(dir, "data");
    await symlink(join(data, "other.log"), join(data, "soft.log"));
    await link(join(data, "other.log"), join(data, "hard.log"));
    const roots = [data, join(data, "..", "data", "other.log"), join(data, "other.log")];
    const files = await findInputFiles({ roots });
    expect(listed(files)).toEqual([
      `data/${CAPTURE}/bro/conn.log.labeled`,
      "data/hard.log",
      "data/other.log (same file as data/hard.log)",
      "data/soft.log (same file as data/hard.log)",
      "other.log (same file as data/hard.log)",
      "other.log (same file as data/hard.log)",
    ]);
    expect(await findInputFiles({ roots: [...roots].reverse() })).toEqual(files);
  });

  it("follows folder links, stops at a loop, and lists broken links and special files", async () => {
    const dir = await tree();
    const data = join(dir, "data");
    await symlink(join(data, CAPTURE), join(data, "linked"));
    await symlink(data, join(data, CAPTURE, "loop"));
    await symlink(join(dir, "gone"), join(data, "broken.log"));
    execFileSync("mkfifo", [join(data, "pipe.log")]);
    expect(listed(await findInputFiles({ roots: [data] }))).toEqual([
      `data/${CAPTURE}/bro/conn.log.labeled`,
      `data/${CAPTURE}/loop (symbolic link loop (a folder above it))`,
      "data/broken.log (broken symbolic link)",
      `data/linked/bro/conn.log.labeled (same file as data/${CAPTURE}/bro/conn.log.labeled)`,
      "data/linked/loop (symbolic link loop (a folder above it))",
      "data/other.log",
      "data/pipe.log (not a regular file)",
    ]);
  });

  it("names a root below a capture folder from that folder", async () => {
    const dir = await tree();
    const file = join(dir, "data", CAPTURE, "bro", "conn.log.labeled");
    const bro = join(dir, "data", CAPTURE, "bro");
    expect(listed(await findInputFiles({ roots: [file], anchor: IOT23_CAPTURE }))).toEqual([
      `${CAPTURE}/bro/conn.log.labeled`,
    ]);
    expect(listed(await findInputFiles({ roots: [bro], anchor: IOT23_CAPTURE }))).toEqual([
      `${CAPTURE}/bro/conn.log.labeled`,
    ]);
    expect(listed(await findInputFiles({ roots: [file] }))).toEqual(["conn.log.labeled"]);
  });

  it("fails with one line naming a root that is neither a file nor a folder", async () => {
    const dir = await tree();
    execFileSync("mkfifo", [join(dir, "pipe")]);
    const failure = await findInputFiles({ roots: [join(dir, "pipe")] }).catch((error: unknown) => error);
    expect(CliError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toBe(
      `${join(dir, "pipe")}: cannot read: not a regular file or folder`,
    );
  });

  // Root reads every file whatever its mode; the read-pass failure is covered in read-file-sample.test.ts.
  it.skipIf(process.getuid?.() === 0)("fails with one line naming an unreadable file or folder", async () => {
    const dir = await tree();
    await chmod(join(dir, "data", "other.log"), 0);
    await expect(findInputFiles({ roots: [join(dir, "data")] })).rejects.toThrow(
      `${join(dir, "data", "other.log")}: cannot read: permission denied (EACCES)`,
    );
    await chmod(join(dir, "data", CAPTURE), 0);
    await expect(findInputFiles({ roots: [join(dir, "data")] })).rejects.toThrow(
      `${join(dir, "data", CAPTURE)}: cannot list: permission denied (EACCES)`,
    );
  });

  it("gives distinct files with the same name more of their paths, until the names differ", async () => {
    const dir = await tree();
    for (const folder of ["one/bro", "two/bro", "a/data", "b/data"])
      await mkdir(join(dir, folder), { recursive: true });
    for (const file of [
      "one/bro/conn.log.labeled",
      "two/bro/conn.log.labeled",
      "a/data/x.log",
      "b/data/x.log",
    ])
      await writeFile(join(dir, file), file);
    const roots = [
      join(dir, "one/bro/conn.log.labeled"),
      join(dir, "two/bro/conn.log.labeled"),
      join(dir, "a/data"),
      join(dir, "b/data"),
      join(dir, "b/data/x.log"),
    ];
    const files = await findInputFiles({ roots });
    expect(listed(files)).toEqual([
      "a/data/x.log",
      "b/data/x.log",
      "one/bro/conn.log.labeled",
      "two/bro/conn.log.labeled",
      "x.log (same file as b/data/x.log)",
    ]);
    expect(await findInputFiles({ roots: [...roots].reverse() })).toEqual(files);
  });
});
