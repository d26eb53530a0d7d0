import { ENV_ID, ENV_MODES } from "@sv/env";
import { parseRubricMode, RUBRIC_MODES } from "@sv/rubric";
import { z } from "zod";
import { CliError } from "../../cli-error.js";
import { credentialInSamplingArgs } from "./credential-in-sampling-args.js";

/** Raw option values as commander hands them over (strings, booleans). */
export type RawEvalFlags = Record<string, unknown>;

const integer = (min: number) => z.coerce.number().int().min(min);
const json = (name: string) =>
  z.string().transform((text, context) => {
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new Error("not an object");
      return value as Record<string, unknown>;
    } catch (error) {
      context.addIssue({
        code: "custom",
        message: `${name} must be a JSON object (${(error as Error).message})`,
      });
      return z.NEVER;
    }
  });

const flagsSchema = z.object({
  model: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .refine((names) => names.length > 0, "names no model (give a model name, or leave -m out)")
    .optional(),
  apiBaseUrl: z.url().optional(),
  apiKeyVar: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name"),
  numExamples: integer(-1).optional(),
  rolloutsPerExample: integer(1),
  maxConcurrent: integer(1),
  maxTokens: integer(1).optional(),
  temperature: z.coerce.number().min(0).max(2).optional(),
  samplingArgs: json("--sampling-args").optional(),
  envArgs: json("--env-args").optional(),
  saveResults: z.boolean(),
  verbose: z.boolean().optional(),
  dataset: z.string().min(1).optional(),
  datasetSource: z.enum(["auto", "local", "hub", "synthetic", "demo"]).optional(),
  dataDir: z.string().min(1).optional(),
  split: z.string().min(1).optional(),
  seed: z.coerce.number().int().optional(),
  outputDir: z.string().min(1),
  runId: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, "may hold letters, digits, '.', '_' and '-' only")
    .refine(
      (id) => !/^\.+$/.test(id),
      "must not be '.' or '..' (it would name the model's or the parent folder)",
    )
    .refine((id) => !id.startsWith("-"), "must not start with '-' (it would read as a flag)")
    .optional(),
  /** A run folder, or `true` (no path): the newest unfinished run of the env and model. */
  resume: z.union([z.string().min(1), z.literal(true)]).optional(),
  retryErrors: z.string().min(1).optional(),
  requestRetries: integer(0),
  requestTimeout: z.coerce.number().min(0),
  maxConsecutiveErrors: integer(0),
  sharedRateLimit: z.boolean().default(true),
  envMode: z.enum(ENV_MODES).optional(),
  maxTurns: integer(1).optional(),
  flowIndex: z.string().min(1).optional(),
  systemPromptFile: z.string().min(1).optional(),
  json: z.boolean().optional(),
  cache: z.boolean().optional(),
  priceInput: z.coerce.number().min(0).optional(),
  priceOutput: z.coerce.number().min(0).optional(),
  maxCost: z.coerce.number().positive().optional(),
  config: z.string().min(1).optional(),
  /** `executable` (default), `judge` or `hybrid`; the original's `reward_source` values are read too. */
  rubric: z
    .preprocess(
      (value) => parseRubricMode(value) ?? value,
      z.enum(RUBRIC_MODES, "must be executable, judge or hybrid"),
    )
    .optional(),
  judgeModel: z.string().min(1).optional(),
  judgeBaseUrl: z.url().optional(),
  judgeApiKeyVar: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")
    .optional(),
  judgeSamplingArgs: json("--judge-sampling-args").optional(),
  judgeWeight: z.coerce.number().finite().min(0).optional(),
  judgePriceInput: z.coerce.number().min(0).optional(),
  judgePriceOutput: z.coerce.number().min(0).optional(),
});

/** The evaluation flags, validated; `given` names the flags set on the command line (not defaults). */
export type EvalFlags = z.output<typeof flagsSchema> & { given?: ReadonlySet<string> };

/**
 * vf-eval flags whose meaning this CLI does not have, with what to use instead. They are refused with
 * that hint rather than read with another meaning.
 */
export const VF_EVAL_RENAMED_FLAGS = {
  timeout:
    "--timeout is vf-eval's wall-clock limit per rollout, which this CLI does not have; " +
    "use --request-timeout SECONDS (each request to the model, default 120)",
  maxRetries:
    "--max-retries is vf-eval's re-runs of a rollout after infrastructure errors; here retries are " +
    "per request to the model (429, 5xx, timeouts, resets, garbled replies): use --request-retries N (default 5)",
} as const;

/** The original's judge environment, under its Hub name and its own: both mean `--rubric judge`. */
export const JUDGE_ENV_IDS = ["sv-netlogs-judge", "sv-env-network-logs-judge"] as const;

/**
 * Check the environment id given as vf-eval's first argument (`pnpm eval sv-env-network-logs ...`):
 * `sv-env-network-logs`, or the original's judge environment (`sv-netlogs-judge`,
 * `sv-env-network-logs-judge`, optionally `owner/`-prefixed), which returns the rubric mode it implies
 * (`judge`). Throws {@link CliError} naming an unknown id.
 */
export function checkEnvId(envId: string | undefined): "judge" | undefined {
  if (envId === undefined || envId === ENV_ID) return undefined;
  const bare = envId.replace(/^[^/]+\//, "");
  if ((JUDGE_ENV_IDS as readonly string[]).includes(bare)) return "judge";
  if (bare === ENV_ID) return undefined;
  throw new CliError({
    exitCode: 2,
    message:
      `unknown environment ${JSON.stringify(envId)}: this CLI evaluates ${ENV_ID} ` +
      `(or its judge variant ${JUDGE_ENV_IDS.join(" / ")}; or did you mean a command: score, report, view?)`,
  });
}

/** Options of {@link parseEvalFlags}. */
export interface ParseEvalFlagsOptions {
  /** Options set by a config file, with the file and key (`eval.toml: max-concurrent`) errors name. */
  fileKeys?: Readonly<Record<string, string>>;
}

/**
 * Check the environment id ({@link checkEnvId}); the original's judge environment sets `raw.rubric` to
 * `judge`, and a `--rubric` that says otherwise is a {@link CliError}.
 */
export function applyEnvId(envId: string | undefined, raw: RawEvalFlags): void {
  const implied = checkEnvId(envId);
  if (!implied) return;
  const rubric = raw.rubric;
  if (rubric !== undefined && parseRubricMode(rubric) !== implied) {
    throw new CliError({
      exitCode: 2,
      message: `${envId} is the original's judge environment (--rubric judge), but --rubric ${String(rubric)} was given`,
    });
  }
  raw.rubric = implied;
}

/**
 * Validate commander's option values; throws {@link CliError} naming the flag. `given` holds the option
 * keys the user set (camelCase), so `--resume` can tell a default from a flag it must apply or refuse.
 */
export function parseEvalFlags(
  raw: RawEvalFlags,
  given?: ReadonlySet<string>,
  options: ParseEvalFlagsOptions = {},
): EvalFlags {
  for (const [name, hint] of Object.entries(VF_EVAL_RENAMED_FLAGS)) {
    if (raw[name] !== undefined) throw new CliError({ message: hint, exitCode: 2 });
  }
  const result = flagsSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "");
      const fileKey = options.fileKeys?.[name];
      if (fileKey !== undefined) return `${fileKey}: ${issue.message}`;
      return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${issue.message}`;
    });
    throw new CliError({ message: issues.join("; "), exitCode: 2 });
  }
  for (const [flag, args, keyFlag] of [
    ["--sampling-args", result.data.samplingArgs, "-k/--api-key-var"],
    ["--judge-sampling-args", result.data.judgeSamplingArgs, "--judge-api-key-var"],
  ] as const) {
    const credential = credentialInSamplingArgs(args);
    if (credential) {
      throw new CliError({
        exitCode: 2,
        message: `${flag}: "${credential}" looks like a credential; sampling args are written to metadata.json and the reports, so give the key through the environment (${keyFlag} NAME) instead`,
      });
    }
  }
  if (result.data.resume !== undefined && result.data.retryErrors !== undefined) {
    throw new CliError({
      exitCode: 2,
      message:
        "--resume and --retry-errors: give one (finish a run first with --resume, then --retry-errors)",
    });
  }
  checkJudgeFlags(result.data);
  return given ? { ...result.data, given } : result.data;
}

/** Judge flags without a judge, or a weight without the hybrid reward, are refused rather than ignored. */
function checkJudgeFlags(flags: z.output<typeof flagsSchema>): void {
  const envArgs = flags.envArgs ?? {};
  const mode =
    flags.rubric ?? parseRubricMode(envArgs.rubricMode ?? envArgs.rubric_mode ?? envArgs.reward_source);
  const judgeFlags = (
    [
      "judgeModel",
      "judgeBaseUrl",
      "judgeApiKeyVar",
      "judgeSamplingArgs",
      "judgeWeight",
      "judgePriceInput",
      "judgePriceOutput",
    ] as const
  )
    .filter((name) => flags[name] !== undefined)
    .map((name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
  // With --resume the run's own mode applies, so the flags are checked against it there.
  if (flags.resume !== undefined || flags.retryErrors !== undefined) return;
  if ((mode === undefined || mode === "executable") && judgeFlags.length > 0) {
    throw new CliError({
      exitCode: 2,
      message: `${judgeFlags.join(", ")}: there is no judge with --rubric ${mode ?? "executable"} (the default); add --rubric judge or --rubric hybrid`,
    });
  }
  if (mode === "judge" && flags.judgeWeight !== undefined) {
    throw new CliError({
      exitCode: 2,
      message:
        "--judge-weight weighs the judge's part of the hybrid reward; with --rubric judge the reward is the judge's verdict alone (use --rubric hybrid)",
    });
  }
}
