import { CliError } from "../cli-error.js";

type Env = Record<string, string | undefined>;

/** Where and how `pnpm eval` exports its spans (from the standard `OTEL_*` variables). */
export interface OtlpSettings {
  /** The traces URL (`…/v1/traces`). */
  url: string;
  /** The variable the URL came from (named in warnings; its value may hold credentials). */
  urlVariable: string;
  protocol: "http/protobuf" | "http/json";
  headers: Record<string, string>;
  timeoutMs: number;
  compression: "gzip" | "none";
  serviceName: string;
  resourceAttributes: Record<string, string>;
}

const SERVICE_NAME = "sv-eval";
const value = (env: Env, name: string) => {
  const text = env[name]?.trim();
  return text === undefined || text === "" ? undefined : text;
};
const first = (env: Env, specific: string, general: string) =>
  value(env, specific) !== undefined ? specific : value(env, general) !== undefined ? general : undefined;

function fail(message: string): never {
  throw new CliError({ exitCode: 2, message });
}

/** `key=value,key2=value2` (W3C baggage style, values percent-encoded), as the OTel spec defines. */
function keyValues(env: Env, name: string): Record<string, string> {
  const text = value(env, name);
  const pairs: Record<string, string> = {};
  if (text === undefined) return pairs;
  text.split(",").forEach((entry, index) => {
    if (entry.trim() === "") return;
    const equals = entry.indexOf("=");
    const key = equals > 0 ? entry.slice(0, equals).trim() : "";
    if (key === "") fail(`${name}: entry ${index + 1} is not key=value`);
    try {
      pairs[key] = decodeURIComponent(entry.slice(equals + 1).trim());
    } catch {
      fail(`${name}: the value of ${key} is not valid percent-encoding`);
    }
  });
  return pairs;
}

function tracesUrl(env: Env): { url: string; variable: string } | undefined {
  const specific = value(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const variable = specific ? "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" : "OTEL_EXPORTER_OTLP_ENDPOINT";
  const base = specific ?? value(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (base === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    fail(`${variable} is not a URL (it must be http:// or https://…)`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    fail(`${variable} must be an http:// or https:// URL (OTLP over HTTP; gRPC is not supported)`);
  }
  // The signal-specific variable is used as given; the general one gets the traces path appended.
  if (specific) return { url: parsed.toString(), variable };
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, "")}/v1/traces`;
  return { url: parsed.toString(), variable };
}

function protocol(env: Env): OtlpSettings["protocol"] {
  const name = first(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
  const given = name ? value(env, name) : "http/protobuf";
  if (given === "http/protobuf" || given === "http/json") return given;
  return fail(`${name}=${given} is not supported: use http/protobuf (the default) or http/json`);
}

function timeoutMs(env: Env): number {
  const name = first(env, "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT");
  if (!name) return 10_000;
  const parsed = Number(value(env, name));
  if (!Number.isInteger(parsed) || parsed <= 0) fail(`${name} must be a positive number of milliseconds`);
  return parsed;
}

function compression(env: Env): OtlpSettings["compression"] {
  const name = first(env, "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION");
  const given = name ? value(env, name) : "none";
  if (given === "gzip" || given === "none") return given;
  return fail(`${name}=${given} is not supported: use gzip or none`);
}

/**
 * The OTLP export settings, or `null` when tracing is off: no `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` and no
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (there is no default endpoint: nothing is sent unless asked),
 * `OTEL_SDK_DISABLED=true`, or `OTEL_TRACES_EXPORTER` without `otlp` (e.g. `none`). A setting that cannot
 * be honoured (gRPC, a bad URL or header list) is a usage error, not a silent fallback.
 */
export function resolveOtlpSettings(env: Env): OtlpSettings | null {
  if (value(env, "OTEL_SDK_DISABLED")?.toLowerCase() === "true") return null;
  const exporters = value(env, "OTEL_TRACES_EXPORTER");
  if (exporters !== undefined && !exporters.split(",").some((name) => name.trim() === "otlp")) return null;
  const target = tracesUrl(env);
  if (!target) return null;
  const resourceAttributes = keyValues(env, "OTEL_RESOURCE_ATTRIBUTES");
  return {
    url: target.url,
    urlVariable: target.variable,
    protocol: protocol(env),
    headers: {
      ...keyValues(env, "OTEL_EXPORTER_OTLP_HEADERS"),
      ...keyValues(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS"),
    },
    timeoutMs: timeoutMs(env),
    compression: compression(env),
    serviceName: value(env, "OTEL_SERVICE_NAME") ?? resourceAttributes["service.name"] ?? SERVICE_NAME,
    resourceAttributes,
  };
}
