import { createScriptedModel } from "@sv/env/test";
import { startOpenAIServer } from "@sv/test-utils";
import { describe, expect, it } from "vitest";
import { createHttpFetch } from "../src/model/http-fetch.js";

describe("@sv/env/test", () => {
  it("exports a scripted chat model that cycles its replies and records calls", async () => {
    const model = createScriptedModel({ replies: ["a", new Error("b")] });
    await expect(model.doGenerate({ messages: [] })).resolves.toEqual({ text: "a" });
    await expect(model.doGenerate({ messages: [] })).rejects.toThrowError("b");
    await expect(model.doGenerate({ messages: [] })).resolves.toEqual({ text: "a" });
    expect(model.calls).toHaveLength(3);
  });
});

describe("createHttpFetch", () => {
  it("posts, reads status and headers, and rejects with AbortError when aborted", async () => {
    const server = await startOpenAIServer({
      handle: (_request, { call }) =>
        call === 0 ? { type: "status", status: 429, headers: { "retry-after": "3" } } : { type: "hang" },
    });
    try {
      const fetch = createHttpFetch();
      const url = `${server.baseURL}/chat/completions`;
      const init = { method: "POST", body: JSON.stringify({ model: "m", messages: [] }) };
      const response = await fetch(url, init);
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("3");
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe("injected 429");
      const controller = new AbortController();
      const pending = fetch(url, { ...init, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    } finally {
      await server.close();
    }
  });
});
