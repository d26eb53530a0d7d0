import { describe, expect, it } from "vitest";
import { emptySnapshot, mergeSnapshots, renderSnapshot } from "./metrics-snapshot.js";
import { createServerMetrics } from "./server-metrics.js";

describe("mergeSnapshots", () => {
  it("adds up counters, histograms and the in-flight gauge of several processes, series by series", () => {
    const first = createServerMetrics();
    first.observeRequest({ route: "/v1/score", method: "POST", status: 200, seconds: 0.002 });
    first.addItems("/v1/score", 1024);
    first.setInFlight(2);
    const second = createServerMetrics();
    second.observeRequest({ route: "/v1/score", method: "POST", status: 200, seconds: 0.02 });
    second.observeRequest({ route: "/get_reward", method: "POST", status: 400, seconds: 0.0001 });
    second.addItems("/v1/score", 10);
    second.addError("/get_reward", "invalid_request");
    second.setInFlight(1);

    const text = renderSnapshot(mergeSnapshots([first.snapshot(), second.snapshot(), emptySnapshot()]));
    expect(text).toContain(
      'sv_reward_server_requests_total{route="/v1/score",method="POST",status="200"} 2\n',
    );
    expect(text).toContain(
      'sv_reward_server_requests_total{route="/get_reward",method="POST",status="400"} 1\n',
    );
    expect(text).toContain('sv_reward_server_items_scored_total{route="/v1/score"} 1034\n');
    expect(text).toContain('sv_reward_server_errors_total{route="/get_reward",code="invalid_request"} 1\n');
    expect(text).toContain("sv_reward_server_in_flight_requests 3\n");
    expect(text).toContain(
      'sv_reward_server_request_duration_seconds_bucket{route="/v1/score",le="0.0025"} 1\n',
    );
    expect(text).toContain(
      'sv_reward_server_request_duration_seconds_bucket{route="/v1/score",le="0.025"} 2\n',
    );
    expect(text).toContain('sv_reward_server_request_duration_seconds_count{route="/v1/score"} 2\n');
    expect(text).toContain('sv_reward_server_request_duration_seconds_sum{route="/v1/score"} 0.022\n');
    // One process's text is the same as its snapshot merged with nothing.
    expect(renderSnapshot(mergeSnapshots([first.snapshot()]))).toBe(first.render());
  });

  it("leaves the snapshots it merges unchanged", () => {
    const metrics = createServerMetrics();
    metrics.observeRequest({ route: "/v1/score", method: "POST", status: 200, seconds: 0.002 });
    const snapshot = metrics.snapshot();
    const copy = structuredClone(snapshot);
    mergeSnapshots([snapshot, snapshot]);
    expect(snapshot).toEqual(copy);
  });
});
