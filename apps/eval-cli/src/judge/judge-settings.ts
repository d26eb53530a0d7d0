import { createHash } from "node:crypto";
import type { SamplingArgs } from "@sv/env";
import {
  type JudgeKind,
  judgeKindOf,
  ORIGINAL_JUDGE_MODEL,
  ORIGINAL_JUDGE_PROMPT,
  ORIGINAL_JUDGE_SAMPLING_ARGS,
  RATIONALE_JUDGE_PROMPT,
  type RubricMode,
} from "@sv/rubric";
import { CliError } from "../cli-error.js";
import type { RubricRecord } from "./rubric-record.js";

/** The judge key variable when none is named (as the model's `-k`). */
export const DEFAULT_JUDGE_API_KEY_VAR = "OPENAI_API_KEY";

/** Everything the CLI needs to call and record the judge of a run in judge or hybrid mode. */
export interface JudgeSettings {
  mode: Exclude<RubricMode, "executable">;
  kind: JudgeKind;
  model: string;
  /** The judge's base URL; undefined means the OpenAI API. */
  baseURL: string | undefined;
  apiKeyVar: string;
  apiKey: string | undefined;
  /** The original's `{max_tokens: 16, temperature: 0}` with `--judge-sampling-args` over it. */
  samplingArgs: SamplingArgs;
  /** Hybrid mode's weight of the judge score. */
  weight: number | undefined;
  /** SHA-256 (hex) of the judge prompt template in use. */
  promptSha256: string;
}

/** The judge flags as {@link resolveJudgeSettings} reads them. */
export interface JudgeFlags {
  judgeModel?: string;
  judgeBaseUrl?: string;
  judgeApiKeyVar?: string;
  judgeSamplingArgs?: Record<string, unknown>;
}

/** Options of {@link resolveJudgeSettings}. */
export interface ResolveJudgeSettingsOptions {
  /** The environment's rubric mode. */
  mode: RubricMode;
  /** Hybrid mode's weight as the environment resolved it (undefined: the default). */
  weight: number | undefined;
  flags: JudgeFlags;
  env: Record<string, string | undefined>;
  /** A resumed run's `rubric` record: its judge is kept (flags that differ are refused before this). */
  recorded?: RubricRecord;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The judge of a run in judge or hybrid mode (undefined in executable mode). A judge that has neither a
 * key in its key variable nor a base URL is a {@link CliError} (exit 2) raised before any run starts.
 */
export function resolveJudgeSettings(options: ResolveJudgeSettingsOptions): JudgeSettings | undefined {
  const { mode, flags, recorded } = options;
  const kind = judgeKindOf(mode);
  if (mode === "executable" || kind === undefined) return undefined;
  const model = flags.judgeModel ?? recorded?.judge_model ?? ORIGINAL_JUDGE_MODEL;
  const baseURL = flags.judgeBaseUrl ?? recorded?.judge_base_url ?? undefined;
  const apiKeyVar = flags.judgeApiKeyVar ?? recorded?.judge_api_key_var ?? DEFAULT_JUDGE_API_KEY_VAR;
  const apiKey = options.env[apiKeyVar] || undefined;
  if (!apiKey && !baseURL) {
    throw new CliError({
      exitCode: 2,
      message:
        `--rubric ${mode}: the judge ${model} needs an API key in $${apiKeyVar} (or a .env file), ` +
        "or --judge-base-url for a local server; name another variable with --judge-api-key-var",
    });
  }
  const samplingArgs = (recorded?.judge_sampling_args as SamplingArgs | undefined) ?? {
    ...ORIGINAL_JUDGE_SAMPLING_ARGS,
    ...flags.judgeSamplingArgs,
  };
  return {
    mode,
    kind,
    model,
    baseURL,
    apiKeyVar,
    apiKey,
    samplingArgs,
    weight: mode === "hybrid" ? (options.weight ?? 0.1) : undefined,
    promptSha256: sha256(kind === "correctness" ? ORIGINAL_JUDGE_PROMPT : RATIONALE_JUDGE_PROMPT),
  };
}
