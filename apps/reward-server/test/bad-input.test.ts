import { describe, expect, it } from "vitest";
import { postJson, startServer } from "./helpers.js";

type ErrorJson = { error: { code: string; message: string } };

const good = { completion: '{"label": "Benign", "confidence": 0.9}', answer: "Benign" };

describe("bad input", () => {
  it.each([
    ["an item with no answer", { items: [good, { completion: "x" }] }, "items.1.answer"],
    [
      "a completion that is a number",
      { items: [good, good, { completion: 5, answer: 1 }] },
      "items.2.completion",
    ],
    ["an unknown gold label", { items: [{ completion: "x", answer: "Attack" }] }, "items.0.answer"],
    ["an item that is not an object", { items: [good, "text"] }, "items.1"],
    ["items that are not a list", { items: { 0: good } }, "items"],
    ["no items", {}, "items"],
    ["an unknown top-level field", { items: [good], item: [] }, "item"],
    ["a body that is a list", [good], ""],
    ["a null body", null, ""],
  ])("answers 400 naming the field for %s", async (_name, body, path) => {
    const server = await startServer();
    const response = await postJson(`${server.url}/v1/score`, JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    if (path) expect(response.body.error.message).toContain(path);
  });

  it("answers malformed JSON with 400 invalid_json, and an empty body too", async () => {
    const server = await startServer();
    for (const body of ['{"items": [', "{'items': []}", ""]) {
      const response = await postJson(`${server.url}/v1/score`, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_json");
    }
  });

  it("answers a body over --body-limit with 413 naming the limit", async () => {
    const server = await startServer({ bodyLimit: 1000 });
    const items = Array.from({ length: 50 }, () => good);
    const response = await postJson(`${server.url}/v1/score`, { items });
    expect(response.status).toBe(413);
    expect(response.body.error).toEqual({
      code: "body_too_large",
      message: expect.stringMatching(/limit of 1000 bytes \(--body-limit\)/),
    });
    const small = await postJson(`${server.url}/v1/score`, { items: [good] });
    expect(small.status).toBe(200);
  });

  it("answers a non-JSON media type with 415 and an unknown route with 404 listing the routes", async () => {
    const server = await startServer();
    const form = await fetch(`${server.url}/v1/score`, { method: "POST", body: "items=1" });
    expect(form.status).toBe(415);
    expect(((await form.json()) as ErrorJson).error.message).toMatch(/application\/json/);
    const missing = await fetch(`${server.url}/v2/score`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorJson).error.message).toMatch(/POST \/v1\/score/);
  });

  it("answers OpenRLHF requests with mismatched lengths or a query without its prompt with 400", async () => {
    const server = await startServer();
    const url = `${server.url}/get_reward`;
    const short = await postJson(url, { query: ["pa", "pb"], prompts: ["p"], labels: ["Benign", "Benign"] });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/prompts: has 1 entries, query has 2/);
    const stray = await postJson(url, { query: ["p1 r", "other"], prompts: ["p1", "p2"], labels: [0, 1] });
    expect(stray.status).toBe(400);
    expect(stray.body.error.issues).toEqual([{ path: "query.1", message: "does not contain prompts.1" }]);
    const noLabels = await postJson(url, { query: ["x"], prompts: ["x"] });
    expect(noLabels.status).toBe(400);
    expect(noLabels.body.error.message).toMatch(/labels: .*label_key/);
  });

  it("keeps answering after bad requests, and counts them in /metrics", async () => {
    const server = await startServer({ bodyLimit: 200 });
    await postJson(`${server.url}/v1/score`, "{");
    await postJson(`${server.url}/v1/score`, { items: [{ completion: 1, answer: 1 }] });
    await postJson(`${server.url}/v1/score`, { items: Array.from({ length: 20 }, () => good) });
    const ok = await postJson(`${server.url}/v1/score`, { items: [good] });
    expect(ok.status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(
      'sv_reward_server_requests_total{route="/v1/score",method="POST",status="400"} 2',
    );
    expect(metrics).toContain(
      'sv_reward_server_requests_total{route="/v1/score",method="POST",status="413"} 1',
    );
    expect(metrics).toContain('sv_reward_server_errors_total{route="/v1/score",code="body_too_large"} 1');
    expect(metrics).toContain('sv_reward_server_items_scored_total{route="/v1/score"} 1');
    expect(metrics).toMatch(/sv_reward_server_request_duration_seconds_count\{route="\/v1\/score"\} 4/);
  });
});

describe("JSON bodies", () => {
  it("says where malformed JSON breaks, and refuses prototype keys by name", async () => {
    const server = await startServer();
    const truncated = await postJson(`${server.url}/v1/score`, '{"items": [');
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.message).toMatch(/^body is not valid JSON: .*(position|end of JSON)/i);
    const proto = await postJson(`${server.url}/v1/score`, '{"items": [], "__proto__": {"polluted": 1}}');
    expect(proto.status).toBe(400);
    expect(proto.body.error.message).toMatch(/prototype/);
    const empty = await postJson(`${server.url}/v1/score`, "  ");
    expect(empty.body.error).toEqual({ code: "invalid_json", message: "body is empty; send a JSON object" });
  });
});
