import {
  type ChatModel,
  type GenerateOptions,
  type GenerateResult,
  MODEL_ERROR_KINDS,
  ModelCallError,
} from "@sv/env";
import { describe, expect, it } from "vitest";
import { tokensCostUsd } from "./model-price.js";
import { createSpendingBudget } from "./spending-budget.js";
import { inputTokensBound, withSpendingLimit } from "./spending-limit-model.js";

const price = { inputPerMillion: 2, outputPerMillion: 8, source: "test" };

/**
 * A model whose replies wait until released, reporting `bytesPerToken` prompt bytes per input token
 * (1: the worst case, every byte a token).
 */
function heldModel(outputTokens: number, bytesPerToken = 1) {
  const pending: (() => void)[] = [];
  let paid = 0;
  const model: ChatModel = {
    provider: "test",
    modelId: "m",
    async doGenerate(request: GenerateOptions): Promise<GenerateResult> {
      const inputTokens = Math.ceil(Buffer.byteLength(JSON.stringify(request.messages)) / bytesPerToken);
      await new Promise<void>((resolve) => pending.push(resolve));
      paid += tokensCostUsd(price, inputTokens, outputTokens)!;
      return { text: "{}", usage: { inputTokens, outputTokens } };
    },
  };
  return {
    model,
    pending,
    get paid() {
      return paid;
    },
  };
}

const request = (index: number): GenerateOptions => ({
  messages: [
    { role: "system", content: "You are a SOC analyst." },
    { role: "user", content: `flow ${index}: 10.0.0.${index % 250}:${40000 + index} -> 9.9.9.9:23 tcp` },
  ],
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("withSpendingLimit", () => {
  it("never lets requests in flight together pass the limit, at any concurrency (with max_tokens)", async () => {
    const held = heldModel(16);
    const perRequest = tokensCostUsd(price, inputTokensBound(request(0)), 16)!;
    const limitUsd = perRequest * 10.5;
    const limited = withSpendingLimit({ model: held.model, price, limitUsd, maxOutputTokens: 16 });
    // 32 requests at once, as -c 32 sends them: only those whose worst case fits are sent.
    const outcomes = Array.from({ length: 32 }, (_, index) =>
      limited.doGenerate(request(index)).then(
        () => "ok",
        (error: { kind?: string }) => error.kind,
      ),
    );
    await tick();
    expect(held.pending.length).toBeLessThanOrEqual(10);
    while (held.pending.length > 0) {
      held.pending.shift()!();
      await tick();
      await tick();
    }
    const results = await Promise.all(outcomes);
    expect(held.paid).toBeLessThanOrEqual(limitUsd);
    expect(limited.spentUsd).toBeCloseTo(held.paid, 15);
    expect(results.filter((result) => result === "ok").length).toBeGreaterThanOrEqual(9);
    expect(results.filter((result) => result !== "ok").every((result) => result === "budget_exceeded")).toBe(
      true,
    );
  });

  it("makes a request wait for those in flight when it fits only once they have settled", async () => {
    const held = heldModel(1, 3);
    const bound = tokensCostUsd(price, inputTokensBound(request(0)), 1)!;
    // Two worst cases do not fit together, but the replies cost less than their bound: both are sent.
    const limited = withSpendingLimit({
      model: held.model,
      price,
      limitUsd: bound * 1.5,
      maxOutputTokens: 1,
    });
    const first = limited.doGenerate(request(0));
    const second = limited.doGenerate(request(1));
    await tick();
    expect(held.pending).toHaveLength(1);
    held.pending.shift()!();
    await first;
    await tick();
    // The first paid less than its bound (fewer input tokens than bytes + overhead), so the second fits.
    expect(held.pending).toHaveLength(1);
    held.pending.shift()!();
    await second;
    expect(held.paid).toBeLessThanOrEqual(bound * 1.5);
  });

  it("counts the tools offered and the tool calls of earlier turns in the bound", () => {
    const plain = inputTokensBound(request(0));
    const withTools = inputTokensBound({
      ...request(0),
      tools: [
        {
          name: "recent_flows_of_host",
          description: "earlier flows of a host",
          parameters: { type: "object" },
        },
      ],
    });
    expect(withTools).toBeGreaterThan(plain + 40);
    const withCalls = inputTokensBound({
      messages: [
        ...request(0).messages,
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "c",
              type: "function",
              function: { name: "recent_flows_of_host", arguments: '{"host":"10.0.0.1"}' },
            },
          ],
        },
      ],
    });
    expect(withCalls).toBeGreaterThan(plain + 40);
  });

  it("counts a failed reply's billed tokens, and a request that may have been processed at its worst case", async () => {
    const failures = [
      new ModelCallError({
        kind: MODEL_ERROR_KINDS.noContent,
        message: "length",
        usage: { inputTokens: 1000, outputTokens: 500 },
      }),
      new ModelCallError({ kind: MODEL_ERROR_KINDS.server, message: "500", status: 500 }),
      new ModelCallError({ kind: MODEL_ERROR_KINDS.timeout, message: "no reply" }),
    ];
    let call = 0;
    const model: ChatModel = {
      provider: "test",
      modelId: "m",
      doGenerate: async () => {
        throw failures[call++]!;
      },
    };
    const limited = withSpendingLimit({ model, price, limitUsd: 1, maxOutputTokens: 16 });
    await expect(limited.doGenerate(request(0))).rejects.toBe(failures[0]);
    expect(limited.spentUsd).toBeCloseTo(tokensCostUsd(price, 1000, 500)!, 15);
    await expect(limited.doGenerate(request(0))).rejects.toBe(failures[1]);
    expect(limited.spentUsd).toBeCloseTo(tokensCostUsd(price, 1000, 500)!, 15);
    await expect(limited.doGenerate(request(0))).rejects.toBe(failures[2]);
    const bound = tokensCostUsd(price, inputTokensBound(request(0)), 16)!;
    expect(limited.spentUsd).toBeCloseTo(tokensCostUsd(price, 1000, 500)! + bound, 15);
  });
});

describe("withSpendingLimit on a shared budget (model and judge)", () => {
  it("keeps the two together under the limit: each reserves its worst case at its own price", async () => {
    const modelHeld = heldModel(16);
    const judgeHeld = heldModel(16);
    const perRequest = tokensCostUsd(price, inputTokensBound(request(0)), 16)!;
    const budget = createSpendingBudget({ limitUsd: perRequest * 6.5 });
    const model = withSpendingLimit({ model: modelHeld.model, price, budget, maxOutputTokens: 16 });
    const judge = withSpendingLimit({
      model: judgeHeld.model,
      price,
      budget,
      maxOutputTokens: 16,
      label: "judge",
    });
    const outcomes = Array.from({ length: 16 }, (_, index) =>
      (index % 2 === 0 ? model : judge).doGenerate(request(index)).then(
        () => "ok",
        (error: ModelCallError) => error.message,
      ),
    );
    for (let round = 0; round < 20; round++) {
      await tick();
      for (const release of [...modelHeld.pending.splice(0), ...judgeHeld.pending.splice(0)]) release();
    }
    const settled = await Promise.all(outcomes);
    const sent = settled.filter((outcome) => outcome === "ok").length;
    // At least the 6 whose worst cases fit together; never all 16 (their sum passes the limit).
    expect(sent).toBeGreaterThanOrEqual(6);
    expect(sent).toBeLessThan(16);
    expect(modelHeld.paid + judgeHeld.paid).toBeLessThanOrEqual(budget.limitUsd);
    expect(model.spentUsd).toBeCloseTo(modelHeld.paid + judgeHeld.paid, 15);
    expect(settled.filter((outcome) => outcome.startsWith("the next judge request"))).not.toHaveLength(0);
    expect(settled.filter((outcome) => outcome.startsWith("the next request"))).not.toHaveLength(0);
  });

  it("counts what was spent before (a resumed run's model and judge spend)", async () => {
    const held = heldModel(16);
    const perRequest = tokensCostUsd(price, inputTokensBound(request(0)), 16)!;
    const budget = createSpendingBudget({ limitUsd: perRequest * 3, spentUsd: perRequest * 2.5 });
    const judge = withSpendingLimit({
      model: held.model,
      price,
      budget,
      maxOutputTokens: 16,
      label: "judge",
    });
    await expect(judge.doGenerate(request(0))).rejects.toMatchObject({
      kind: MODEL_ERROR_KINDS.budgetExceeded,
    });
    expect(held.pending).toHaveLength(0);
  });
});
