import { once } from "node:events";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { serve } from "../src/serve.js";

const body = JSON.stringify({ items: [{ completion: '{"label": "Benign", "confidence": 0.5}', answer: 0 }] });
const post = (host: string) =>
  `POST /v1/score HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;

describe("close()", () => {
  it("finishes the request in flight and answers one arriving meanwhile with 503 shutting_down", async () => {
    const server = await serve({ port: 0, log: () => {} });
    const { host, port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    await once(socket, "connect");
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    socket.write(post(host) + body.slice(0, 10));
    while (!server.metrics.render().includes("sv_reward_server_in_flight_requests 1\n")) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const closed = server.close();
    // The rest of the first body, then a second request pipelined on the same connection.
    socket.write(body.slice(10) + post(host) + body);
    await closed;
    await once(socket, "close");
    const answers = text.split(/(?=HTTP\/1\.1 )/);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503/);
    expect(answers[1]).toContain('{"error":{"code":"shutting_down"');
  });
});
