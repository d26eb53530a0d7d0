import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { metricValue, requestOnce, serverChildren, startServerBin, waitUntil } from "./server-bin.js";

const TOKEN = "workers-test-token";
const auth = { authorization: `Bearer ${TOKEN}` };
const item = { completion: '{"label": "Benign", "confidence": 0.5}', answer: 0 };
const scoreBody = JSON.stringify({ items: [item] });
const series = (status: number) =>
  `sv_reward_server_requests_total{route="/v1/score",method="POST",status="${status}"}`;

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

/** Resolves once a new connection to `url` is refused (the listening socket is closed). */
async function waitUntilRefused(url: URL): Promise<void> {
  await waitUntil(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(Number(url.port), url.hostname);
        socket.once("connect", () => {
          socket.destroy();
          resolve(false);
        });
        socket.once("error", () => resolve(true));
      }),
  );
}

describe("pnpm serve --workers 2", { timeout: 180_000 }, () => {
  it("answers on one port from every worker with the token and the body limit in each, sums /metrics over the workers, and drains every worker on SIGTERM (exit 0)", async () => {
    const server = startServerBin(["--port", "0", "--workers", "2", "--body-limit", "1kb"], {
      SV_SERVER_TOKEN: TOKEN,
    });
    const url = await server.url;
    const score = new URL("/v1/score", url);
    expect(server.stdout()).toBe(`${url.origin}\n`);
    const workers = serverChildren(server.child.pid!);
    expect(workers).toHaveLength(2);

    // Each request on a new connection: the cluster hands them to the workers in turn.
    const big = JSON.stringify({ items: Array.from({ length: 40 }, () => item) });
    for (let round = 0; round < 6; round++) {
      expect((await requestOnce(score, { method: "POST", body: scoreBody })).status).toBe(401);
      const answered = await requestOnce(score, { method: "POST", body: scoreBody, headers: auth });
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.text).results[0].rewards.accuracy).toBe(1);
      const tooLarge = await requestOnce(score, { method: "POST", body: big, headers: auth });
      expect(tooLarge.status).toBe(413);
      expect(JSON.parse(tooLarge.text).error.code).toBe("body_too_large");
    }
    expect((await requestOnce(new URL("/metrics", url))).status).toBe(401);
    // Whichever worker answers a scrape, it shows the counts of both.
    for (let scrape = 0; scrape < 4; scrape++) {
      const metrics = await requestOnce(new URL("/metrics", url), { headers: auth });
      expect(metrics.status).toBe(200);
      expect(metricValue(metrics.text, series(200))).toBe(6);
      expect(metricValue(metrics.text, series(401))).toBe(6);
      expect(metricValue(metrics.text, series(413))).toBe(6);
      expect(metricValue(metrics.text, 'sv_reward_server_items_scored_total{route="/v1/score"}')).toBe(6);
    }

    // A request in flight (headers and half its body sent), then SIGTERM to the primary.
    const socket = connect(Number(url.port), url.hostname);
    await once(socket, "connect");
    const response = readResponse(socket);
    const half = Math.floor(scoreBody.length / 2);
    socket.write(
      `POST /v1/score HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${scoreBody.length}\r\n\r\n${scoreBody.slice(0, half)}`,
    );
    await waitUntil(async () => {
      const metrics = await requestOnce(new URL("/metrics", url), { headers: auth });
      return metricValue(metrics.text, "sv_reward_server_in_flight_requests") === 2; // it and the scrape
    });
    server.child.kill("SIGTERM");
    await waitUntil(() => server.stderr().includes("SIGTERM: finishing in-flight requests in 2 workers"));
    await waitUntilRefused(url);

    socket.write(scoreBody.slice(half));
    const text = await response;
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4)).results[0].rewards.accuracy).toBe(1);
    socket.end();
    expect(await server.exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    expect(server.stderr()).not.toContain(TOKEN);
  });

  it("replaces a worker that crashes, keeping its counts in /metrics; a taken port is one error line and exit 1", async () => {
    const server = startServerBin(["--port", "0", "--workers", "2"]);
    const url = await server.url;
    const score = new URL("/v1/score", url);
    for (let round = 0; round < 4; round++) {
      expect((await requestOnce(score, { method: "POST", body: scoreBody })).status).toBe(200);
    }
    // A scrape makes the primary collect both workers' counts (and keep them).
    const before = await requestOnce(new URL("/metrics", url));
    expect(metricValue(before.text, series(200))).toBe(4);

    const [victim, survivor] = serverChildren(server.child.pid!);
    process.kill(victim!, "SIGKILL");
    await waitUntil(() => server.stderr().includes("was killed by SIGKILL; starting a new worker"));
    await waitUntil(() => {
      const now = serverChildren(server.child.pid!);
      return now.length === 2 && !now.includes(victim!) && now.includes(survivor!);
    });
    // The new worker answers too (connections alternate between the two), and the dead worker's
    // requests still count: the totals never go down.
    let answered = 4;
    await waitUntil(async () => {
      const results = await Promise.all(
        [0, 1, 2, 3].map(() =>
          requestOnce(score, { method: "POST", body: scoreBody }).catch(() => undefined),
        ),
      );
      answered += results.filter((result) => result?.status === 200).length;
      return results.every((result) => result?.status === 200);
    });
    const metrics = await requestOnce(new URL("/metrics", url));
    expect(metricValue(metrics.text, series(200))).toBe(answered);

    const taken = startServerBin(["--port", url.port, "--workers", "2"]);
    expect(await taken.exited).toBe(1);
    expect(taken.stderr()).toBe("error: cannot listen: EADDRINUSE\n");
    expect(taken.stdout()).toBe("");

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("refuses --workers that is not a positive integer or auto", async () => {
    const bad = startServerBin(["--workers", "0"]);
    expect(await bad.exited).toBe(1);
    expect(bad.stderr()).toMatch(/--workers.*must be a positive integer or auto/);
  });
});
