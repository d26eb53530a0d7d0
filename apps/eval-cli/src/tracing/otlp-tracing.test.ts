import { ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import type { OtlpSettings } from "./otlp-settings.js";
import { startOtlpTracing } from "./otlp-tracing.js";

const settings: OtlpSettings = {
  url: "http://user:pass@127.0.0.1:9/v1/traces?token=abc",
  urlVariable: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
  protocol: "http/protobuf",
  headers: {},
  timeoutMs: 10_000,
  compression: "none",
  serviceName: "sv-eval",
  resourceAttributes: {},
};

function recordingExporter(result = ExportResultCode.SUCCESS) {
  const received: ReadableSpan[] = [];
  const exporter: SpanExporter = {
    export: (spans, done) => {
      received.push(...spans);
      setImmediate(() =>
        done({
          code: result,
          ...(result === ExportResultCode.FAILED ? { error: new Error("Forbidden") } : {}),
        }),
      );
    },
    shutdown: async () => {},
  };
  return { received, exporter };
}

describe("startOtlpTracing", () => {
  it("flushes every ended span at shutdown, with the service name and the @sv/env scope", async () => {
    const { received, exporter } = recordingExporter();
    const warnings: string[] = [];
    const tracing = startOtlpTracing({
      settings,
      warn: (line) => warnings.push(line),
      createExporter: () => exporter,
      serviceVersion: "1.2.3",
    });
    for (let index = 0; index < 1500; index++) tracing.tracer.startSpan(`s${index}`).end();
    await tracing.shutdown();
    expect(received).toHaveLength(1500);
    expect(received[0]!.resource.attributes).toMatchObject({
      "service.name": "sv-eval",
      "service.version": "1.2.3",
    });
    expect(received[0]!.instrumentationScope.name).toBe("@sv/env");
    expect(warnings).toEqual([]);
  });

  it("a refused export is one warning naming the target without its credentials or query", async () => {
    const { exporter } = recordingExporter(ExportResultCode.FAILED);
    const warnings: string[] = [];
    const tracing = startOtlpTracing({
      settings,
      warn: (line) => warnings.push(line),
      createExporter: () => exporter,
      serviceVersion: "0",
    });
    for (let index = 0; index < 600; index++) tracing.tracer.startSpan("s").end();
    await tracing.shutdown();
    expect(warnings).toEqual([
      "warning: could not export traces to http://127.0.0.1:9/v1/traces (Forbidden); the run goes on, spans that fail to export are dropped\n",
    ]);
  });
});
