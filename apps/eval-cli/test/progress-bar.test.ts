import { startOpenAIServer } from "@sv/test-utils";
import { describe, expect, it } from "vitest";
import { MINI_DATASET, runEvalCli, scriptedAnswer } from "./eval-harness.js";

describe("pnpm eval progress", () => {
  it("draws a real bar on a terminal, its rate and ETA on the run's clock; piped output stays plain", async () => {
    // Each request takes one second of the injected clock, so at -c 1 the run goes at 1 rollout/s.
    let clock = 0;
    const server = await startOpenAIServer({
      handle: (request) => {
        clock += 1000;
        return { type: "reply", content: scriptedAnswer(String(request.messages.at(-1)?.content)) };
      },
    });
    try {
      const args = ["-m", "gpt-4.1-mini", "-b", server.baseURL, "--dataset", MINI_DATASET, "-c", "1"];
      const tty = await runEvalCli([...args, "--no-save-results"], {
        stderrIsTTY: true,
        stderrColumns: () => 200,
        clock: () => clock,
      });
      expect(tty.exitCode).toBe(0);
      const frames = tty.stderr.split("\r\x1b[2K").slice(1);
      expect(frames.length).toBeGreaterThanOrEqual(31);
      // Drawn before the first reply: nothing done, no rate, so no ETA.
      expect(frames[0]).toBe(
        "gpt-4.1-mini [░░░░░░░░░░░░░░░░░░░░░░░░] 0/30 0% 0.0/s ETA n/a reward n/a errors 0 cost $0.0000",
      );
      expect(frames.find((frame) => frame.includes(" 10/30 "))).toMatch(
        /^gpt-4\.1-mini \[████████░{16}\] 10\/30 33% 1\.0\/s ETA 20s reward -?\d\.\d{3} errors 0 cost \$0\.\d{4}$/,
      );
      expect(frames.at(-1)).toMatch(/\[█{24}\] 30\/30 100% 1\.0\/s ETA 0s .* cost \$0\.0022\n/);

      clock = 0;
      const piped = await runEvalCli([...args, "--no-save-results"], { clock: () => clock });
      expect(piped.stderr).not.toMatch(/\r|\x1b|█/);
      expect(piped.stderr).toMatch(/^gpt-4\.1-mini 0\/30 \(0%\) 0\.0\/s ETA n\/a reward n\/a /m);
      expect(piped.stderr).toMatch(/^gpt-4\.1-mini 10\/30 \(33%\) 1\.0\/s ETA 20s /m);
      expect(piped.stderr).not.toMatch(/ [1-9]\/30 /);
      expect(piped.stderr).toMatch(/^gpt-4\.1-mini 30\/30 \(100%\) 1\.0\/s ETA 0s /m);
    } finally {
      await server.close();
    }
  });
});
