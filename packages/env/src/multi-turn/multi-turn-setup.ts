import type { FlowIndex, Row } from "@sv/dataset";
import { ENV_ERROR_CODES, EnvError } from "../env-error.js";
import type { ToolDefinition } from "../model/chat-model.js";
import { FLOW_TOOLS, type FlowToolScope } from "./flow-tools.js";

/** Default turn budget of a multi-turn rollout (model requests, the final answer included). */
export const DEFAULT_MAX_TURNS = 5;

/** What a multi-turn evaluation needs: the index, the tools, the budget and each example's scope. */
export interface MultiTurnSetup {
  index: FlowIndex;
  tools: readonly ToolDefinition[];
  maxTurns: number;
  scopeOf(row: Row): FlowToolScope;
}

export interface CreateMultiTurnSetupOptions {
  index: FlowIndex;
  rows: readonly Row[];
  maxTurns?: number;
}

/**
 * Place every example in the index (by `meta.file` and `meta.line`) up front, so an index that does not
 * belong to the dataset fails loudly at load time instead of answering "no flows" to every call.
 */
export function createMultiTurnSetup(options: CreateMultiTurnSetupOptions): MultiTurnSetup {
  const { index } = options;
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  if (!Number.isInteger(maxTurns) || maxTurns < 1) {
    throw new EnvError({
      code: ENV_ERROR_CODES.invalidOptions,
      message: `maxTurns must be an integer >= 1, got ${maxTurns}`,
    });
  }
  if (index.size === 0 && options.rows.length > 0) {
    throw new EnvError({
      code: ENV_ERROR_CODES.invalidOptions,
      message: `multi-turn mode: the flow index ${index.path} holds no flows (its inputs had no timestamps, e.g. CIC-IDS-2017 MachineLearningCVE or the UNSW-NB15 training/testing sets); multi-turn needs a dataset whose flows carry ts`,
    });
  }
  const scopes = new Map<Row, FlowToolScope>();
  options.rows.forEach((row, position) => {
    const {
      file,
      line,
      hash,
      look_back_from: from,
    } = row.meta as {
      file?: unknown;
      line?: unknown;
      hash?: unknown;
      look_back_from?: unknown;
    };
    const where = `example ${position} (meta.file ${JSON.stringify(file)}, meta.line ${JSON.stringify(line)})`;
    const found =
      typeof file === "string" && typeof line === "number" ? index.position({ file, line }) : undefined;
    if (!found) {
      throw new EnvError({
        code: ENV_ERROR_CODES.invalidOptions,
        message: `multi-turn mode: ${where} is not in the flow index ${index.path}; build the dataset and its index together (\`pnpm build-data --flow-index\`)`,
      });
    }
    scopes.set(row, {
      capture: found.capture,
      before: found.ts,
      ...(typeof from === "number" && Number.isFinite(from) ? { from } : {}),
      excludeHash: typeof hash === "string" ? hash : found.hash,
    });
  });
  return { index, tools: FLOW_TOOLS, maxTurns, scopeOf: (row) => scopes.get(row)! };
}
