import type { LoadedDataset, Row } from "@sv/dataset";
import type { ChatMessage, Completion, ParsedAnswer } from "@sv/parser";
import type { Rubric, RubricMode, ScoredCompletion } from "@sv/rubric";
import type { EnvironmentOptions, EnvMode } from "./environment-options.js";
import type { ToolDefinition } from "./model/chat-model.js";
import type { EvaluateOptions } from "./evaluate/evaluate-options.js";
import type { EvaluationRun } from "./evaluate/evaluation-run.js";

/** The E1 environment, as {@link loadEnvironment} returns it. */
export interface Environment {
  /** `sv-env-network-logs`. */
  readonly id: string;
  /** The `@sv/env` version. */
  readonly version: string;
  readonly systemPrompt: string;
  /** The loaded dataset (`rows`, its name, tier, split and, for local files, path). */
  readonly dataset: LoadedDataset;
  /** The validated options, for run metadata (`env_args`); `rows` and `signal` left out. */
  readonly options: Omit<EnvironmentOptions, "rows" | "signal">;
  readonly parser: { parse(completion: Completion | unknown): ParsedAnswer };
  readonly rubric: Rubric;
  /** Chat messages for one example: the system prompt, then the question. */
  formatPrompt(example: Row): ChatMessage[];
  /** Score a completion against an example's answer (same numbers as `eval score`). */
  score(completion: Completion | unknown, example: Pick<Row, "answer">): ScoredCompletion;
  /** How rollouts are rewarded: `executable`, `judge` or `hybrid` (see `EnvironmentOptions.rubricMode`). */
  readonly rubricMode: RubricMode;
  /** `single-turn` or `multi-turn`. */
  readonly mode: EnvMode;
  /** The tools offered in multi-turn mode (none in single-turn mode). */
  readonly tools: readonly ToolDefinition[];
  /** Release the flow index (multi-turn); a no-op otherwise. */
  close(): void;
  /** Evaluate a model; iterate the run for rollouts as they finish, then await `run.summary()`. */
  evaluate(options: EvaluateOptions): EvaluationRun;
}
