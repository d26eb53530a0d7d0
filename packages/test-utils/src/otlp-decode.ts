import type { OtlpEvent, OtlpSpan, OtlpValue } from "./otlp-span.js";
import { readWireFields, type WireField } from "./protobuf-wire.js";

// Field numbers of opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto.
const REQUEST = { resourceSpans: 1 };
const RESOURCE_SPANS = { resource: 1, scopeSpans: 2 };
const RESOURCE = { attributes: 1 };
const SCOPE_SPANS = { scope: 1, spans: 2 };
const SCOPE = { name: 1, version: 2 };
const SPAN = {
  traceId: 1,
  spanId: 2,
  parentSpanId: 4,
  name: 5,
  kind: 6,
  start: 7,
  end: 8,
  attributes: 9,
  events: 11,
  status: 15,
};
const EVENT = { name: 2, attributes: 3 };
const STATUS = { message: 2, code: 3 };
const KEY_VALUE = { key: 1, value: 2 };
const ANY_VALUE = { string: 1, bool: 2, int: 3, double: 4, array: 5, kvlist: 6, bytes: 7 };

const all = (fields: WireField[], field: number) => fields.filter((entry) => entry.field === field);
const one = (fields: WireField[], field: number) => fields.findLast((entry) => entry.field === field);
const bytesOf = (entry: WireField | undefined): Buffer =>
  entry?.type === "bytes" ? entry.value : Buffer.alloc(0);
const textOf = (entry: WireField | undefined) => bytesOf(entry).toString("utf8");
const varintOf = (entry: WireField | undefined) => (entry?.type === "varint" ? entry.value : 0n);
const fixed64Of = (entry: WireField | undefined) =>
  entry?.type === "fixed64" ? entry.value.readBigUInt64LE(0).toString() : "0";

function protobufValue(message: Buffer): OtlpValue {
  const fields = readWireFields(message);
  const entry = fields.at(-1);
  if (!entry) return null;
  switch (entry.field) {
    case ANY_VALUE.string:
      return textOf(entry);
    case ANY_VALUE.bool:
      return varintOf(entry) !== 0n;
    case ANY_VALUE.int:
      return Number(BigInt.asIntN(64, varintOf(entry)));
    case ANY_VALUE.double:
      return entry.type === "fixed64" ? entry.value.readDoubleLE(0) : null;
    case ANY_VALUE.array:
      return all(readWireFields(bytesOf(entry)), 1).map((value) => protobufValue(bytesOf(value)));
    case ANY_VALUE.kvlist:
      return protobufAttributes(all(readWireFields(bytesOf(entry)), 1));
    case ANY_VALUE.bytes:
      return new Uint8Array(bytesOf(entry));
    default:
      return null;
  }
}

function protobufAttributes(entries: WireField[]): Record<string, OtlpValue> {
  const attributes: Record<string, OtlpValue> = {};
  for (const entry of entries) {
    const pair = readWireFields(bytesOf(entry));
    attributes[textOf(one(pair, KEY_VALUE.key))] = protobufValue(bytesOf(one(pair, KEY_VALUE.value)));
  }
  return attributes;
}

function protobufEvent(message: Buffer): OtlpEvent {
  const fields = readWireFields(message);
  return {
    name: textOf(one(fields, EVENT.name)),
    attributes: protobufAttributes(all(fields, EVENT.attributes)),
  };
}

/** Decode an OTLP/HTTP protobuf `ExportTraceServiceRequest` into its spans. */
export function decodeOtlpProtobuf(body: Buffer): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  for (const resourceSpans of all(readWireFields(body), REQUEST.resourceSpans)) {
    const rsFields = readWireFields(bytesOf(resourceSpans));
    const resource = protobufAttributes(
      all(readWireFields(bytesOf(one(rsFields, RESOURCE_SPANS.resource))), RESOURCE.attributes),
    );
    for (const scopeSpans of all(rsFields, RESOURCE_SPANS.scopeSpans)) {
      const ssFields = readWireFields(bytesOf(scopeSpans));
      const scopeFields = readWireFields(bytesOf(one(ssFields, SCOPE_SPANS.scope)));
      const version = textOf(one(scopeFields, SCOPE.version));
      const scope = { name: textOf(one(scopeFields, SCOPE.name)), ...(version ? { version } : {}) };
      for (const span of all(ssFields, SCOPE_SPANS.spans)) {
        const fields = readWireFields(bytesOf(span));
        const parent = bytesOf(one(fields, SPAN.parentSpanId)).toString("hex");
        const status = readWireFields(bytesOf(one(fields, SPAN.status)));
        const message = textOf(one(status, STATUS.message));
        spans.push({
          traceId: bytesOf(one(fields, SPAN.traceId)).toString("hex"),
          spanId: bytesOf(one(fields, SPAN.spanId)).toString("hex"),
          ...(parent ? { parentSpanId: parent } : {}),
          name: textOf(one(fields, SPAN.name)),
          kind: Number(varintOf(one(fields, SPAN.kind))),
          startTimeUnixNano: fixed64Of(one(fields, SPAN.start)),
          endTimeUnixNano: fixed64Of(one(fields, SPAN.end)),
          attributes: protobufAttributes(all(fields, SPAN.attributes)),
          events: all(fields, SPAN.events).map((event) => protobufEvent(bytesOf(event))),
          status: { code: Number(varintOf(one(status, STATUS.code))), ...(message ? { message } : {}) },
          scope,
          resource,
        });
      }
    }
  }
  return spans;
}

type JsonObject = Record<string, unknown>;
const asObject = (value: unknown): JsonObject =>
  value !== null && typeof value === "object" ? (value as JsonObject) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An id as OTLP/JSON gives it: hex (the spec) or base64 (some encoders). */
function jsonId(value: unknown, length: number): string {
  const text = typeof value === "string" ? value : "";
  if (text === "") return "";
  if (new RegExp(`^[0-9a-fA-F]{${length * 2}}$`).test(text)) return text.toLowerCase();
  return Buffer.from(text, "base64").toString("hex");
}

function jsonValue(value: unknown): OtlpValue {
  const any = asObject(value);
  if ("stringValue" in any) return String(any.stringValue);
  if ("boolValue" in any) return Boolean(any.boolValue);
  if ("intValue" in any) return Number(any.intValue);
  if ("doubleValue" in any) return Number(any.doubleValue);
  if ("arrayValue" in any) return asArray(asObject(any.arrayValue).values).map(jsonValue);
  if ("kvlistValue" in any) return jsonAttributes(asObject(any.kvlistValue).values);
  if ("bytesValue" in any) return new Uint8Array(Buffer.from(String(any.bytesValue), "base64"));
  return null;
}

function jsonAttributes(list: unknown): Record<string, OtlpValue> {
  const attributes: Record<string, OtlpValue> = {};
  for (const entry of asArray(list))
    attributes[String(asObject(entry).key)] = jsonValue(asObject(entry).value);
  return attributes;
}

/** Decode an OTLP/HTTP JSON `ExportTraceServiceRequest` into its spans. */
export function decodeOtlpJson(body: unknown): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  for (const resourceSpans of asArray(asObject(body).resourceSpans)) {
    const rs = asObject(resourceSpans);
    const resource = jsonAttributes(asObject(rs.resource).attributes);
    for (const scopeSpans of asArray(rs.scopeSpans)) {
      const ss = asObject(scopeSpans);
      const scopeObject = asObject(ss.scope);
      const scope = {
        name: String(scopeObject.name ?? ""),
        ...(scopeObject.version ? { version: String(scopeObject.version) } : {}),
      };
      for (const entry of asArray(ss.spans)) {
        const span = asObject(entry);
        const parent = jsonId(span.parentSpanId, 8);
        const status = asObject(span.status);
        spans.push({
          traceId: jsonId(span.traceId, 16),
          spanId: jsonId(span.spanId, 8),
          ...(parent ? { parentSpanId: parent } : {}),
          name: String(span.name ?? ""),
          kind: Number(span.kind ?? 0),
          startTimeUnixNano: String(span.startTimeUnixNano ?? "0"),
          endTimeUnixNano: String(span.endTimeUnixNano ?? "0"),
          attributes: jsonAttributes(span.attributes),
          events: asArray(span.events).map((event) => ({
            name: String(asObject(event).name ?? ""),
            attributes: jsonAttributes(asObject(event).attributes),
          })),
          status: {
            code: Number(status.code ?? 0),
            ...(status.message ? { message: String(status.message) } : {}),
          },
          scope,
          resource,
        });
      }
    }
  }
  return spans;
}
