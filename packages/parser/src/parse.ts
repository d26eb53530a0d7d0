import { type Completion, getResponseText } from "./completion.js";
import { extractBalancedObject } from "./extract-balanced-object.js";
import { extractFencedBlock } from "./extract-fenced-block.js";
import { isLabel, type Label } from "./labels.js";
import { parsePythonFloat } from "./python-float.js";

/** Where the answer object was found in the reply. */
export type ExtractionMethod = "json" | "fenced" | "embedded" | "none";

/** A parsed reply. Computed once per completion; every reward reads from it. */
export interface ParsedAnswer {
  /** An allowed label, or `null` when the reply has none (missing, misspelt, wrong case, not a string). */
  label: Label | null;
  /** Confidence in [0, 1]; anything missing, out of range, non-numeric or boolean counts as 0. */
  confidence: number;
  /** The `rationale` string, when the object has one. */
  rationale?: string;
  /** An allowed label and a JSON number confidence in [0, 1]. */
  formatValid: boolean;
  /** How the answer object was located. */
  method: ExtractionMethod;
}

type JsonObject = Record<string, unknown>;

/** A JSON text can only be an object when its first non-whitespace character is `{`. */
function mayBeJsonObject(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    return code === 0x7b;
  }
  return false;
}

function parseObject(text: string): JsonObject | undefined {
  // Skipping JSON.parse here changes no result and keeps deeply nested arrays from costing time.
  if (!mayBeJsonObject(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The original's extraction order: the whole text, then the first fenced block, then the first `{...}`. */
function locateAnswerObject(text: string): { object: JsonObject; method: ExtractionMethod } | undefined {
  const whole = parseObject(text);
  if (whole) return { object: whole, method: "json" };
  const fenced = extractFencedBlock(text);
  if (fenced !== undefined && fenced !== text) {
    const object = parseObject(fenced);
    if (object) return { object, method: "fenced" };
  }
  const embedded = extractBalancedObject(text);
  if (embedded !== undefined && embedded !== text) {
    const object = parseObject(embedded);
    if (object) return { object, method: "embedded" };
  }
  return undefined;
}

function ownValue(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Python's `float(value)` as the original applies it; booleans are not numbers here. */
function confidenceValue(raw: unknown): number {
  let value: number | undefined;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") value = parsePythonFloat(raw);
  if (value === undefined || !(value >= 0 && value <= 1)) return 0;
  return value;
}

/**
 * Parse a model's reply to the E1 task. Total: never throws, linear in the input length.
 *
 * @example
 * parse('{"label": "Malicious", "confidence": 0.9}')
 * // { label: "Malicious", confidence: 0.9, formatValid: true, method: "json" }
 */
export function parse(completion: Completion | unknown): ParsedAnswer {
  let text: string;
  try {
    text = getResponseText(completion);
  } catch {
    text = ""; // a hostile getter or proxy in a message list reads as an empty reply
  }
  const located = locateAnswerObject(text);
  if (!located) return { label: null, confidence: 0, formatValid: false, method: "none" };
  const { object, method } = located;
  const rawLabel = ownValue(object, "label");
  const rawConfidence = ownValue(object, "confidence");
  const rawRationale = ownValue(object, "rationale");
  const label = isLabel(rawLabel) ? rawLabel : null;
  const formatValid =
    label !== null && typeof rawConfidence === "number" && rawConfidence >= 0 && rawConfidence <= 1;
  const parsed: ParsedAnswer = { label, confidence: confidenceValue(rawConfidence), formatValid, method };
  if (typeof rawRationale === "string") parsed.rationale = rawRationale;
  return parsed;
}
