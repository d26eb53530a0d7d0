import { ENV_ERROR_CODES, EnvError } from "../env-error.js";
import type { ChatModel } from "../model/chat-model.js";
import type { BaselineDefinition, BaselineLoadOptions } from "./baseline-definition.js";
import { heuristicBaseline } from "./heuristic-baseline.js";
import { learnedBaseline } from "./learned-baseline.js";

/** The built-in baselines, by model name. Adding one is one entry here. */
export const BASELINES: Readonly<Record<string, BaselineDefinition>> = {
  "baseline/heuristic": heuristicBaseline,
  "baseline/learned": learnedBaseline,
};

/** True when `name` names a built-in baseline (`baseline/...`). */
export function isBaselineName(name: string): boolean {
  return Object.hasOwn(BASELINES, name);
}

export interface LoadBaselineOptions extends BaselineLoadOptions {
  /** A key of {@link BASELINES}, e.g. `baseline/heuristic`. */
  name: string;
}

/** Load a built-in baseline as a {@link ChatModel}; throws `EnvError` naming the known ones. */
export async function loadBaseline(options: LoadBaselineOptions): Promise<ChatModel> {
  const { name, ...loadOptions } = options;
  const definition = Object.hasOwn(BASELINES, name) ? BASELINES[name] : undefined;
  if (!definition) {
    throw new EnvError({
      code: ENV_ERROR_CODES.unknownBaseline,
      message: `unknown baseline "${name}" (known: ${Object.keys(BASELINES).join(", ")})`,
    });
  }
  return definition.load(loadOptions);
}
