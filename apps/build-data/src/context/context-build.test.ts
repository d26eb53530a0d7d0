import { readFile, writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { flowHash, parseContextQuestion, parseFlowFields, renderFlowFields } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { buildSource } from "../build/build-source.js";
import { runBuild } from "../build/run-build.js";
import { smallBuildOptions, smallSources } from "../test-utils/small-build.js";
import { flowsOf, type GeneratedFlow, writeConnLog } from "../test-utils/write-conn-log.js";
import { validateDir } from "../validate/validate-dir.js";

const HOSTS = ["192.168.7.1", "192.168.7.2", "192.168.7.3"];
const WINDOW = 40;
const K = 3;

/** Interleaved hosts, ts mostly increasing with some flows written late (as Zeek does at connection end). */
function capture(count: number, offset: number): GeneratedFlow[] {
  return Array.from({ length: count }, (_, index) => {
    const late = index % 7 === 3 ? 15 : 0;
    return {
      label: index % 3 === 0 ? "Malicious" : "Benign",
      fields: {
        "id.orig_h": HOSTS[(index * 5) % 3]!,
        ts: (1_600_000_000 + offset + index * 4 - late).toFixed(6),
        "id.orig_p": String(20_000 + index + offset / 1000),
      },
    };
  });
}

/** What the context of line `line` must be: the rule written out over the whole file. */
function expectedContext(lines: string[][], names: string[], line: number): string[] {
  const at = (row: string[], name: string) => row[names.indexOf(name)]!;
  const row = lines[line]!;
  const host = at(row, "id.orig_h");
  const time = Number(at(row, "ts"));
  const earlierOfHost = lines
    .slice(0, line)
    .map((other, index) => ({ other, index }))
    .filter(({ other }) => other.length > 0 && at(other, "id.orig_h") === host)
    .slice(-K);
  return earlierOfHost
    .filter(({ other }) => Number(at(other, "ts")) <= time && time - Number(at(other, "ts")) <= WINDOW)
    .sort(
      (left, right) =>
        Number(at(left.other, "ts")) - Number(at(right.other, "ts")) || left.index - right.index,
    )
    .map(({ other }) => {
      const flow: Record<string, string> = {};
      for (const name of names) if (name !== "ts" && at(other, name) !== "-") flow[name] = at(other, name);
      return renderFlowFields(parseFlowFields(renderFlowFields(flow)));
    });
}

/** The small build's sources with IoT-23 captures whose flows start `spacing` seconds apart. */
async function spreadSources(spacing: number): Promise<Awaited<ReturnType<typeof smallSources>>["sources"]> {
  const { sources } = await smallSources();
  const root = await mkdtemp(join(tmpdir(), "bd-spread-"));
  for (const [offset, scenario] of ["CTU-IoT-Malware-Capture-1-1", "CTU-IoT-Malware-Capture-2-1"].entries())
    await writeConnLog({
      root,
      scenario,
      flows: [...flowsOf("Malicious", 120), ...flowsOf("Benign", 120)]
        .map((flow, index) => ({ flow, index }))
        .sort((left, right) => (left.index % 3) - (right.index % 3) || left.index - right.index)
        .map(({ flow }, index) => ({
          ...flow,
          fields: { ts: (1_545_400_000 + offset * 7 + index * spacing).toFixed(6) },
        })),
    });
  return { ...sources, iot23: [root] };
}

describe("context sets", () => {
  it("give each sampled flow the K earlier flows of its originator in the window, oldest first", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-context-"));
    const scenarios = [
      "CTU-IoT-Malware-Capture-1-1",
      "CTU-IoT-Malware-Capture-2-1",
      "CTU-IoT-Malware-Capture-3-1",
    ];
    const paths: string[] = [];
    for (const [index, scenario] of scenarios.entries())
      paths.push(await writeConnLog({ root, scenario, flows: capture(90, index * 100_000) }));
    const built = await buildSource({
      source: "iot23",
      roots: [root],
      seed: 3,
      limit: 120,
      balanced: true,
      splitStrategy: "stratified",
      attempted: "exclude",
      context: { flows: K, windowSeconds: WINDOW, maxHosts: 10 },
    });
    const context = built.context!;
    expect(context.rows.length).toBe(built.rows.length);
    expect(context.section.stats.flows_out_of_order).toBeGreaterThan(0);
    let withContext = 0;
    for (const row of context.rows) {
      const path = paths.find((candidate) => candidate.endsWith(row.meta.file))!;
      const text = (await readFile(path, "utf8")).split("\n");
      const header = text
        .find((line) => line.startsWith("#fields\t"))!
        .split("\t")
        .slice(1);
      const lines = text.map((line) => (line.startsWith("#") || line === "" ? [] : line.split("\t")));
      const parsed = parseContextQuestion(row.question)!;
      const shown = parsed.context.map((flow) => renderFlowFields(flow));
      expect(shown).toEqual(expectedContext(lines, header, row.meta.line - 1));
      expect(row.meta.context_flows).toBe(shown.length);
      expect(row.question).not.toMatch(/Malicious|Benign|PartOfAHorizontalPortScan/);
      withContext += shown.length > 0 ? 1 : 0;
    }
    expect(withContext).toBeGreaterThan(context.rows.length / 2);
    // Capture-level split by default: every capture sits in one split.
    const splitOf = new Map<string, Set<string>>();
    for (const row of context.rows) {
      const set = splitOf.get(row.meta.scenario) ?? new Set();
      set.add(row.meta.split);
      splitOf.set(row.meta.scenario, set);
    }
    expect([...splitOf.values()].every((set) => set.size === 1)).toBe(true);
    expect(new Set(context.rows.map((row) => row.meta.split))).toContain("test");
    expect(new Set(context.rows.map((row) => row.meta.split))).toContain("train");
  });

  it("time split: per-capture blocks a window apart, so no flow is shown in two splits", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-context-"));
    const paths: string[] = [];
    for (const [index, scenario] of ["CTU-IoT-Malware-Capture-1-1", "CTU-IoT-Malware-Capture-2-1"].entries())
      paths.push(await writeConnLog({ root, scenario, flows: capture(600, index * 100_000) }));
    const built = await buildSource({
      source: "iot23",
      roots: [root],
      seed: 3,
      limit: 400,
      balanced: true,
      splitStrategy: "stratified",
      contextSplitStrategy: "time",
      attempted: "exclude",
      context: { flows: K, windowSeconds: WINDOW, maxHosts: 10 },
    });
    const { rows, section } = built.context!;
    expect(section.split_strategy).toBe("time");
    expect(new Set(rows.map((row) => row.meta.split))).toEqual(new Set(["train", "dev", "test"]));
    expect(section.rows_in_time_gaps).toBeGreaterThan(0);
    // Start times read from the capture files themselves, not from the rows.
    const starts = new Map<string, number[]>();
    for (const path of paths) {
      const text = (await readFile(path, "utf8")).split("\n");
      const names = text
        .find((line) => line.startsWith("#fields\t"))!
        .split("\t")
        .slice(1);
      starts.set(
        path,
        text.map((line) =>
          line.startsWith("#") ? Number.NaN : Number(line.split("\t")[names.indexOf("ts")]),
        ),
      );
    }
    const timed = rows.map((row) => {
      const path = paths.find((candidate) => candidate.endsWith(row.meta.file))!;
      return { row, start: starts.get(path)![row.meta.line - 1]! };
    });
    for (const left of timed)
      for (const right of timed)
        if (
          left.row.meta.scenario === right.row.meta.scenario &&
          left.row.meta.split !== right.row.meta.split
        )
          expect(Math.abs(left.start - right.start)).toBeGreaterThan(WINDOW);
    const blocks = section.time_blocks!;
    for (const { row, start } of timed) {
      const block = blocks[row.meta.scenario]!;
      expect(block.dev_from - block.train_before).toBe(WINDOW);
      expect(block.test_from - block.dev_before).toBe(WINDOW);
      expect(row.meta.ts).toBe(start);
      // What a dev/test row may look up (multi-turn tools) starts where the previous split's block ends.
      const expectedFrom = { train: undefined, dev: block.train_before, test: block.dev_before }[
        row.meta.split as "train" | "dev" | "test"
      ];
      expect(row.meta.look_back_from).toBe(expectedFrom);
    }
    // Every flow a row shows (question or context) is shown by one split only.
    const splitsShowing = new Map<string, Set<string>>();
    for (const row of rows) {
      const parsed = parseContextQuestion(row.question)!;
      for (const flow of [parsed.flow, ...parsed.context]) {
        const set = splitsShowing.get(flowHash(flow)) ?? new Set();
        set.add(row.meta.split);
        splitsShowing.set(flowHash(flow), set);
      }
    }
    expect([...splitsShowing.values()].filter((set) => set.size > 1)).toEqual([]);
  });

  it("a capture split of one capture says why dev and test are empty and what to use instead", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-context-"));
    await writeConnLog({ root, scenario: "CTU-IoT-Malware-Capture-1-1", flows: capture(60, 0) });
    const built = await buildSource({
      source: "iot23",
      roots: [root],
      seed: 3,
      limit: 40,
      balanced: true,
      splitStrategy: "stratified",
      attempted: "exclude",
      context: { flows: K, windowSeconds: WINDOW, maxHosts: 10 },
    });
    const { section, rows } = built.context!;
    expect(new Set(rows.map((row) => row.meta.split))).toEqual(new Set(["train"]));
    expect(section.notes.join("\n")).toMatch(/no capture left for test/);
    expect(section.notes.join("\n")).toMatch(/--context-split-strategy time/);
  });

  it("bound memory: hosts beyond --context-max-hosts are evicted and counted", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-context-"));
    await writeConnLog({ root, scenario: "CTU-IoT-Malware-Capture-1-1", flows: capture(60, 0) });
    const built = await buildSource({
      source: "iot23",
      roots: [root],
      seed: 3,
      limit: 40,
      balanced: true,
      splitStrategy: "stratified",
      attempted: "exclude",
      context: { flows: K, windowSeconds: WINDOW, maxHosts: 1 },
    });
    // Three hosts interleaved and room for one: every host change evicts.
    expect(built.context!.section.stats.hosts_evicted).toBeGreaterThan(30);
    expect(built.context!.section.memory_bound_lines).toBe(K);
    expect(built.context!.rows.every((row) => (row.meta.context_flows as number) === 0)).toBe(true);
  });

  it("keep the single-flow files byte-identical, write context sets where formats have time and hosts, and validate", async () => {
    const sources = await spreadSources(1200);
    const plain = await mkdtemp(join(tmpdir(), "bd-plain-"));
    const withContext = await mkdtemp(join(tmpdir(), "bd-ctx-"));
    const parallel = await mkdtemp(join(tmpdir(), "bd-ctx2-"));
    const context = { flows: 3, windowSeconds: 4 * 3600, maxHosts: 100 };
    await runBuild(smallBuildOptions(plain, sources));
    const result = await runBuild({
      ...smallBuildOptions(withContext, sources),
      context,
      contextSplitStrategy: "time",
    });
    await runBuild({
      ...smallBuildOptions(parallel, sources),
      context,
      contextSplitStrategy: "time",
      workers: 3,
      minBytesPerWorker: 0,
    });
    for (const name of [
      "iot23-train-dev-test-v1.jsonl",
      "cic-ids-2017-ood-v1.jsonl",
      "unsw-nb15-ood-v1.jsonl",
    ])
      expect(await readFile(join(withContext, name), "utf8")).toBe(await readFile(join(plain, name), "utf8"));
    for (const name of [
      "iot23-context-v1.jsonl",
      "cic-ids-2017-context-ood-v1.jsonl",
      "unsw-nb15-context-ood-v1.jsonl",
      "sampling-context-v1.json",
    ])
      expect(await readFile(join(parallel, name), "utf8")).toBe(
        await readFile(join(withContext, name), "utf8"),
      );
    const manifest = JSON.parse(await readFile(join(withContext, "sampling-context-v1.json"), "utf8"));
    // The CIC fixtures mix MachineLearningCVE (no time, no hosts) and TrafficLabelling: only the latter.
    expect(manifest.datasets["cic-ids-2017"].sampled_without_context).toBeGreaterThan(0);
    const cicRows = (await readFile(join(withContext, "cic-ids-2017-context-ood-v1.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(cicRows.every((row) => row.meta.file.includes("TrafficLabelling"))).toBe(true);
    expect(cicRows.some((row) => row.meta.context_flows > 0)).toBe(true);
    // UNSW-NB15 raw part files carry stime and srcip: their flows get context from the same srcip.
    const unswRows = (await readFile(join(withContext, "unsw-nb15-context-ood-v1.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const unswWithContext = unswRows.filter((row) => row.meta.context_flows > 0);
    expect(unswWithContext.length).toBeGreaterThan(0);
    for (const row of unswWithContext) {
      const parsed = parseContextQuestion(row.question)!;
      for (const earlierFlow of parsed.context)
        expect(earlierFlow["id.orig_h"]).toBe(parsed.flow["id.orig_h"]);
    }
    expect(result.failedChecks).toEqual([]);
    const failed = (await validateDir({ dir: withContext })).filter((check) => !check.ok);
    expect(failed).toEqual([]);
  });

  it("validate fails a context flow that is a question of another split, and a broken context question", async () => {
    const { sources } = await smallSources();
    const out = await mkdtemp(join(tmpdir(), "bd-ctx-"));
    await runBuild({
      ...smallBuildOptions(out, sources),
      context: { flows: 3, windowSeconds: 20, maxHosts: 100 },
      contextSplitStrategy: "time",
    });
    const path = join(out, "iot23-context-v1.jsonl");
    const rows = (await readFile(path, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const train = rows.find((row) => row.meta.split === "train")!;
    const test = rows.find((row) => row.meta.split === "test")!;
    const parsed = parseContextQuestion(test.question)!;
    const trainFlow = parseContextQuestion(train.question)!.flow;
    const { renderContextQuestion } = await import("@sv/dataset");
    test.question = renderContextQuestion({ ...parsed, context: [trainFlow] });
    test.meta.context_flows = 1;
    expect(flowHash(trainFlow)).toBe(train.meta.hash);
    const broken = rows.find((row) => row !== test && row.meta.split === "dev")!;
    broken.question = broken.question.replace(/^Context: /, "Context:  ");
    await writeFile(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
    const failed = (await validateDir({ dir: out }))
      .filter((check) => !check.ok)
      .map((check) => `${check.name}: ${check.detail}`);
    expect(
      failed.some((line) =>
        /context flows stay inside their split.*\(test\) context flow 1 is the train question/.test(line),
      ),
    ).toBe(true);
    expect(
      failed.some((line) =>
        /iot23-context-v1.jsonl: questions are canonical.*context question must be/.test(line),
      ),
    ).toBe(true);
  });

  it("validate fails a neighbouring flow shown to two splits (the same context flow in train and test)", async () => {
    const sources = await spreadSources(30);
    const out = await mkdtemp(join(tmpdir(), "bd-ctx-"));
    await runBuild({
      ...smallBuildOptions(out, sources),
      context: { flows: 3, windowSeconds: 100, maxHosts: 100 },
      contextSplitStrategy: "time",
    });
    expect((await validateDir({ dir: out })).filter((check) => !check.ok)).toEqual([]);
    const path = join(out, "iot23-context-v1.jsonl");
    const rows = (await readFile(path, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const { renderContextQuestion } = await import("@sv/dataset");
    const train = rows.find(
      (row) => row.meta.split === "train" && parseContextQuestion(row.question)!.context.length > 0,
    )!;
    const shared = parseContextQuestion(train.question)!.context[0]!;
    expect(rows.some((row) => row.meta.hash === flowHash(shared))).toBe(false);
    const test = rows.find((row) => row.meta.split === "test")!;
    const parsed = parseContextQuestion(test.question)!;
    test.question = renderContextQuestion({ ...parsed, context: [shared] });
    test.meta.context_flows = 1;
    // A dev row claiming a start inside the train block.
    const dev = rows.find((row) => row.meta.split === "dev")!;
    dev.meta.ts = train.meta.ts;
    await writeFile(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
    const failed = (await validateDir({ dir: out }))
      .filter((check) => !check.ok)
      .map((check) => `${check.name}: ${check.detail}`);
    expect(
      failed.some((line) =>
        /rows inside their time blocks.*\(dev\) starts at .* in the train block/.test(line),
      ),
    ).toBe(true);
    expect(
      failed.some((line) =>
        /context flows stay inside their split.*context flow 1 is also a context flow of the (train|test) row/.test(
          line,
        ),
      ),
    ).toBe(true);
  });

  it("fails loudly when no input of the build carries time and hosts", async () => {
    const out = await mkdtemp(join(tmpdir(), "bd-ctx-"));
    const { fixturesDir } = await import("../test-utils/paths.js");
    await expect(
      runBuild({
        ...smallBuildOptions(out, { cic: [join(fixturesDir, "cic", "MachineLearningCVE")] }),
        only: ["cic"],
        context: { flows: 3, windowSeconds: 300, maxHosts: 100 },
      }),
    ).rejects.toThrow(/--context/);
  });
});
