import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { emptySnapshot } from "../metrics/metrics-snapshot.js";
import { createServerMetrics } from "../metrics/server-metrics.js";
import { createWorkerLink } from "./worker-link.js";

function fakeChannel() {
  const emitter = new EventEmitter();
  const sent: unknown[] = [];
  return {
    sent,
    fromPrimary: (message: unknown) => emitter.emit("message", message),
    channel: {
      connected: true,
      send: (message: unknown) => sent.push(message),
      on: (event: "message", listener: (message: unknown) => void) => emitter.on(event, listener),
    },
  };
}

describe("createWorkerLink", () => {
  it("asks the primary for the summed counts and answers its requests for this worker's own", async () => {
    const { channel, sent, fromPrimary } = fakeChannel();
    const link = createWorkerLink(channel);
    const metrics = createServerMetrics();
    metrics.addItems("/v1/score", 3);
    link.answerSnapshots(metrics);

    fromPrimary({ sv: "snapshot-request", id: 7 });
    expect(sent).toEqual([{ sv: "snapshot", id: 7, snapshot: metrics.snapshot() }]);

    const summed = link.metricsSnapshot();
    expect(sent[1]).toEqual({ sv: "metrics-request", id: 1 });
    const total = { ...emptySnapshot(), items: [["/v1/score", 9]] as [string, number][] };
    fromPrimary({ sv: "metrics", id: 99, snapshot: emptySnapshot() }); // not ours: ignored
    fromPrimary({ sv: "metrics", id: 1, snapshot: total });
    expect(await summed).toEqual(total);
    fromPrimary({ cmd: "NODE_CLUSTER" }); // Node's own traffic on the channel is left alone
    expect(sent).toHaveLength(2);
  });

  it("remembers a shutdown that came before the server was ready", () => {
    const { channel, fromPrimary } = fakeChannel();
    const link = createWorkerLink(channel);
    fromPrimary({ sv: "shutdown" });
    let stopped = 0;
    link.onShutdown(() => stopped++);
    expect(stopped).toBe(1);

    const later = createWorkerLink(fakeChannel().channel);
    later.onShutdown(() => stopped++);
    expect(stopped).toBe(1);
  });

  it("sends nothing once the channel is closed", () => {
    const { channel, sent } = fakeChannel();
    channel.connected = false;
    createWorkerLink(channel).reportListening("http://127.0.0.1:1");
    expect(sent).toEqual([]);
  });
});
