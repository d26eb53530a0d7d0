import { mkdir, mkdtemp, realpath, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFakeRun } from "../../../test/browser/fake-run.js";
import { reportRunDir } from "../../report/report-run-dir.js";
import { createOutputsServer } from "./outputs-server.js";

interface Reply {
  status: number;
  type: string;
  body: string;
}

let port = 0;
let root = "";
const server = { close: () => {} };

/** A raw request: the target goes on the wire exactly as given (no client-side normalisation). */
function get(target: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        path: target,
        method: options.method ?? "GET",
        headers: { host: options.host ?? `127.0.0.1:${port}` },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

beforeAll(async () => {
  const base = await realpath(await mkdtemp(join(tmpdir(), "sv-view-")));
  root = join(base, "evals");
  await writeFile(join(base, "secret.txt"), "TOP-SECRET");
  await mkdir(join(base, "outside"), { recursive: true });
  await writeFile(join(base, "outside", "secret.txt"), "TOP-SECRET");
  const run = await writeFakeRun({
    dir: join(root, "sv-env-network-logs--acme--a", "r1"),
    seed: 1,
    examples: 20,
  });
  await reportRunDir({ dir: run, resamples: 10 });
  await writeFakeRun({ dir: join(root, "sv-env-network-logs--acme--b", "r 2"), seed: 2, examples: 5 });
  await mkdir(join(root, "comparisons", "abc"), { recursive: true });
  await writeFile(join(root, "comparisons", "abc", "comparison.html"), "<!doctype html><title>c</title>");
  await writeFile(join(root, ".env"), "OPENAI_API_KEY=sk-nope");
  await symlink(join(base, "secret.txt"), join(root, "link-to-secret.txt"));
  await symlink(join(base, "outside"), join(root, "link-to-outside"));
  await symlink(join(run, "report.html"), join(root, "link-inside.html"));
  const http = createOutputsServer({ root });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  port = (http.address() as AddressInfo).port;
  server.close = () => http.close();
});

afterAll(() => server.close());

describe("eval view server", () => {
  it("serves an index of runs and comparisons", async () => {
    const index = await get("/");
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/text\/html/);
    expect(index.body).toContain('href="/sv-env-network-logs--acme--a/r1/report.html"');
    expect(index.body).toContain("sv-env-network-logs--acme--b/r 2");
    expect(index.body).toContain("no report.html yet");
    expect(index.body).toContain('href="/comparisons/abc/comparison.html"');
    expect(index.body).toContain("acme/sentinel-7b");
  });

  it("serves reports and files inside the directory", async () => {
    const report = await get("/sv-env-network-logs--acme--a/r1/report.html");
    expect(report.status).toBe(200);
    expect(report.type).toMatch(/text\/html/);
    expect(report.body).toContain('data-chart="reliability"');
    expect((await get("/sv-env-network-logs--acme--b/r%202/metadata.json")).status).toBe(200);
    expect((await get("/link-inside.html")).status).toBe(200);
    expect((await get("/sv-env-network-logs--acme--a/r1/report.html", { method: "HEAD" })).status).toBe(200);
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/sv-env-network-logs--acme--a/..%2f..%2fsecret.txt",
    "/sv-env-network-logs--acme--a/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/..%5csecret.txt",
    "/%252e%252e/secret.txt",
    "/link-to-secret.txt",
    "/link-to-outside/secret.txt",
    "/.env",
    "/%2eenv",
    "/secret.txt%00.html",
    "/%E0%A4%A",
    "//etc/passwd",
    "/etc/passwd",
    "secret.txt",
  ])("refuses %s", async (target) => {
    const reply = await get(target);
    expect([400, 403, 404]).toContain(reply.status);
    expect(reply.body).not.toContain("TOP-SECRET");
    expect(reply.body).not.toContain("sk-nope");
  });

  it("rejects dot segments before touching the file system", async () => {
    for (const target of [
      "/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/a/%2e%2e%5c%2e%2e%5csecret.txt",
      "/x%00y",
    ]) {
      expect((await get(target)).status, target).toBe(400);
    }
    expect((await get("/.env")).status).toBe(403);
  });

  it("never leaks a file outside the directory for any encoded path", async () => {
    const segment = fc.constantFrom(
      "..",
      "%2e%2e",
      "%2E%2e",
      ".%2e",
      "%2e.",
      "..%2f",
      "%2f",
      "%5c",
      "secret.txt",
      "outside",
      "link-to-outside",
      "a",
      "%00",
      ".",
      "%2e",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), async (segments) => {
        const reply = await get(`/${segments.join("/")}`);
        expect(reply.body).not.toContain("TOP-SECRET");
      }),
      { numRuns: 150 },
    );
  });

  it("is read-only and answers only to loopback host names", async () => {
    expect((await get("/", { method: "POST" })).status).toBe(405);
    expect((await get("/sv-env-network-logs--acme--a/r1/report.html", { method: "DELETE" })).status).toBe(
      405,
    );
    expect((await get("/", { host: "evil.example:80" })).status).toBe(403);
    expect((await get("/", { host: `localhost:${port}` })).status).toBe(200);
  });
});
