import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { getResponseText } from "@sv/parser";
import { ENV_ERROR_CODES, EnvError } from "../env-error.js";
import type { ChatModel } from "../model/chat-model.js";
import type { BaselineDefinition } from "./baseline-definition.js";
import { isLearnedModel, type LearnedModel, predictLearned } from "./learned/index.js";

/** The model file `pnpm build-data` writes next to the datasets. */
export const LEARNED_MODEL_FILE = "baseline-learned-v1.json";

/** A {@link ChatModel} answering with the learned baseline's label and calibrated confidence. */
export function createLearnedModel(model: LearnedModel): ChatModel {
  return {
    provider: "baseline",
    modelId: "baseline/learned",
    async doGenerate({ messages }) {
      const lastUser = [...messages].reverse().find((message) => message.role === "user");
      const question = lastUser ? getResponseText([lastUser]) : "";
      const prediction = predictLearned({ model, question });
      const answer = {
        label: prediction.label,
        confidence: Number(prediction.confidence.toFixed(4)),
        rationale: `logistic model over the flow fields: P(malicious) = ${prediction.probability.toFixed(3)}`,
      };
      return {
        text: JSON.stringify(answer),
        usage: { inputTokens: 0, outputTokens: 0 },
        finishReason: "stop",
      };
    },
  };
}

/** `baseline/learned`: the model `pnpm build-data` trained on the train split, read from the data dir. */
export const learnedBaseline: BaselineDefinition = {
  description: `logistic regression over the question's fields, trained by pnpm build-data (${LEARNED_MODEL_FILE})`,
  async load(options) {
    const path = resolve(join(options.dataDir ?? "./data/e1", LEARNED_MODEL_FILE));
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      throw new EnvError({
        code: ENV_ERROR_CODES.baselineModelMissing,
        message: `baseline/learned needs ${path}: build it with \`pnpm build-data --out ${options.dataDir ?? "./data/e1"} ...\` (or pass --data-dir)`,
        cause: error,
      });
    }
    let model: unknown;
    try {
      model = JSON.parse(text);
    } catch (error) {
      throw new EnvError({
        code: ENV_ERROR_CODES.baselineModelMissing,
        message: `${path}: not valid JSON`,
        cause: error,
      });
    }
    if (!isLearnedModel(model)) {
      throw new EnvError({
        code: ENV_ERROR_CODES.baselineModelMissing,
        message: `${path}: not a learned-baseline model file (expected format "sv-e1-learned-baseline", version 1)`,
      });
    }
    return createLearnedModel(model);
  },
};
