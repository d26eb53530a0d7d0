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
  maxRetries: integer(0),
  timeout: z.coerce.number().min(0),
  maxConsecutiveErrors: integer(0),
  sharedRateLimit: z.boolean().default(true),
  systemPromptFile: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

/** The evaluation flags, validated. */
export type EvalFlags = z.output<typeof flagsSchema>;

/** Validate commander's option values; throws {@link CliError} naming the flag. */
export function parseEvalFlags(raw: RawEvalFlags): EvalFlags {
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
