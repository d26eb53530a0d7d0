/** An attribute value as OTLP carries it, decoded. */
export type OtlpValue =
  | string
  | number
  | boolean
  | OtlpValue[]
  | { [key: string]: OtlpValue }
  | Uint8Array
  | null;

/** A span event, decoded. */
export interface OtlpEvent {
  name: string;
  attributes: Record<string, OtlpValue>;
}

/** One span as the receiver decoded it (ids in lower-case hex, times in nanoseconds as text). */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  /** Absent for a root span. */
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Record<string, OtlpValue>;
  events: OtlpEvent[];
  /** 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  /** The instrumentation scope (`@sv/env`). */
  scope: { name: string; version?: string };
  /** Attributes of the resource that sent it (`service.name`, …). */
  resource: Record<string, OtlpValue>;
}
