import { getResponseText } from "@sv/parser";
import type { ChatModel } from "../model/chat-model.js";
import type { BaselineDefinition } from "./baseline-definition.js";
import { heuristicVerdict } from "./heuristic-rules.js";

/** A {@link ChatModel} that answers with {@link heuristicVerdict} on the last user message. */
export function createHeuristicModel(): ChatModel {
  return {
    provider: "baseline",
    modelId: "baseline/heuristic",
    async doGenerate({ messages }) {
      const lastUser = [...messages].reverse().find((message) => message.role === "user");
      const verdict = heuristicVerdict(lastUser ? getResponseText([lastUser]) : "");
      return {
        text: JSON.stringify(verdict),
        usage: { inputTokens: 0, outputTokens: 0 },
        finishReason: "stop",
      };
    },
  };
}

/** `baseline/heuristic`: rules over the flow fields, with its own confidence. Works offline. */
export const heuristicBaseline: BaselineDefinition = {
  description: "documented rules over the flow fields (ports, conn_state, history, bytes), own confidence",
  load: async () => createHeuristicModel(),
};
