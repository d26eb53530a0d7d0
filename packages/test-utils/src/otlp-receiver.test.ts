import { ROOT_CONTEXT, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { SimpleSpanProcessor, type SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterEach, describe, expect, it } from "vitest";
import { type OtlpReceiver, startOtlpReceiver } from "./otlp-receiver.js";

let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function sendTwoSpans(exporter: SpanExporter) {
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer = provider.getTracer("scope-a", "1.2.3");
  const parent = tracer.startSpan("parent", {
    attributes: { text: "héllo", int: -7, big: 2 ** 40, double: 0.25, yes: true, list: ["a", "b"] },
  });
  const child = tracer.startSpan("child", {}, trace.setSpan(ROOT_CONTEXT, parent));
  child.addEvent("waited", { ms: 12 });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "rate_limit" });
  child.end();
  parent.end();
  await provider.shutdown();
  return { parent: parent.spanContext(), child: child.spanContext() };
}

describe("startOtlpReceiver", () => {
  for (const [protocol, Exporter, contentType] of [
    ["http/protobuf", ProtobufExporter, "application/x-protobuf"],
    ["http/json", JsonExporter, "application/json"],
  ] as const) {
    it(`decodes what the real ${protocol} exporter sends: names, ids, parents, attributes, events, status`, async () => {
      receiver = await startOtlpReceiver();
      const ids = await sendTwoSpans(new Exporter({ url: receiver.tracesUrl }));
      expect(receiver.requests.map((request) => [request.path, request.contentType])).toEqual([
        ["/v1/traces", contentType],
        ["/v1/traces", contentType],
      ]);
      const child = receiver.spans.find((span) => span.name === "child")!;
      const parent = receiver.spans.find((span) => span.name === "parent")!;
      expect(parent).toMatchObject({
        traceId: ids.parent.traceId,
        spanId: ids.parent.spanId,
        attributes: { text: "héllo", int: -7, big: 2 ** 40, double: 0.25, yes: true, list: ["a", "b"] },
        scope: { name: "scope-a", version: "1.2.3" },
        status: { code: 0 },
      });
      expect(parent.parentSpanId).toBeUndefined();
      expect(parent.resource["service.name"]).toMatch(/^unknown_service/);
      expect(child).toMatchObject({
        traceId: ids.parent.traceId,
        spanId: ids.child.spanId,
        parentSpanId: ids.parent.spanId,
        events: [{ name: "waited", attributes: { ms: 12 } }],
        status: { code: 2, message: "rate_limit" },
      });
      expect(BigInt(child.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(child.startTimeUnixNano));
      expect(BigInt(child.startTimeUnixNano)).toBeGreaterThan(10n ** 18n);
    });
  }

  it("answers an undecodable body 400 and an unknown path 404, and counts connections", async () => {
    receiver = await startOtlpReceiver();
    const garbled = await fetch(receiver.tracesUrl, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf" },
      body: new Uint8Array([0x0a, 0x05, 0x01]),
    });
    expect(garbled.status).toBe(400);
    expect((await fetch(`${receiver.endpoint}/v1/metrics`, { method: "POST", body: "" })).status).toBe(404);
    expect(receiver.spans).toEqual([]);
    expect(receiver.connections).toBeGreaterThanOrEqual(1);
  });

  it("refuses exports with the scripted status and does not decode them", async () => {
    receiver = await startOtlpReceiver({ status: () => 401 });
    const response = await fetch(receiver.tracesUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: "x" }] }] }] }),
    });
    expect(response.status).toBe(401);
    expect(receiver.spans).toEqual([]);
  });
});
