import { z } from "zod";
import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";

/** The gold label of a row. */
export type RowAnswer = "Malicious" | "Benign";

/** Accepts a label in any case, or a Hub ClassLabel 0/1 or boolean (1 = Malicious), and normalises it. */
export const rowAnswerSchema = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((value, context): RowAnswer => {
    if (value === 1 || value === true) return "Malicious";
    if (value === 0 || value === false) return "Benign";
    if (typeof value === "string") {
      const lower = value.toLowerCase();
      if (lower === "malicious") return "Malicious";
      if (lower === "benign") return "Benign";
    }
    context.addIssue({
      code: "custom",
      message: `answer must be "Malicious", "Benign", 0 or 1, got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  });

/** `meta` of a row: the original's keys, plus any extra keys (e.g. provenance). */
export const rowMetaSchema = z
  .object({
    source: z.string(),
    scenario: z.string().optional(),
    attack_family: z.string().optional(),
    hash: z
      .string()
      .regex(/^[0-9a-f]{16}$/, "hash must be 16 lower-case hex characters")
      .optional(),
    split: z.string().optional(),
  })
  .catchall(z.unknown());

/** One dataset row: the same schema as the Python original, so files are interchangeable. */
export const rowSchema = z.object({
  question: z.string().min(1, "question must not be empty"),
  answer: rowAnswerSchema,
  meta: rowMetaSchema.default({ source: "unknown" }),
});

export type Row = z.output<typeof rowSchema>;
export type RowMeta = z.output<typeof rowMetaSchema>;

/** Where a row came from, for error messages. */
export interface RowLocation {
  file?: string;
  line?: number;
}

function where(location: RowLocation): string {
  if (location.file && location.line !== undefined) return `${location.file}:${location.line}`;
  if (location.file) return location.file;
  if (location.line !== undefined) return `line ${location.line}`;
  return "row";
}

export type SafeParseRowResult = { success: true; row: Row } | { success: false; error: DatasetError };

/** Validate and normalise a row; never throws. */
export function safeParseRow(value: unknown, location: RowLocation = {}): SafeParseRowResult {
  const result = rowSchema.safeParse(value);
  if (result.success) return { success: true, row: result.data };
  const issues = result.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(row)"}: ${issue.message}`)
    .join("; ");
  return {
    success: false,
    error: new DatasetError({
      code: DATASET_ERROR_CODES.invalidRow,
      message: `${where(location)}: invalid row: ${issues}`,
      cause: result.error,
    }),
  };
}

/** Validate and normalise a row; throws {@link DatasetError} naming the file and line. */
export function parseRow(value: unknown, location: RowLocation = {}): Row {
  const result = safeParseRow(value, location);
  if (!result.success) throw result.error;
  return result.row;
}
