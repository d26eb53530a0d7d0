import { describe, expect, it } from "vitest";
import { resolveOtlpSettings } from "./otlp-settings.js";

describe("resolveOtlpSettings", () => {
  it("is off without an endpoint, whatever else is set", () => {
    expect(resolveOtlpSettings({})).toBeNull();
    expect(resolveOtlpSettings({ OTEL_SERVICE_NAME: "x", OTEL_EXPORTER_OTLP_HEADERS: "a=b" })).toBeNull();
    expect(resolveOtlpSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " })).toBeNull();
  });

  it("appends /v1/traces to the general endpoint and takes the traces endpoint as given", () => {
    expect(resolveOtlpSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })?.url).toBe(
      "http://collector:4318/v1/traces",
    );
    expect(resolveOtlpSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://h/api/public/otel/" })?.url).toBe(
      "https://h/api/public/otel/v1/traces",
    );
    const specific = resolveOtlpSettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://general:4318",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://trace.example/otel/v1/traces",
    });
    expect(specific).toMatchObject({
      url: "https://trace.example/otel/v1/traces",
      urlVariable: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    });
  });

  it("merges headers (traces-specific wins), decodes values and defaults to protobuf, 10 s, sv-eval", () => {
    const settings = resolveOtlpSettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318",
      OTEL_EXPORTER_OTLP_HEADERS: "Authorization=Basic%20abc%3D%3D, project_id=team/e1",
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: "project_id=team/e2",
      OTEL_RESOURCE_ATTRIBUTES: "deployment.environment=lab",
    });
    expect(settings).toMatchObject({
      headers: { Authorization: "Basic abc==", project_id: "team/e2" },
      protocol: "http/protobuf",
      timeoutMs: 10_000,
      compression: "none",
      serviceName: "sv-eval",
      resourceAttributes: { "deployment.environment": "lab" },
    });
  });

  it("refuses what it cannot honour, naming the variable but not its value", () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" };
    expect(() => resolveOtlpSettings({ ...endpoint, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "grpc" })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=grpc is not supported/,
    );
    expect(() => resolveOtlpSettings({ ...endpoint, OTEL_EXPORTER_OTLP_HEADERS: "secret-token" })).toThrow(
      /^OTEL_EXPORTER_OTLP_HEADERS: entry 1 is not key=value$/,
    );
    expect(() => resolveOtlpSettings({ ...endpoint, OTEL_EXPORTER_OTLP_TIMEOUT: "soon" })).toThrow(
      /OTEL_EXPORTER_OTLP_TIMEOUT must be a positive number/,
    );
    expect(() => resolveOtlpSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "grpc://c:4317" })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an http/,
    );
  });

  it("OTEL_SDK_DISABLED and an OTEL_TRACES_EXPORTER without otlp turn it off", () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" };
    expect(resolveOtlpSettings({ ...endpoint, OTEL_SDK_DISABLED: "TRUE" })).toBeNull();
    expect(resolveOtlpSettings({ ...endpoint, OTEL_TRACES_EXPORTER: "none" })).toBeNull();
    expect(resolveOtlpSettings({ ...endpoint, OTEL_TRACES_EXPORTER: "console,otlp" })).not.toBeNull();
    expect(resolveOtlpSettings({ ...endpoint, OTEL_SDK_DISABLED: "false" })).not.toBeNull();
  });
});
