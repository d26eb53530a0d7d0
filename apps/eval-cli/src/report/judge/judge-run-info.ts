import type { RunMetadata } from "../run-metadata.js";
import type { JudgeKind } from "./rollout-judge.js";

/** The environment ids of the original's judge environment (vf-eval writes them as `env_id`). */
export const JUDGE_ENV_IDS: readonly string[] = ["sv-netlogs-judge", "sv-env-network-logs-judge"];

/** The judge model of the original's judge environment when its run names none (`load_environment`). */
export const ORIGINAL_JUDGE_MODEL = "gpt-4.1-nano";

/** The rubric modes that have a judge. */
export type JudgeMode = "judge" | "hybrid";

/** A run's judge setup, from metadata.json's `rubric` and the rows. */
export interface JudgeRunInfo {
  mode: JudgeMode;
  model: string | null;
  modelNote: string | null;
  weight: number | null;
}

/** Options of {@link judgeRunInfo}. */
export interface JudgeRunInfoOptions {
  metadata: RunMetadata;
  /** Kinds of judge the rows carry. */
  kinds: ReadonlySet<JudgeKind>;
  /** Judge models the rows name. */
  models: ReadonlySet<string>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const MODE_OF_KIND: Record<JudgeKind, JudgeMode> = { correctness: "judge", rationale: "hybrid" };

/**
 * The run's judge mode and model, or null for a run without a judge (`rubric.mode` executable or absent,
 * no judged row, not the original's judge environment). The rows' kinds decide when metadata.json has no
 * `rubric` (runs of other tools).
 */
export function judgeRunInfo(options: JudgeRunInfoOptions): JudgeRunInfo | null {
  const { metadata, kinds, models } = options;
  const rubric = isObject(metadata.rubric) ? metadata.rubric : {};
  const recordedMode = rubric.mode === "judge" || rubric.mode === "hybrid" ? rubric.mode : undefined;
  // Rows of both kinds (not written by one run: --resume keeps the mode) take metadata's mode, else judge.
  const rowMode = kinds.has("correctness")
    ? "judge"
    : kinds.has("rationale")
      ? MODE_OF_KIND.rationale
      : undefined;
  const originalEnv = typeof metadata.env_id === "string" && JUDGE_ENV_IDS.includes(metadata.env_id);
  const mode: JudgeMode | undefined = recordedMode ?? rowMode ?? (originalEnv ? "judge" : undefined);
  if (mode === undefined) return null;
  const envModel = metadata.env_args?.judge_model;
  let model: string | null = null;
  let modelNote: string | null = null;
  if (typeof rubric.judge_model === "string" && rubric.judge_model !== "") model = rubric.judge_model;
  else if (models.size > 0) model = [...models].sort().join(", ");
  else if (typeof envModel === "string" && envModel !== "") model = envModel;
  else if (originalEnv) {
    model = ORIGINAL_JUDGE_MODEL;
    modelNote = "not recorded by the run: the original judge environment's default";
  }
  const weight = rubric.judge_weight;
  return {
    mode,
    model,
    modelNote,
    weight: typeof weight === "number" && Number.isFinite(weight) ? weight : null,
  };
}
