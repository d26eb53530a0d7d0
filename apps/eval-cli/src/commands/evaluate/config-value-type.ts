/**
 * What a config file (`-C eval.toml`) may give each option: TOML has types, so a value of the wrong type
 * is an error naming the key and the type wanted, never coerced (`temperature = false` is not 0).
 */
export type ConfigValueType = "integer" | "number" | "boolean" | "string" | "models" | "table" | "resume";

const INTEGER_OPTIONS = new Set([
  "numExamples",
  "rolloutsPerExample",
  "maxConcurrent",
  "maxTokens",
  "seed",
  "requestRetries",
  "maxConsecutiveErrors",
  "maxTurns",
]);
const NUMBER_OPTIONS = new Set([
  "temperature",
  "requestTimeout",
  "priceInput",
  "priceOutput",
  "maxCost",
  "judgeWeight",
  "judgePriceInput",
  "judgePriceOutput",
]);
const TABLE_OPTIONS = new Set(["samplingArgs", "envArgs", "judgeSamplingArgs"]);

/** How commander declares an option: whether it takes a value (`<x>` required, `[x]` optional). */
export interface DeclaredOption {
  attributeName: string;
  takesValue: boolean;
  optionalValue: boolean;
}

/** The type a config file must give `option`, from how the flag is declared. */
export function configValueType(option: DeclaredOption): ConfigValueType {
  const name = option.attributeName;
  if (!option.takesValue) return "boolean";
  if (option.optionalValue) return "resume";
  if (INTEGER_OPTIONS.has(name)) return "integer";
  if (NUMBER_OPTIONS.has(name)) return "number";
  if (TABLE_OPTIONS.has(name)) return "table";
  if (name === "model") return "models";
  return "string";
}

const WANTED: Record<ConfigValueType, string> = {
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  string: "a string",
  models: 'a model name or a list of them ("m" or ["a", "b"])',
  table: "a table ({ key = value }) or JSON object text",
  resume: "a run folder (string) or true",
};

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (value === null) return "null";
  if (typeof value === "object") return "a table";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "number" && !Number.isInteger(value)) return `the number ${value}`;
  return `${typeof value === "number" ? "the integer" : `the ${typeof value}`} ${String(value)}`;
}

function matches(type: ConfigValueType, value: unknown): boolean {
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "models":
      return (
        typeof value === "string" || (Array.isArray(value) && value.every((name) => typeof name === "string"))
      );
    case "table":
      return (
        typeof value === "string" || (value !== null && typeof value === "object" && !Array.isArray(value))
      );
    case "resume":
      return typeof value === "string" || value === true;
  }
}

/** Why `value` cannot be the option's value (`expected an integer, got the boolean true`), or undefined. */
export function configValueProblem(type: ConfigValueType, value: unknown): string | undefined {
  return matches(type, value) ? undefined : `expected ${WANTED[type]}, got ${describe(value)}`;
}
