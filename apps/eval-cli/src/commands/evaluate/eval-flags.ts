import { ENV_ID, ENV_MODES } from "@sv/env";
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

/**
 * Check the environment id given as vf-eval's first argument (`pnpm eval sv-env-network-logs ...`);
 * only `sv-env-network-logs` exists here. Throws {@link CliError} naming it.
 */
export function checkEnvId(envId: string | undefined): void {
  if (envId === undefined || envId === ENV_ID) return;
  throw new CliError({
    exitCode: 2,
    message:
      `unknown environment ${JSON.stringify(envId)}: this CLI evaluates only ${ENV_ID} ` +
      "(or did you mean a command: score, report, view?)",
  });
}

/** Options of {@link parseEvalFlags}. */
export interface ParseEvalFlagsOptions {
  /** Options set by a config file, with the file and key (`eval.toml: max-concurrent`) errors name. */
  fileKeys?: Readonly<Record<string, string>>;
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
  const credential = credentialInSamplingArgs(result.data.samplingArgs);
  if (credential) {
    throw new CliError({
      exitCode: 2,
      message: `--sampling-args: "${credential}" looks like a credential; sampling args are written to metadata.json and the reports, so give the key through the environment (-k/--api-key-var NAME) instead`,
    });
  }
  if (result.data.resume !== undefined && result.data.retryErrors !== undefined) {
    throw new CliError({
      exitCode: 2,
      message:
        "--resume and --retry-errors: give one (finish a run first with --resume, then --retry-errors)",
    });
  }
  return given ? { ...result.data, given } : result.data;
}
