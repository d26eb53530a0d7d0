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
    .optional(),
  /** A run folder, or `true` (no path): the newest unfinished run of the env and model. */
  resume: z.union([z.string().min(1), z.literal(true)]).optional(),
  retryErrors: z.string().min(1).optional(),
  maxRetries: integer(0),
  timeout: z.coerce.number().min(0),
  maxConsecutiveErrors: integer(0),
  sharedRateLimit: z.boolean().default(true),
  systemPromptFile: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

/** The evaluation flags, validated; `given` names the flags set on the command line (not defaults). */
export type EvalFlags = z.output<typeof flagsSchema> & { given?: ReadonlySet<string> };

/**
 * Validate commander's option values; throws {@link CliError} naming the flag. `given` holds the option
 * keys the user set (camelCase), so `--resume` can tell a default from a flag it must apply or refuse.
 */
export function parseEvalFlags(raw: RawEvalFlags, given?: ReadonlySet<string>): EvalFlags {
  const result = flagsSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const flag = String(issue.path[0] ?? "").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return `--${flag}: ${issue.message}`;
    });
    throw new CliError({ message: issues.join("; "), exitCode: 2 });
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
