import { SvError } from "@sv/parser";

/** Codes of {@link EnvError}. */
export const ENV_ERROR_CODES = {
  invalidOptions: "ENV_INVALID_OPTIONS",
  unknownBaseline: "ENV_UNKNOWN_BASELINE",
  baselineModelMissing: "ENV_BASELINE_MODEL_MISSING",
  modelCall: "ENV_MODEL_CALL",
  aborted: "ENV_ABORTED",
  cacheUnavailable: "ENV_CACHE_UNAVAILABLE",
} as const;

export type EnvErrorCode = (typeof ENV_ERROR_CODES)[keyof typeof ENV_ERROR_CODES];

/** An environment was configured with unknown or invalid options, or a model call failed. */
export class EnvError extends SvError {
  declare readonly code: EnvErrorCode;

  constructor(options: { code: EnvErrorCode; message: string; cause?: unknown }) {
    super(options);
    this.name = "EnvError";
  }
}
