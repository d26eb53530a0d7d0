import type { Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { ENV_VERSION, TRACER_NAME } from "@sv/env";
import type { OtlpSettings } from "./otlp-settings.js";
import { WarnOnceExporter } from "./warn-once-exporter.js";

/** Builds the span exporter of a run (tests inject one that records what it is given). */
export type CreateSpanExporter = (settings: OtlpSettings) => SpanExporter;

/** The real OTLP/HTTP exporter for the settings' protocol. */
export const createOtlpExporter: CreateSpanExporter = (settings) => {
  const config = {
    url: settings.url,
    headers: settings.headers,
    timeoutMillis: settings.timeoutMs,
    compression: settings.compression as never,
  };
  return settings.protocol === "http/json"
    ? new JsonTraceExporter(config)
    : new ProtobufTraceExporter(config);
};

/** A URL as warnings show it: scheme, host and path, never credentials or a query. */
export function shownTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/** A started OTLP export: the tracer `evaluate()` gets, and the flush at the end. */
export interface OtlpTracing {
  tracer: Tracer;
  /** Flush every finished span and stop; resolves within the export timeout, never throws. */
  shutdown(): Promise<void>;
}

export interface StartOtlpTracingOptions {
  settings: OtlpSettings;
  warn: (line: string) => void;
  createExporter?: CreateSpanExporter;
  /** Version written as `service.version`. */
  serviceVersion: string;
}

/**
 * Start exporting spans over OTLP/HTTP. The provider is not registered globally: the tracer is handed to
 * `evaluate()`, so nothing else in the process is traced by accident. The queue is large so a fast run
 * (offline baselines) keeps its spans until the batch exporter catches up.
 */
export function startOtlpTracing(options: StartOtlpTracingOptions): OtlpTracing {
  const { settings } = options;
  const target = shownTarget(settings.url);
  const exporter = new WarnOnceExporter(
    (options.createExporter ?? createOtlpExporter)(settings),
    target,
    options.warn,
  );
  const resource = defaultResource().merge(
    resourceFromAttributes({
      ...settings.resourceAttributes,
      "service.name": settings.serviceName,
      "service.version": options.serviceVersion,
    }),
  );
  const processor = new BatchSpanProcessor({
    exporter,
    maxQueueSize: 65_536,
    maxExportBatchSize: 512,
    scheduledDelayMillis: 1000,
    exportTimeoutMillis: settings.timeoutMs,
  });
  let ended = 0;
  // Counts the spans that end, to tell dropped ones (a queue overflow) from sent ones at the end.
  const counting: SpanProcessor = {
    onStart: (span, parent) => processor.onStart(span, parent),
    onEnd: (span) => {
      ended++;
      processor.onEnd(span);
    },
    forceFlush: () => processor.forceFlush(),
    shutdown: () => processor.shutdown(),
  };
  const provider = new TracerProvider({ resource, spanProcessors: [counting] });
  return {
    tracer: provider.getTracer(TRACER_NAME, ENV_VERSION),
    async shutdown() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        // Export retries back off; past twice the export timeout the remaining spans are given up.
        timer = setTimeout(() => resolve("timeout"), settings.timeoutMs * 2);
        timer.unref();
      });
      const outcome = await Promise.race([
        provider.shutdown().then(
          () => "done" as const,
          () => "done" as const,
        ),
        timedOut,
      ]);
      clearTimeout(timer);
      const dropped = ended - exporter.exportedSpans;
      if (outcome === "done" && dropped > 0) {
        options.warn(
          `warning: ${dropped} of ${ended} spans were dropped before export (the collector at ${target} did not keep up)\n`,
        );
      }
      if (outcome === "timeout") {
        options.warn(
          `warning: traces to ${target} were still being sent after ${settings.timeoutMs * 2} ms; the rest are dropped\n`,
        );
      }
    },
  };
}
