import type { RubricMode } from "@sv/rubric";
import { storableBaseUrl } from "../run-output/stored-base-url.js";
import type { JudgeSettings } from "./judge-settings.js";

/** metadata.json `rubric`: how the run was rewarded and by which judge (never a key). */
export interface RubricRecord {
  mode: RubricMode;
  judge_model: string;
  /** The judge endpoint's host (absent for the OpenAI API default). */
  judge_base_url_host?: string;
  /** Ours: the judge's base URL without secrets (as `base_url`), so `--resume` reaches it again. */
  judge_base_url?: string;
  /** Ours: the variable holding the judge's key (never the key). */
  judge_api_key_var: string;
  judge_sampling_args: Record<string, unknown>;
  /** Hybrid mode only. */
  judge_weight?: number;
  judge_prompt_sha256: string;
}

/** The `rubric` record of a run judged with these settings. */
export function rubricRecord(settings: JudgeSettings): RubricRecord {
  const stored = storableBaseUrl(settings.baseURL).url;
  let host: string | undefined;
  if (stored) {
    try {
      host = new URL(stored).host;
    } catch {
      host = undefined;
    }
  }
  return {
    mode: settings.mode,
    judge_model: settings.model,
    ...(host ? { judge_base_url_host: host } : {}),
    ...(stored ? { judge_base_url: stored } : {}),
    judge_api_key_var: settings.apiKeyVar,
    judge_sampling_args: settings.samplingArgs,
    ...(settings.weight === undefined ? {} : { judge_weight: settings.weight }),
    judge_prompt_sha256: settings.promptSha256,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A metadata.json `rubric` record, or undefined when the run has none (an executable run). */
export function readRubricRecord(value: unknown): RubricRecord | undefined {
  if (!isObject(value) || typeof value.mode !== "string" || typeof value.judge_model !== "string")
    return undefined;
  return value as unknown as RubricRecord;
}
