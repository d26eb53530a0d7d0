import type { RolloutError } from "@sv/env";

/**
 * A rollout's error as vf-eval writes it (verifiers `ErrorData`: exactly these four strings). `error` is
 * the error's kind (`rate_limit`, `timeout`, …); the chain has one link, as our rollouts fail in one place.
 */
export interface ErrorData {
  error: string;
  message: string;
  error_chain_repr: string;
  error_chain_str: string;
}

/** Our rollout error in vf-eval's four-field shape. */
export function toErrorData(error: RolloutError): ErrorData {
  return {
    error: error.type,
    message: error.message || error.type,
    error_chain_repr: `${error.type}(${JSON.stringify(error.message)})`,
    error_chain_str: error.type,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

// vf-eval 0.1.9 wrote `repr(error)`, e.g. `ModelError('rate limited')`.
const PYTHON_REPR = /^([A-Za-z_][\w.]*)\((?:(['"])([\s\S]*)\2)?\)$/;

function fromText(text: string): RolloutError {
  const match = PYTHON_REPR.exec(text.trim());
  if (!match) return { type: "Error", message: text };
  return { type: match[1]!, message: match[3] ?? match[1]! };
}

/**
 * Read a rollout's error however it was written: vf-eval's `ErrorData` (four fields, or three before
 * 0.1.15 without `message`), vf-eval 0.1.9's `repr` string, the original's `completion_error` string, or
 * our own older `{type, message}`. `null`, `undefined` and empty strings mean no error.
 */
export function normalizeRolloutError(value: unknown): RolloutError | null {
  if (value === null || value === undefined || value === false) return null;
  if (typeof value === "string") return value.trim() === "" ? null : fromText(value);
  if (isObject(value)) {
    if (nonEmpty(value.error)) {
      const message = [value.message, value.error_chain_repr, value.error_chain_str].find(nonEmpty);
      return { type: value.error, message: message ?? value.error };
    }
    if (nonEmpty(value.type)) {
      return { type: value.type, message: typeof value.message === "string" ? value.message : "" };
    }
    return { type: "Error", message: JSON.stringify(value).slice(0, 500) };
  }
  return { type: "Error", message: String(value) };
}
