import { describe, expect, it } from "vitest";
import { replyOf } from "../src/scoring/get-reward-request.js";
import { evalScoreLines, parityPath, postJson, readItems, startServer } from "./helpers.js";

const prompt =
  "<|im_start|>system\nClassify.<|im_end|>\n<|im_start|>user\nLog Entry: ...<|im_end|>\n<|im_start|>assistant\n";

describe("POST /get_reward (OpenRLHF remote reward model)", { timeout: 60_000 }, () => {
  it("finds the reply after its prompt, also behind padding tokens", () => {
    expect(replyOf(`${prompt}reply<|im_end|>`, prompt)).toBe("reply<|im_end|>");
    expect(replyOf(`<pad><pad>${prompt}reply`, prompt)).toBe("reply");
    expect(replyOf("something else", prompt)).toBeUndefined();
  });

  it("answers {rewards, scores, extra_logs} with the rewards `eval score` gives the replies", async () => {
    const items = readItems(parityPath).filter((item) => typeof item.completion === "string");
    const server = await startServer();
    const query = items.map((item) => `${prompt}${item.completion as string}<|im_end|>`);
    const { status, body } = await postJson(`${server.url}/get_reward`, {
      query,
      prompts: items.map(() => prompt),
      labels: items.map((item) => item.answer),
    });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["rewards", "scores", "extra_logs"]);
    const expected = evalScoreLines(
      items.map((item) => ({ completion: `${item.completion as string}<|im_end|>`, answer: item.answer })),
    ).map((line) => JSON.parse(line));
    expect(body.rewards).toEqual(expected.map((line) => line.reward));
    expect(body.scores).toEqual(expected.map((line) => line.rewards.accuracy));
    expect(body.extra_logs).toEqual({
      accuracy: expected.map((line) => line.rewards.accuracy),
      format: expected.map((line) => line.rewards.format),
      calibration: expected.map((line) => line.rewards.calibration),
      asymmetric_cost: expected.map((line) => line.rewards.asymmetric_cost),
    });
  });

  it("answers a one-item request, as OpenRLHF's single-turn executor sends it", async () => {
    const server = await startServer();
    const { status, body } = await postJson(`${server.url}/get_reward`, {
      query: [`${prompt}{"label": "Malicious", "confidence": 1.0}<|im_end|>`],
      prompts: [prompt],
      labels: ["Malicious"],
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      rewards: [1.8],
      scores: [1],
      extra_logs: { accuracy: [1], format: [1], calibration: [1], asymmetric_cost: [1] },
    });
  });

  it("scores with the server's --rubric overrides, which OpenRLHF cannot send", async () => {
    const server = await startServer({ rubric: { costs: { missedAttack: -2 } } });
    const { body } = await postJson(`${server.url}/get_reward`, {
      query: [`${prompt}{"label": "Benign", "confidence": 1.0}`],
      prompts: [prompt],
      labels: ["Malicious"],
    });
    expect(body.extra_logs.asymmetric_cost).toEqual([-2]);
    expect(body.rewards).toEqual([0.1 + 0.5 * -2]);
  });
});
