import { describe, expect, it } from "vitest";
import { createServerMetrics } from "./server-metrics.js";

describe("createServerMetrics", () => {
  it("renders counters, the gauge and a cumulative histogram in the Prometheus text format", () => {
    const metrics = createServerMetrics();
    metrics.observeRequest({ route: "/v1/score", method: "POST", status: 200, seconds: 0.002 });
    metrics.observeRequest({ route: "/v1/score", method: "POST", status: 400, seconds: 0.0001 });
    metrics.addItems("/v1/score", 1024);
    metrics.addError("/v1/score", "invalid_request");
    metrics.addError('we"ird\\route', "x");
    metrics.setInFlight(3);
    const text = metrics.render();
    expect(text).toContain("# TYPE sv_reward_server_requests_total counter");
    expect(text).toContain('sv_reward_server_requests_total{route="/v1/score",method="POST",status="200"} 1');
    expect(text).toContain('sv_reward_server_items_scored_total{route="/v1/score"} 1024');
    expect(text).toContain('sv_reward_server_errors_total{route="we\\"ird\\\\route",code="x"} 1');
    expect(text).toContain("sv_reward_server_in_flight_requests 3");
    expect(text).toContain(
      'sv_reward_server_request_duration_seconds_bucket{route="/v1/score",le="0.0005"} 1',
    );
    expect(text).toContain(
      'sv_reward_server_request_duration_seconds_bucket{route="/v1/score",le="0.0025"} 2',
    );
    expect(text).toContain('sv_reward_server_request_duration_seconds_bucket{route="/v1/score",le="+Inf"} 2');
    expect(text).toContain('sv_reward_server_request_duration_seconds_count{route="/v1/score"} 2');
    expect(text.endsWith("\n")).toBe(true);
  });

  it("renders no series before any request, and never a NaN", () => {
    const text = createServerMetrics().render();
    expect(text).not.toMatch(/_total\{/);
    expect(text).not.toContain("NaN");
  });
});
