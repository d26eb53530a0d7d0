/** What the evaluation command reads and writes outside its flags; injected so tests are deterministic. */
import type { RunFs } from "../../run-output/run-fs.js";
import type { EvalTracing, EvalTracingDeps } from "../../tracing/eval-tracing.js";

export interface EvalIo {
  cwd: string;
  /** Environment variables (a copy; `.env` is loaded into it). */
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stderrIsTTY: boolean;
  /** The terminal's width when stderr is one (the progress bar is cut to fit); undefined otherwise. */
  stderrColumns?: () => number | undefined;
  /** Stops the run cleanly (Ctrl-C). */
  signal?: AbortSignal;
  /** Wall clock for `started_at` (default `new Date()`). */
  now?: () => Date;
  /**
   * Monotonic clock in ms for the run's timings, rate and ETA and the progress bar's redraws (default
   * `performance.now`); tests inject one to check the bar's figures.
   */
  clock?: () => number;
  /** Run id generator (default 8 random hex digits). */
  createRunId?: () => string;
  /** Retry backoff sleep and jitter (tests make them instant). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** fetch used by the OpenAI client. */
  fetch?: typeof globalThis.fetch;
  /** File-system calls that write the run folder (tests inject a full disk). */
  fs?: RunFs;
  /** Seams of the tracing setup (tests inject an exporter factory or a fake Weave module). */
  tracingDeps?: EvalTracingDeps;
  /** The invocation's tracing, started by `runEval` from the OTEL_* and WEAVE_* variables. */
  tracing?: EvalTracing;
}
