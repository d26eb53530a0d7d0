import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFlowIndexWriter, type Flow, flowHash, renderQuestion, toIndexedFlow } from "@sv/dataset";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startEvalChild } from "./cli-child.js";
import { readJsonl, runEvalCli } from "./eval-harness.js";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FILE = "CTU-8/conn.log.labeled";
const EXAMPLES = 6;

const flow = (index: number): Flow => ({
  ts: 100 + index * 10,
  "id.orig_h": `10.2.0.${1 + (index % 2)}`,
  "id.orig_p": 2000 + index,
  "id.resp_h": "9.9.9.9",
  "id.resp_p": index % 3 === 0 ? 80 : 23,
  proto: "tcp",
});

/** Six examples (lines 3..8) of one capture of ten flows, with its flow index beside the dataset. */
function writeDatasetWithIndex(dir: string): string {
  const flows = Array.from({ length: 10 }, (_, index) => flow(index));
  const path = join(dir, "ctu-resume-v1.jsonl");
  const rows = Array.from({ length: EXAMPLES }, (_, position) => {
    const line = position + 3;
    return {
      question: renderQuestion(flows[line - 1]!),
      answer: position % 2 === 0 ? "Malicious" : "Benign",
      meta: {
        source: "iot23",
        scenario: "CTU-8",
        hash: flowHash(flows[line - 1]!),
        split: "test",
        file: FILE,
        line,
      },
    };
  });
  writeFileSync(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
  const writer = createFlowIndexWriter({ path: join(dir, "ctu-resume-v1.flows.sqlite") });
  flows.forEach((entry, index) => {
    writer.add(toIndexedFlow({ capture: "CTU-8", flow: entry, file: FILE, line: index + 1 })!);
  });
  writer.close();
  return path;
}

/** The host named in a single-flow question (`id.orig_h=…`). */
const hostOf = (text: string) => /id\.orig_h=([\d.]+)/.exec(text)![1]!;

describe("pnpm eval --env-mode multi-turn, interrupted and resumed", () => {
  it("an interrupted multi-turn run resumes to every example once, each with its tool record, transcript and tool charge", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let answered = 0;
    server = await startOpenAIServer({
      handle: async (request) => {
        const last = request.messages.at(-1)!;
        if (last.role === "user") {
          // Two tool calls in one turn: each is charged.
          const host = hostOf(String(last.content));
          return {
            type: "tool-calls",
            calls: [
              { id: "a", name: "recent_flows_of_host", arguments: { host } },
              { id: "b", name: "flows_to_responder", arguments: { port: 23 } },
            ],
          };
        }
        if (++answered > 2) await gate; // the first process hangs after two conversations
        return { type: "reply", content: '{"label": "Malicious", "confidence": 0.9}' };
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-mt-resume-"));
    const dataset = writeDatasetWithIndex(cwd);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--loopback/mtr");
    const results = join(dir, "results.jsonl");
    const args = [
      "-m",
      "loopback",
      "-b",
      server.baseURL,
      "--dataset",
      dataset,
      "--split",
      "all",
      "--env-mode",
      "multi-turn",
      "--max-turns",
      "3",
      "-a",
      '{"costs": {"toolCall": -0.05}}',
      "-c",
      "1",
      "--request-timeout",
      "0",
      "--run-id",
      "mtr",
    ];
    const child = startEvalChild(args, cwd);
    let exit: Awaited<typeof child.exited>;
    try {
      await vi.waitFor(
        () => {
          let count = 0;
          try {
            count = readJsonl(results).length;
          } catch {
            // not written yet
          }
          expect(count).toBe(2);
        },
        { timeout: 90_000, interval: 50 },
      );
      child.child.kill("SIGINT");
      exit = await child.exited;
    } finally {
      child.child.kill("SIGKILL");
    }
    expect(exit.stderr).toMatch(/pnpm eval --resume/);
    const stopped = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"));
    expect(stopped.status).not.toBe("complete");
    const before = readJsonl(results);
    expect(before).toHaveLength(2);
    release();

    const resumed = await runEvalCli(["--resume", dir, "-b", server.baseURL], { cwd });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    const rows = readJsonl(results);
    expect(rows).toHaveLength(EXAMPLES);
    expect(new Set(rows.map((row) => row.example_id)).size).toBe(EXAMPLES);
    // The lines written before the interrupt are kept as they were.
    expect(rows.slice(0, 2)).toEqual(before);
    for (const row of rows as {
      completion: { role: string; content?: string; tool_calls?: unknown[] }[];
      tools: Record<string, unknown>;
      reward: number;
      answer: string;
    }[]) {
      expect(row.completion.map((message) => message.role)).toEqual([
        "assistant",
        "tool",
        "tool",
        "assistant",
      ]);
      expect(row.completion[0]!.tool_calls).toHaveLength(2);
      expect(row.completion[1]!.content).toMatch(/earlier flow\(s\) from host 10\.2\.0\.[12]/);
      expect(JSON.stringify(row.completion.slice(1, -1))).not.toMatch(/label|attack_family|Malicious|Benign/);
      expect(row.tools).toMatchObject({ turns: 2, maxTurns: 3, outcome: "answered", errors: 0 });
      // Two tool calls at -0.05 each.
      expect(row.tools.cost).toBeCloseTo(-0.1);
      const correct = row.answer === "Malicious";
      const expected = correct ? 1 + 0.1 + 0.2 * 0.9 + 0.5 - 0.1 : 0.1 + 0.2 * (1 - 0.9) - 0.1;
      expect(row.reward).toBeCloseTo(expected);
    }
    const metadata = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"));
    expect(metadata.status).toBe("complete");
    expect(JSON.stringify(metadata)).toMatch(/multi-turn/);
    // The rollout detail (report.html) shows each conversation, tool calls included.
    const report = readFileSync(join(dir, "report.html"), "utf8");
    expect(report).toContain("recent_flows_of_host");
    expect(report).toContain("flows_to_responder");
  }, 180_000);
});
