import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./eval/cli-child.js";
import { echoCredentials, startEchoHub } from "./eval/echo-secrets.js";
import { allFiles, readJson } from "./eval/read-run.js";
import { questionOf, scriptedReply } from "./eval/scripted-reply.js";
import { writeSoakDataset } from "./eval/write-dataset.js";
import { scaled } from "./soak-scale.js";

/** One sentinel per way a secret can reach the CLI; none may appear in any output. */
const SENTINELS = {
  openaiKey: "sk-SOAKOPENAIKEY-0001-must-not-leak",
  customKey: "sk-SOAKCUSTOMKEY-0002-must-not-leak",
  dotenvKey: "sk-SOAKDOTENVKEY-0003-must-not-leak",
  urlPassword: "SOAKURLPASSWORD0004mustnotleak",
  urlQuery: "SOAKURLQUERYKEY0005mustnotleak",
  hfToken: "hf_SOAK-HFTOKEN-0006-must-not-leak",
} as const;
type SentinelName = keyof typeof SENTINELS;

/** The forms a sentinel could take in a file or a log line. */
function leakForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(`soakuser:${secret}`).toString("base64")];
}

interface Case {
  name: string;
  /** `reject`: the endpoint answers 401 with the credentials echoed; `answer`: normal replies. */
  mode: "reject" | "answer";
  /** Extra arguments; `{base}`, `{userinfo}`, `{query}`, `{refused}`, `{hub}` are filled in. */
  args: string[];
  env?: Record<string, string>;
  dotenv?: string;
  /** A secret the servers must have received (so the echo path really carried it back). */
  reaches?: SentinelName;
  /** A leak found by this suite and not fixed yet: the case is expected to fail (`it.fails`). */
  knownLeak?: string;
}

const CASES: Case[] = [
  {
    name: "OPENAI_API_KEY, 401 echoing it",
    mode: "reject",
    args: ["-b", "{base}"],
    env: { OPENAI_API_KEY: SENTINELS.openaiKey },
    reaches: "openaiKey",
  },
  {
    name: "-k custom variable, 401 echoing it",
    mode: "reject",
    args: ["-b", "{base}", "-k", "SV_SOAK_KEY"],
    env: { SV_SOAK_KEY: SENTINELS.customKey },
    reaches: "customKey",
  },
  {
    name: "key in .env, 401 echoing it",
    mode: "reject",
    args: ["-b", "{base}"],
    dotenv: `OPENAI_API_KEY=${SENTINELS.dotenvKey}\n`,
    reaches: "dotenvKey",
  },
  {
    name: "password in the base URL's userinfo, 401 echoing credentials",
    mode: "reject",
    args: ["-b", "{userinfo}"],
  },
  {
    name: "password in the base URL's userinfo, connection refused",
    mode: "reject",
    args: ["-b", "{refused}"],
  },
  {
    name: "key in the base URL's query, 404/401 echoing the URL",
    mode: "reject",
    args: ["-b", "{query}"],
    reaches: "urlQuery",
  },
  {
    name: "HF_TOKEN against a Hub answering 401 with it echoed",
    mode: "reject",
    args: ["--dataset-source", "hub", "-b", "{base}"],
    env: { HF_TOKEN: SENTINELS.hfToken, HF_ENDPOINT: "{hub}" },
    reaches: "hfToken",
  },
  {
    name: "every secret at once, successful run",
    mode: "answer",
    args: ["-b", "{base}", "-k", "SV_SOAK_KEY"],
    env: {
      OPENAI_API_KEY: SENTINELS.openaiKey,
      SV_SOAK_KEY: SENTINELS.customKey,
      HF_TOKEN: SENTINELS.hfToken,
      HF_ENDPOINT: "{hub}",
    },
    dotenv: `OPENAI_API_KEY=${SENTINELS.dotenvKey}\n`,
    reaches: "customKey",
  },
];

let server: OpenAIServer;
let hub: Awaited<ReturnType<typeof startEchoHub>>;
let mode: Case["mode"] = "reject";
const echoes: string[] = [];
const count = scaled(50);

beforeAll(async () => {
  server = await startOpenAIServer({
    record: false,
    handle: (request, context) => {
      const echo = echoCredentials(context.headers, context.url);
      echoes.push(echo);
      return mode === "answer"
        ? { type: "reply", content: scriptedReply(questionOf(request)) }
        : { type: "status", status: 401, message: `Incorrect API key provided: ${echo}` };
    },
  });
  hub = await startEchoHub({ onEcho: (echo) => echoes.push(echo) });
});
afterAll(async () => {
  await server.close();
  await hub.close();
});

async function runCase(testCase: Case): Promise<void> {
  mode = testCase.mode;
  echoes.length = 0;
  const cwd = mkdtempSync(join(tmpdir(), "sv-soak-secrets-"));
  writeSoakDataset({ count, path: join(cwd, "secrets.jsonl") });
  if (testCase.dotenv) writeFileSync(join(cwd, ".env"), testCase.dotenv);
  const base = new URL(server.baseURL);
  const fill = (text: string) =>
    text
      .replace("{base}", server.baseURL)
      .replace("{userinfo}", `http://soakuser:${SENTINELS.urlPassword}@${base.host}${base.pathname}`)
      .replace("{refused}", `http://soakuser:${SENTINELS.urlPassword}@127.0.0.1:9/v1`)
      .replace("{query}", `${server.baseURL}?api_key=${SENTINELS.urlQuery}`)
      .replace("{hub}", hub.endpoint);
  const hubCase = testCase.args.includes("hub");
  const datasetArgs = hubCase ? [] : ["--dataset", join(cwd, "secrets.jsonl"), "--split", "all"];
  const run = await runCli({
    cwd,
    env: Object.fromEntries(Object.entries(testCase.env ?? {}).map(([name, value]) => [name, fill(value)])),
    args: [
      ...["-m", "secret-model", "-v", "--run-id", "secrets", "--output-dir", "out", "--request-retries", "1"],
      ...["--max-consecutive-errors", "0", ...datasetArgs, ...testCase.args.map(fill)],
    ],
  });

  const outputs: [string, string][] = [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
    ...allFiles(cwd)
      .filter((path) => !path.endsWith(".env"))
      .map((path): [string, string] => [path, readFileSync(path, "utf8")]),
  ];
  for (const [where, text] of outputs) {
    for (const [name, secret] of Object.entries(SENTINELS)) {
      for (const form of leakForms(secret)) {
        expect(text.includes(form), `${name} (${form}) found in ${where}`).toBe(false);
      }
    }
  }
  if (testCase.reaches) {
    const secret = SENTINELS[testCase.reaches];
    expect(echoes.some((echo) => leakForms(secret).some((form) => echo.includes(form)))).toBe(true);
  }
  // The run got as far as it should: the hub case fails on the dataset, the others record every rollout.
  if (hubCase) {
    expect(run.exitCode, run.stderr).toBe(2);
    return;
  }
  // A run in which every rollout failed (the server refuses each request) exits 1.
  expect(run.exitCode, run.stderr).toBe(testCase.mode === "reject" ? 1 : 0);
  const summary = readJson(
    join(cwd, "out", "evals", "sv-env-network-logs--secret-model", "secrets", "summary.json"),
  );
  expect(summary).toMatchObject({ n_rollouts: count, n_errors: testCase.mode === "reject" ? count : 0 });
  expect(existsSync(join(cwd, "out"))).toBe(true);
}

describe("eval secrets soak", () => {
  for (const testCase of CASES) {
    const name = `${testCase.name}: no output file, stdout or stderr holds a secret`;
    if (testCase.knownLeak) it.fails(`${name} (KNOWN LEAK: ${testCase.knownLeak})`, () => runCase(testCase));
    else it(name, () => runCase(testCase));
  }
});
