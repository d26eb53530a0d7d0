import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeHub, startFakeHub } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { runBuild } from "../build/run-build.js";
import { fixturesDir } from "../test-utils/paths.js";
import { pushToHub } from "./push-to-hub.js";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe("Hub sources and push (loopback Hub)", () => {
  it("downloads hf:OWNER/NAME into the cache once and builds from it", async () => {
    const csv = await readFile(join(fixturesDir, "iot23-hub", "iot23-preprocessed.csv"));
    hub = await startFakeHub({
      repos: { "someone/iot": { files: { "data/train.csv": csv, "README.md": Buffer.from("# card") } } },
    });
    const out = await mkdtemp(join(tmpdir(), "bd-hub-"));
    const options = {
      sources: { iot23: ["hf:someone/iot"] },
      only: ["iot23" as const],
      out,
      limit: 4,
      oodLimit: 2,
      seed: 1,
      splitStrategy: "stratified" as const,
      mode: "full" as const,
      attempted: "exclude" as const,
      hub: { cacheDir: join(out, "cache"), hubUrl: hub.url },
      // Four rows cannot fill train, dev and test: install the build although its splits check fails.
      allowIncomplete: true,
    };
    const result = await runBuild(options);
    expect(result.datasets[0]?.manifest.counts.total).toBe(4);
    const manifest = JSON.parse(await readFile(join(out, "sampling-iot23-v1.json"), "utf8"));
    expect(manifest.hub.repo).toBe("someone/iot");
    expect(manifest.inputs[0].file).toBe("someone--iot/data/train.csv");
    const downloads = () => hub!.requests.filter((request) => request.path.includes("/resolve/")).length;
    const first = downloads();
    expect(first).toBeGreaterThan(0);
    await runBuild(options);
    expect(downloads()).toBe(first); // served from the cache the second time
  });

  it("uploads the built files and the data card as README.md to a private dataset repo", async () => {
    hub = await startFakeHub();
    const dir = await mkdtemp(join(tmpdir(), "bd-push-"));
    await writeFile(join(dir, "DATA_CARD.md"), "# card\n");
    await writeFile(join(dir, "unsw-nb15-ood-v1.jsonl"), "{}\n");
    const url = await pushToHub({
      repo: "me/e1",
      dir,
      files: ["DATA_CARD.md", "unsw-nb15-ood-v1.jsonl"],
      accessToken: "hf_secret",
      hubUrl: hub.url,
    });
    expect(url).toBe(`${hub.url}/datasets/me/e1`);
    const create = hub.requests.find((request) => request.path === "/api/repos/create")!;
    expect(JSON.parse(create.body)).toMatchObject({
      name: "e1",
      organization: "me",
      type: "dataset",
      visibility: "private",
    });
    expect(create.authorization).toBe("Bearer hf_secret");
    const commit = hub.requests.find((request) => request.path.endsWith("/commit/main"))!;
    const paths = commit.body
      .split("\n")
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.key === "file")
      .map((entry) => entry.value.path);
    expect(paths.sort()).toEqual(["DATA_CARD.md", "README.md", "unsw-nb15-ood-v1.jsonl"]);
  });

  it("never puts the token in an error message", async () => {
    hub = await startFakeHub({ createStatus: 500 });
    const dir = await mkdtemp(join(tmpdir(), "bd-push-"));
    const error = await pushToHub({
      repo: "me/e1",
      dir,
      files: [],
      accessToken: "hf_secret",
      hubUrl: hub.url,
    }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/cannot create dataset repo me\/e1/);
    expect((error as Error).message).not.toContain("hf_secret");
  });
});
