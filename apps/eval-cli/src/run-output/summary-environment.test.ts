import { describe, expect, it } from "vitest";
import { summaryEnvironment } from "./summary-environment.js";

describe("summaryEnvironment", () => {
  it("writes the schema's sv-env-network-logs for E1 under any of its names, keeping the name apart", () => {
    expect(summaryEnvironment("sv-env-network-logs")).toEqual({ environment: "sv-env-network-logs" });
    expect(summaryEnvironment("sv-netlogs-judge")).toEqual({
      environment: "sv-env-network-logs",
      envId: "sv-netlogs-judge",
    });
    expect(summaryEnvironment("intertwine/sv-env-network-logs-judge")).toEqual({
      environment: "sv-env-network-logs",
      envId: "intertwine/sv-env-network-logs-judge",
    });
  });

  it("keeps another environment's id as it is rather than passing it off as E1", () => {
    expect(summaryEnvironment("gsm8k")).toEqual({ environment: "gsm8k" });
  });
});
