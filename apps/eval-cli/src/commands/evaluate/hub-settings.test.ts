import { loadEnvironment } from "@sv/env";
import { describe, expect, it } from "vitest";
import { hubSettings } from "./setup-environment.js";

describe("hubSettings", () => {
  it("takes the Hub settings from the CLI's environment (including .env), leaving unset ones out", () => {
    expect(
      hubSettings({
        HF_TOKEN: "hf_sentinel",
        HF_ENDPOINT: "http://127.0.0.1:9",
        SV_CACHE_DIR: "/tmp/sv-cache",
      }),
    ).toEqual({ token: "hf_sentinel", endpoint: "http://127.0.0.1:9", cacheDir: "/tmp/sv-cache/hub" });
    expect(hubSettings({ HF_TOKEN: "hf_x", XDG_CACHE_HOME: "/xdg" })?.cacheDir).toBe("/xdg/sv-e1/hub");
    expect(hubSettings({ PATH: "/bin" })).toBeUndefined();
  });

  it("never records the token in the environment's options (which go to metadata.json)", async () => {
    const env = await loadEnvironment({
      datasetSource: "synthetic",
      hub: { token: "hf_sentinel_token_value" },
    });
    expect(JSON.stringify(env.options)).not.toContain("hf_sentinel");
  });
});
