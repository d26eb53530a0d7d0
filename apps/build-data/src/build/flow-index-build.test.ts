import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openFlowIndex } from "@sv/dataset";
import { createScriptedModel, toolCallReply } from "@sv/env/test";
import { loadEnvironment } from "@sv/env";
import { describe, expect, it } from "vitest";
import { smallBuildOptions, smallSources } from "../test-utils/small-build.js";
import { validateDir } from "../validate/validate-dir.js";
import { runBuild } from "./run-build.js";

const DATASET = "iot23-train-dev-test-v1";

async function buildWithIndex(workers: number) {
  const { sources } = await smallSources();
  const out = join(await mkdtemp(join(tmpdir(), "bd-flow-index-")), "out");
  await runBuild({ ...smallBuildOptions(out, sources), flowIndex: true, workers, minBytesPerWorker: 0 });
  return out;
}

describe("build-data --flow-index", () => {
  it("indexes every flow read, beside each dataset, identically whatever the worker count", async () => {
    const [one, two] = [await buildWithIndex(1), await buildWithIndex(2)];
    expect(readdirSync(one).filter((name) => /\.(building|partial)$|\.part-\d+$/.test(name))).toEqual([]);
    const index = openFlowIndex({ path: join(one, `${DATASET}.flows.sqlite`) });
    const other = openFlowIndex({ path: join(two, `${DATASET}.flows.sqlite`) });
    // Two generated captures of 240 flows each: all indexed, not only the 160 sampled.
    expect(index.size).toBe(480);
    expect(other.size).toBe(480);
    const rows = readFileSync(join(one, `${DATASET}.jsonl`), "utf8")
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as { meta: { file: string; line: number; scenario: string; hash: string } },
      );
    for (const { meta } of rows) {
      const position = index.position(meta);
      expect(position).toMatchObject({ capture: meta.scenario, hash: meta.hash });
      expect(other.position(meta)).toEqual(position);
    }
    const first = rows[0]!.meta;
    const position = index.position(first)!;
    const question = readFileSync(join(one, `${DATASET}.jsonl`), "utf8").split("\n")[0]!;
    const host = /id\.orig_h=([^,]+)/.exec(question)![1]!;
    const scope = {
      capture: position.capture,
      before: Number.POSITIVE_INFINITY,
      excludeHash: "",
      host,
      limit: 50,
    };
    const flows = index.recentFlowsOfHost(scope);
    expect(flows).toEqual(other.recentFlowsOfHost(scope));
    for (const flow of flows) expect(flow.text).not.toMatch(/Malicious|Benign|Okiru|label/i);
    index.close();
    other.close();
  }, 120_000);

  it("gives @sv/env's multi-turn mode its index by default", async () => {
    const out = await buildWithIndex(1);
    const env = await loadEnvironment({
      datasetName: DATASET,
      dataDir: out,
      envMode: "multi-turn",
      maxExamples: 3,
    });
    const model = createScriptedModel({
      replies: (request) =>
        request.messages.at(-1)!.role === "user"
          ? toolCallReply("flows_to_responder", { port: 23 })
          : '{"label": "Benign", "confidence": 0.5}',
    });
    const results = [];
    for await (const result of env.evaluate({ model })) results.push(result);
    env.close();
    expect(results).toHaveLength(3);
    for (const result of results) expect(result.tools).toMatchObject({ outcome: "answered", errors: 0 });
  }, 120_000);

  it("gives the context set the same index under its own name, so multi-turn finds it beside it", async () => {
    const { sources } = await smallSources();
    const out = join(await mkdtemp(join(tmpdir(), "bd-flow-index-")), "out");
    const options = { ...smallBuildOptions(out, sources), flowIndex: true };
    await runBuild({
      ...options,
      context: { flows: 3, windowSeconds: 5, maxHosts: 100 },
      contextSplitStrategy: "time",
    });
    const contextIndex = join(out, "iot23-context-v1.flows.sqlite");
    expect(readFileSync(contextIndex)).toEqual(readFileSync(join(out, `${DATASET}.flows.sqlite`)));
    expect((await validateDir({ dir: out })).filter((check) => !check.ok)).toEqual([]);
    const env = await loadEnvironment({
      datasetName: "iot23-context-v1",
      dataDir: out,
      envMode: "multi-turn",
      maxExamples: 2,
    });
    const model = createScriptedModel({
      replies: (request) =>
        request.messages.at(-1)!.role === "user"
          ? toolCallReply("flows_to_responder", { port: 23 })
          : '{"label": "Benign", "confidence": 0.5}',
    });
    const results = [];
    for await (const result of env.evaluate({ model })) results.push(result);
    env.close();
    expect(results).toHaveLength(2);
    for (const result of results) expect(result.tools).toMatchObject({ outcome: "answered", errors: 0 });
    // Rebuilt without --context, the context set and its index go.
    await runBuild(options);
    expect(existsSync(contextIndex)).toBe(false);
  }, 120_000);
});
