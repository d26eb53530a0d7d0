import {
  checkJudgeWeight,
  DEFAULT_JUDGE_WEIGHT,
  type JudgeKind,
  judgeKindOf,
  type RubricMode,
} from "@sv/rubric";
import { ENV_ERROR_CODES, EnvError } from "../env-error.js";
import type { ChatModel, SamplingArgs } from "../model/chat-model.js";
import type { JudgeOptions } from "./judge-options.js";

/** What an evaluation needs to judge its rollouts (see {@link createJudgeSetup}). */
export interface JudgeSetup {
  kind: JudgeKind;
  model: ChatModel;
  samplingArgs: SamplingArgs | undefined;
  /** Hybrid mode: the weight of the rationale score. */
  weight: number;
}

/** Options of {@link createJudgeSetup}. */
export interface CreateJudgeSetupOptions {
  mode: RubricMode;
  /** Hybrid mode's judge weight (default 0.1). */
  weight: number | undefined;
  judge: JudgeOptions | undefined;
}

function fail(message: string): never {
  throw new EnvError({ code: ENV_ERROR_CODES.invalidOptions, message });
}

/**
 * The judge an evaluation in `judge` or `hybrid` mode calls; undefined in `executable` mode. A mode that
 * needs a judge without one, or a judge given to the executable rubric, is an {@link EnvError}.
 */
export function createJudgeSetup(options: CreateJudgeSetupOptions): JudgeSetup | undefined {
  const kind = judgeKindOf(options.mode);
  if (kind === undefined) {
    if (options.judge) fail('a judge was given, but rubricMode is "executable" (use "judge" or "hybrid")');
    return undefined;
  }
  if (!options.judge?.model) {
    fail(`rubricMode "${options.mode}" needs a judge: evaluate({ model, judge: { model: judgeModel } })`);
  }
  return {
    kind,
    model: options.judge.model,
    samplingArgs: options.judge.samplingArgs,
    weight: checkJudgeWeight(options.weight ?? DEFAULT_JUDGE_WEIGHT),
  };
}
