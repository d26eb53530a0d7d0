import { type Completion, extractBalancedObject, extractFencedBlock, getResponseText } from "@sv/parser";
import { isPythonJsonObject, type PythonJsonObject, type PythonJsonValue } from "./python-json-value.js";
import { readPythonJson } from "./read-python-json.js";
import { writePythonJson } from "./write-python-json.js";

/** The keys of the answer the judge is shown, as the original picks them. */
const ANSWER_KEYS = ["label", "confidence", "rationale"] as const;

function readObject(text: string): PythonJsonObject | undefined {
  const value = readPythonJson(text);
  return value !== undefined && isPythonJsonObject(value) ? value : undefined;
}

/** The original's `_parse_json`: the whole text, then the first fenced block, then the first `{...}`. */
function locateObject(text: string): PythonJsonObject | undefined {
  const whole = readObject(text);
  if (whole) return whole;
  const fenced = extractFencedBlock(text);
  if (fenced !== undefined && fenced !== text) {
    const object = readObject(fenced);
    if (object) return object;
  }
  const embedded = extractBalancedObject(text);
  if (embedded !== undefined && embedded !== text) return readObject(embedded);
  return undefined;
}

/**
 * What the judge is shown of a reply, as the original's `format_completion_for_judge`
 * (`sv_env_network_logs_judge.py`): the answer object's `label`, `confidence` and `rationale` (those
 * present, any JSON value) as `json.dumps(..., sort_keys=True)` writes them, e.g.
 * `{"confidence": 0.9, "label": "Benign", "rationale": "dns"}`; the raw reply text when the reply has
 * no JSON object or the object has none of the three keys. Numbers print as Python prints them
 * (`1.0` stays `1.0`, `1` stays `1`, `1e-7` is `1e-07`), non-ASCII as `\uXXXX`. Standard JSON only,
 * as the parser reads replies (a `NaN` literal is no JSON).
 */
export function judgeResponseText(completion: Completion | unknown): string {
  let text: string;
  try {
    text = getResponseText(completion);
  } catch {
    text = "";
  }
  const object = locateObject(text);
  if (object && object.entries.size > 0) {
    const picked = new Map<string, PythonJsonValue>();
    for (const key of ANSWER_KEYS) if (object.entries.has(key)) picked.set(key, object.entries.get(key)!);
    if (picked.size > 0) return writePythonJson({ kind: "object", entries: picked });
  }
  return text;
}
