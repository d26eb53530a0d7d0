import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { get } from "node:http";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers.js";

function startBin(env: NodeJS.ProcessEnv = {}): {
  child: ChildProcess;
  url: Promise<URL>;
  stderr: () => string;
} {
  const child = spawn(
    process.execPath,
    [
      "--conditions=@sv/source",
      "--import",
      "tsx",
      join(repoRoot, "apps/reward-server/src/bin.ts"),
      "--port",
      "0",
    ],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const url = new Promise<URL>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (stdout.includes("\n")) resolve(new URL(stdout.trim()));
    });
    child.once("exit", (code) =>
      reject(new Error(`server exited (${code}) before printing its URL: ${stderr}`)),
    );
  });
  return { child, url, stderr: () => stderr };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** GET on a connection of its own, closed after the answer (so it cannot hold the server open). */
function getText(url: URL): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
      });
      response.on("end", () => resolve(text));
    }).on("error", reject);
  });
}

/** Poll /metrics until `count` requests besides the poll itself are being handled. */
async function waitForInFlight(url: URL, count: number): Promise<void> {
  for (;;) {
    const text = await getText(new URL("/metrics", url));
    if (text.includes(`sv_reward_server_in_flight_requests ${count + 1}\n`)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function readResponse(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const end = text.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(text);
      if (end >= 0 && length && text.length >= end + 4 + Number(length[1])) resolve(text);
    });
    socket.on("end", () => resolve(text));
  });
}

describe("the server process", { timeout: 90_000 }, () => {
  it("prints only its URL on stdout, then on SIGTERM stops accepting, finishes in-flight work and exits 0", async () => {
    const { child, url: urlPromise, stderr } = startBin({ SV_SERVER_TOKEN: "" });
    const url = await urlPromise;
    expect(url.hostname).toBe("127.0.0.1");
    expect(Number(url.port)).toBeGreaterThan(0);

    const body = JSON.stringify({
      items: [{ completion: '{"label": "Benign", "confidence": 0.5}', answer: 0 }],
    });
    const socket = connect(Number(url.port), url.hostname);
    await once(socket, "connect");
    const response = readResponse(socket);
    const half = Math.floor(body.length / 2);
    socket.write(
      `POST /v1/score HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`,
    );
    // The request is in flight (headers and half the body read); now ask the server to stop.
    await waitForInFlight(url, 1);
    child.kill("SIGTERM");
    await waitFor(() => stderr().includes("SIGTERM"));

    const refused = connect(Number(url.port), url.hostname);
    const [error] = (await once(refused, "error")) as [NodeJS.ErrnoException];
    // Refused once the listener is closed; reset when the kernel queued the connection just before.
    expect(["ECONNREFUSED", "ECONNRESET"]).toContain(error.code);

    socket.write(body.slice(half));
    const text = await response;
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4)).results[0].rewards.accuracy).toBe(1);
    socket.end();
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("exits 1 with one error line when the port is taken, and 1 with usage for a bad flag", async () => {
    const first = startBin();
    const url = await first.url;
    const second = spawn(
      process.execPath,
      [
        "--conditions=@sv/source",
        "--import",
        "tsx",
        join(repoRoot, "apps/reward-server/src/bin.ts"),
        "--port",
        url.port,
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let secondErr = "";
    second.stderr.on("data", (chunk: Buffer) => {
      secondErr += chunk.toString("utf8");
    });
    const [code] = await once(second, "exit");
    expect(code).toBe(1);
    expect(secondErr.trim()).toBe("error: cannot listen: EADDRINUSE");
    first.child.kill("SIGTERM");
    expect((await once(first.child, "exit"))[0]).toBe(0);

    const bad = spawn(
      process.execPath,
      [
        "--conditions=@sv/source",
        "--import",
        "tsx",
        join(repoRoot, "apps/reward-server/src/bin.ts"),
        "--port",
        "http",
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let badErr = "";
    bad.stderr.on("data", (chunk: Buffer) => {
      badErr += chunk.toString("utf8");
    });
    expect((await once(bad, "exit"))[0]).toBe(1);
    expect(badErr).toMatch(/--port.*must be an integer from 0 to 65535/);
  });
});
