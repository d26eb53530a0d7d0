import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";
import { redactSecrets } from "@sv/parser";

/** A span exporter that reports its first failure as one line and counts the spans it could not send. */
export class WarnOnceExporter implements SpanExporter {
  private warned = false;
  /** Spans whose export failed (collector down, refused, timed out). */
  failedSpans = 0;
  /** Spans handed to the exporter, sent or not. */
  exportedSpans = 0;

  constructor(
    private readonly inner: SpanExporter,
    private readonly target: string,
    private readonly warn: (line: string) => void,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.exportedSpans += spans.length;
    this.inner.export(spans, (result) => {
      if (result.code !== ExportResultCode.SUCCESS) {
        this.failedSpans += spans.length;
        if (!this.warned) {
          this.warned = true;
          const reason = redactSecrets(result.error?.message || "export failed", {}).split("\n")[0];
          this.warn(
            `warning: could not export traces to ${this.target} (${reason}); the run goes on, spans that fail to export are dropped\n`,
          );
        }
      }
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
