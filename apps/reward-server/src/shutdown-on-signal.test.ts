import { describe, expect, it } from "vitest";
import type { StartedServer } from "./cli.js";
import { createShutdown } from "./shutdown-on-signal.js";

function fakeServer(cluster: boolean) {
  const calls: string[] = [];
  let finish!: (code: number) => void;
  const stopped = new Promise<number>((resolve) => {
    finish = resolve;
  });
  const base = {
    url: "http://127.0.0.1:1",
    close: async () => {
      calls.push("close");
      if (cluster) await stopped;
    },
  };
  const server = cluster
    ? { ...base, stopped, workerPids: () => [1, 2], kill: () => calls.push("kill") }
    : (base as unknown as StartedServer);
  return { server: server as StartedServer, calls, finish };
}

describe("createShutdown", () => {
  it("drains on the first signal and exits 0; a second signal exits 1 at once", async () => {
    const { server, calls } = fakeServer(false);
    const exits: number[] = [];
    let stderr = "";
    const shutdown = createShutdown({
      server,
      stderr: { write: (text: string) => (stderr += text) },
      exit: (code) => exits.push(code),
    });
    shutdown.onSignal("SIGTERM");
    expect(stderr).toBe("SIGTERM: finishing in-flight requests\n");
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(["close"]);
    expect(exits).toEqual([0]);
    shutdown.onSignal("SIGINT");
    expect(exits).toEqual([0, 1]);
  });

  it("a primary exits with its workers' code, and kills them on a second signal", async () => {
    const { server, calls, finish } = fakeServer(true);
    const exits: number[] = [];
    let stderr = "";
    const shutdown = createShutdown({
      server,
      stderr: { write: (text: string) => (stderr += text) },
      exit: (code) => exits.push(code),
    });
    shutdown.onSignal("SIGINT");
    expect(stderr).toBe("SIGINT: finishing in-flight requests in 2 workers\n");
    shutdown.onSignal("SIGINT");
    expect(calls).toEqual(["close", "kill"]);
    expect(exits).toEqual([1]);
    finish(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1, 1]);
  });

  it("a worker told to stop by its primary and hit by the same Ctrl-C drains, quietly, without escalating", async () => {
    const { server, calls } = fakeServer(false);
    const exits: number[] = [];
    let stderr = "";
    const shutdown = createShutdown({
      server,
      stderr: { write: (text: string) => (stderr += text) },
      exit: (code) => exits.push(code),
      quiet: true,
    });
    shutdown.request();
    shutdown.onSignal("SIGINT");
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(["close"]);
    expect(exits).toEqual([0]);
    expect(stderr).toBe("");
  });
});
