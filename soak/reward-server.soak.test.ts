import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRubric, toScoreLine } from "@sv/rubric";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FuzzRequest, fuzzRequests } from "./reward-server/fuzz-requests.js";
import { scaled } from "./soak-scale.js";

const repoRoot = resolve(import.meta.dirname, "..");
const BODY_LIMIT = 64 * 1024;
const CONCURRENCY = 16;

interface Answer {
  status: number;
  text: string;
}

function send(agent: Agent, base: URL, fuzz: FuzzRequest): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const headers: Record<string, string | number> = {};
    if (fuzz.body) {
      headers["content-type"] = fuzz.contentType ?? "application/json";
      headers["content-length"] = fuzz.body.length;
    }
    const outgoing = request(
      new URL(fuzz.path, base),
      { method: fuzz.method, agent, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolvePromise({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(fuzz.body);
  });
}

function check(
  fuzz: FuzzRequest,
  answer: Answer,
  rubric: ReturnType<typeof createRubric>,
): string | undefined {
  if (!fuzz.allowed.includes(answer.status))
    return `status ${answer.status}, expected ${fuzz.allowed.join("/")}`;
  if (fuzz.path.startsWith("/v1/prompts") && answer.status === 200) {
    for (const line of answer.text.split("\n")) if (line) JSON.parse(line);
    return undefined;
  }
  if (fuzz.path.startsWith("/metrics") && answer.status === 200) return undefined;
  const body = JSON.parse(answer.text);
  if (answer.status >= 400) {
    if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string")
      return "no error code/message";
    if (fuzz.names && !body.error.issues?.some((issue: { path: string }) => issue.path === fuzz.names)) {
      return `error does not name ${fuzz.names}: ${body.error.message}`;
    }
    return undefined;
  }
  if (fuzz.kind === "valid-score") {
    const { items } = JSON.parse(fuzz.body!.toString("utf8")) as {
      items: { completion: unknown; answer: never }[];
    };
    const expected = items.map((item) => toScoreLine(rubric.score(item)));
    if (JSON.stringify(body.results) !== JSON.stringify(expected)) return "results differ from the rubric's";
  }
  if (fuzz.kind === "valid-reward" && body.rewards.length !== fuzz.items) return "wrong number of rewards";
  return undefined;
}

describe("reward server soak", () => {
  let child: ChildProcess;
  let base: URL;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "sv-serve-soak-"));
    const { HF_TOKEN: _token, SV_SERVER_TOKEN: _serverToken, ...env } = process.env;
    child = spawn(
      process.execPath,
      [
        ...["--conditions=@sv/source", "--import", "tsx", join(repoRoot, "apps/reward-server/src/bin.ts")],
        ...["--port", "0", "--body-limit", String(BODY_LIMIT), "--data-dir", dataDir],
      ],
      { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    base = await new Promise<URL>((resolvePromise, reject) => {
      let text = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
        if (text.includes("\n")) resolvePromise(new URL(text.trim()));
      });
      child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 10^5 fuzzed requests with no 5xx, every error naming its field, and still scores right", async () => {
    const count = scaled(100_000);
    const rubric = createRubric();
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const requests = fuzzRequests({ seed: 20261201, count, bodyLimit: BODY_LIMIT });
    const failures: string[] = [];
    const byKind = new Map<string, number>();
    let answered = 0;
    const worker = async () => {
      for (let next = requests.next(); !next.done; next = requests.next()) {
        const fuzz = next.value;
        byKind.set(fuzz.kind, (byKind.get(fuzz.kind) ?? 0) + 1);
        let answer: Answer;
        try {
          answer = await send(agent, base, fuzz);
        } catch (error) {
          // The server may close a connection after refusing an oversized body unread; that is an answer.
          if (fuzz.kind === "oversized") continue;
          failures.push(`${fuzz.kind} ${fuzz.method} ${fuzz.path}: ${(error as Error).message}`);
          continue;
        }
        answered++;
        let problem: string | undefined;
        try {
          problem = check(fuzz, answer, rubric);
        } catch (error) {
          problem = `unreadable answer (${(error as Error).message})`;
        }
        if (problem && failures.length < 20) {
          failures.push(`${fuzz.kind} ${fuzz.method} ${fuzz.path}: ${problem}: ${answer.text.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(count * 0.9);
    expect(byKind.get("valid-score")).toBeGreaterThan(0);
    expect(child.exitCode).toBeNull();

    const health = await fetch(new URL("/health", base));
    expect(health.status).toBe(200);
    const metrics = await (await fetch(new URL("/metrics", base))).text();
    expect(metrics).not.toMatch(/status="5\d\d"/);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
