import type { RolloutResult, TracingOptions } from "@sv/env";
import { ENV_VERSION } from "@sv/env";
import { resolveOtlpSettings } from "./otlp-settings.js";
import type { CreateSpanExporter, OtlpTracing } from "./otlp-tracing.js";
import { resolveWeaveSettings } from "./weave-settings.js";
import { startWeaveTracing, type WeaveModule, type WeaveTracing } from "./weave-tracing.js";

/** Seams of the tracing setup (tests inject a recording exporter factory or a fake Weave module). */
export interface EvalTracingDeps {
  createExporter?: CreateSpanExporter;
  loadWeave?: () => Promise<WeaveModule>;
}

/** Tracing of one `pnpm eval` invocation (every model it evaluates). */
export interface EvalTracing {
  /** What `evaluate()` gets (with the run's price); `undefined` when tracing is off. */
  evaluateOptions(costUsd?: (rollout: RolloutResult) => number | null): TracingOptions | undefined;
  /** Flush and stop; never throws, bounded by the export timeouts. */
  shutdown(): Promise<void>;
}

export interface StartEvalTracingOptions {
  env: Record<string, string | undefined>;
  stderr: { write(text: string): unknown };
  deps?: EvalTracingDeps;
}

/**
 * Start what the environment asks for: OTLP export when an `OTEL_EXPORTER_OTLP_*ENDPOINT` is set, W&B
 * Weave when `WEAVE_PROJECT` is. With neither, nothing is created and no connection is made. A setting
 * that cannot be honoured throws a `CliError` (usage, exit 2) before any rollout runs.
 */
export async function startEvalTracing(options: StartEvalTracingOptions): Promise<EvalTracing> {
  const otlpSettings = resolveOtlpSettings(options.env);
  const weaveSettings = resolveWeaveSettings(options.env);
  const warn = (line: string) => options.stderr.write(line);
  // The SDK and exporters load only when asked for (they cost half a second of start-up).
  const otlp: OtlpTracing | undefined = otlpSettings
    ? (await import("./otlp-tracing.js")).startOtlpTracing({
        settings: otlpSettings,
        warn,
        createExporter: options.deps?.createExporter,
        serviceVersion: ENV_VERSION,
      })
    : undefined;
  const weave: WeaveTracing | null = weaveSettings
    ? await startWeaveTracing({
        settings: weaveSettings,
        env: options.env,
        stderr: options.stderr,
        load: options.deps?.loadWeave,
      })
    : null;
  return {
    evaluateOptions(costUsd) {
      if (!otlp && !weave) return undefined;
      return {
        ...(otlp ? { tracer: otlp.tracer } : {}),
        ...(weave ? { wrapStep: weave.wrapStep } : {}),
        ...(costUsd ? { costUsd } : {}),
      };
    },
    async shutdown() {
      await Promise.all([otlp?.shutdown(), weave?.shutdown()]);
    },
  };
}
