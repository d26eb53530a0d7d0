import { ENV_ID, ENV_MODES } from "@sv/env";
import { z } from "zod";
import { CliError } from "../../cli-error.js";

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
    .optional(),
  resume: z.string().min(1).optional(),
  requestRetries: integer(0),
  requestTimeout: z.coerce.number().min(0),
  maxConsecutiveErrors: integer(0),
  sharedRateLimit: z.boolean().default(true),
  envMode: z.enum(ENV_MODES).optional(),
  maxTurns: integer(1).optional(),
  flowIndex: z.string().min(1).optional(),
  systemPromptFile: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

/** The evaluation flags, validated. */
export type EvalFlags = z.output<typeof flagsSchema>;

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

/** Validate commander's option values; throws {@link CliError} naming the flag. */
export function parseEvalFlags(raw: RawEvalFlags): EvalFlags {
  for (const [name, hint] of Object.entries(VF_EVAL_RENAMED_FLAGS)) {
    if (raw[name] !== undefined) throw new CliError({ message: hint, exitCode: 2 });
  }
  const result = flagsSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const flag = String(issue.path[0] ?? "").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return `--${flag}: ${issue.message}`;
    });
    throw new CliError({ message: issues.join("; "), exitCode: 2 });
  }
  return result.data;
}
