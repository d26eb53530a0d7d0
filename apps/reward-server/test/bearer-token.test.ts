import { describe, expect, it } from "vitest";
import { createBearerTokenCheck } from "../src/server/bearer-token.js";
import { postJson, startServer } from "./helpers.js";

const token = "s3cret-token-value";
const body = { items: [{ completion: "{}", answer: "Benign" }] };

describe("bearer token", () => {
  it("matches only the exact token", () => {
    const check = createBearerTokenCheck(token);
    expect(check.matches(`Bearer ${token}`)).toBe(true);
    expect(check.matches(`bearer ${token}`)).toBe(true);
    expect(check.matches(`Bearer ${token}x`)).toBe(false);
    expect(check.matches(`Bearer ${token.slice(0, -1)}`)).toBe(false);
    expect(check.matches(token)).toBe(false);
    expect(check.matches("Bearer ")).toBe(false);
    expect(check.matches(undefined)).toBe(false);
  });

  it("guards every route but /health when set, and never echoes the token", async () => {
    const lines: string[] = [];
    const server = await startServer({ token, log: (line) => lines.push(line) });
    const missing = await postJson(`${server.url}/v1/score`, body);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await postJson(`${server.url}/v1/score`, body, { authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toContain(token);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/v1/prompts?dataset=demo`)).status).toBe(401);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    const right = await postJson(`${server.url}/v1/score`, body, { authorization: `Bearer ${token}` });
    expect(right.status).toBe(200);
    const metrics = await (
      await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(metrics).toContain('code="unauthorized"');
    expect(metrics).not.toContain(token);
    expect(lines.join("\n")).not.toContain(token);
  });
});
