import { describe, expect, it } from "vitest";
import {
  evalScoreLines,
  exampleCompletionsPath,
  parityPath,
  postJson,
  readItems,
  startServer,
} from "./helpers.js";

describe("POST /v1/score", { timeout: 60_000 }, () => {
  it.each([
    ["the example completions", exampleCompletionsPath],
    ["the parity corpus", parityPath],
  ])("answers %s with exactly `eval score`'s lines, byte for byte", async (_name, path) => {
    const items = readItems(path);
    const server = await startServer();
    const { status, body } = await postJson(`${server.url}/v1/score`, { items });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["results"]);
    const expected = evalScoreLines(items);
    expect(body.results).toHaveLength(expected.length);
    expect(body.results.map((result: unknown) => JSON.stringify(result))).toEqual(expected);
  });

  it("applies rubric overrides as the rubric does, and refuses impossible ones naming the field", async () => {
    const server = await startServer();
    const item = { completion: '{"label": "Benign", "confidence": 0.9}', answer: "Malicious" };
    const weighted = await postJson(`${server.url}/v1/score`, {
      items: [item],
      rubric: { weights: { format: 0, calibration: 0, asymmetric_cost: 1 }, costs: { missedAttack: -5 } },
    });
    expect(weighted.status).toBe(200);
    expect(weighted.body.results[0].rewards.asymmetric_cost).toBe(-5);
    expect(weighted.body.results[0].reward).toBe(-5);

    const impossible = await postJson(`${server.url}/v1/score`, {
      items: [item],
      rubric: { costs: { missedAttack: 2 } },
    });
    expect(impossible.status).toBe(400);
    expect(impossible.body.error.issues[0].path).toBe("rubric");
    expect(impossible.body.error.message).toMatch(/missedAttack/);

    const unknown = await postJson(`${server.url}/v1/score`, { items: [item], rubric: { weight: {} } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([{ path: "rubric.weight", message: "unknown field" }]);
  });

  it("scores an empty batch as an empty list", async () => {
    const server = await startServer();
    const { status, body } = await postJson(`${server.url}/v1/score`, { items: [] });
    expect(status).toBe(200);
    expect(body).toEqual({ results: [] });
  });
});
