import { AsyncLocalStorage } from "node:async_hooks";
import type { StepWrapper, WrappedStep } from "@sv/env";
import { redactSecrets } from "@sv/parser";
import { routeWeaveConsole } from "./weave-console.js";
import type { WeaveSettings } from "./weave-settings.js";

/** The part of the `weave` package (W&B Weave's TypeScript SDK) used here. */
export interface WeaveModule {
  init(project: string, settings?: { printCallLink?: boolean }): Promise<WeaveClientHandle>;
  op<F extends (...args: never[]) => Promise<unknown>>(
    fn: F,
    options: { name: string; parameterNames?: "useParam0Object" },
  ): F;
}

/** The part of Weave's client used here. */
export interface WeaveClientHandle {
  waitForBatchProcessing(): Promise<void>;
}

/** Loads the SDK only when Weave is on (it patches module loading when imported). */
export const loadWeaveSdk = async (): Promise<WeaveModule> =>
  (await import("weave")) as unknown as WeaveModule;

/** The variables the Weave SDK reads from `process.env` itself (`.env` values are copied there). */
const WEAVE_VARIABLES = ["WANDB_API_KEY", "WANDB_BASE_URL", "WF_TRACE_SERVER_URL"] as const;

interface PendingStep {
  step: WrappedStep;
  run: () => Promise<unknown>;
  ran: boolean;
  result?: unknown;
  error?: unknown;
  failed: boolean;
}

export interface StartWeaveTracingOptions {
  settings: WeaveSettings;
  env: Record<string, string | undefined>;
  stderr: { write(text: string): unknown };
  load?: () => Promise<WeaveModule>;
  /** Longest wait for Weave's queue at the end (default 30 s). */
  flushTimeoutMs?: number;
}

/** Weave tracing of a run: the step wrapper `evaluate()` gets, and the flush at the end. */
export interface WeaveTracing {
  wrapStep: StepWrapper;
  shutdown(): Promise<void>;
}

/**
 * Start W&B Weave: each rollout, turn, model call and judge call becomes a Weave op call (nested as the
 * spans are), with the same safe attributes as inputs and outputs (ids, model, label, reward, tokens;
 * never prompts or replies). A failure to start or to store calls is one warning line; Weave is then off
 * for the rest of the run, which goes on.
 */
export async function startWeaveTracing(options: StartWeaveTracingOptions): Promise<WeaveTracing | null> {
  for (const name of WEAVE_VARIABLES) {
    const value = options.env[name];
    if (value !== undefined && process.env[name] !== value) process.env[name] = value;
  }
  const secrets = [options.env.WANDB_API_KEY ?? ""].filter((secret) => secret.length > 0);
  let off = false;
  let starting = true;
  let client: WeaveClientHandle | undefined;
  const warnOnce = (reason: string) => {
    // A failing init is reported once, by the catch below.
    if (starting) return;
    // Weave re-queues a failed batch and exits the process after ten failures: drop its queue after
    // each failure instead (once the failed batch is back in it), so the run is never ended by Weave.
    setImmediate(() => {
      const queue = (client as { callQueue?: unknown[] } | undefined)?.callQueue;
      if (Array.isArray(queue)) queue.length = 0;
    });
    if (off) return;
    off = true;
    options.stderr.write(
      `warning: Weave could not store calls (${redactSecrets(reason, { secrets })}); the run goes on without Weave\n`,
    );
  };
  const restoreConsole = routeWeaveConsole({ stderr: options.stderr, onFailure: warnOnce });
  let weave: WeaveModule;
  try {
    weave = await (options.load ?? loadWeaveSdk)();
    // No link per root call on the terminal (one per rollout); the run's Weave project is where they are.
    client = await weave.init(options.settings.project, { printCallLink: false });
    starting = false;
  } catch (error) {
    restoreConsole();
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    options.stderr.write(
      `warning: Weave could not start (${redactSecrets(reason ?? "", { secrets })}); the run goes on without Weave\n`,
    );
    return null;
  }
  const pending = new AsyncLocalStorage<PendingStep>();
  const ops = new Map<string, (inputs: Record<string, unknown>) => Promise<unknown>>();
  const opFor = (name: string) => {
    let op = ops.get(name);
    if (!op) {
      op = weave.op(
        async (_inputs: Record<string, unknown>) => {
          const step = pending.getStore()!;
          step.ran = true;
          try {
            step.result = await step.run();
          } catch (error) {
            // The op returns normally: Weave would record the error's message, which can quote a reply.
            step.failed = true;
            step.error = error;
          }
          return { ...step.step.outputs() };
        },
        { name, parameterNames: "useParam0Object" },
      );
      ops.set(name, op);
    }
    return op;
  };
  const wrapStep: StepWrapper = async <T>(step: WrappedStep, run: () => Promise<T>): Promise<T> => {
    if (off) return run();
    const entry: PendingStep = { step, run, ran: false, failed: false };
    try {
      await pending.run(entry, () => opFor(step.name)({ ...step.inputs }));
    } catch {
      if (!entry.ran) return run();
    }
    if (entry.failed) throw entry.error;
    return entry.result as T;
  };
  return {
    wrapStep,
    async shutdown() {
      const timeoutMs = options.flushTimeoutMs ?? 30_000;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
        timer.unref();
      });
      const outcome = await Promise.race([
        client!.waitForBatchProcessing().then(
          () => "done" as const,
          () => "done" as const,
        ),
        timedOut,
      ]);
      clearTimeout(timer);
      if (outcome === "timeout" && !off) warnOnce(`still sending after ${timeoutMs} ms`);
      restoreConsole();
    },
  };
}
