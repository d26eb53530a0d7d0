import { isSecretParameter } from "@sv/parser";

// Keys that carry credentials in request options (`extra_headers.Authorization`, `api_key`, …).
const CREDENTIAL_KEY = /authorization|api[-_]?key|token|secret|passw(?:or)?d|cookie|credential/i;

/**
 * The dotted path of the first credential in `-S/--sampling-args`, or undefined. Sampling args are
 * recorded in metadata.json and the reports (resume re-sends them), so a key or token there would be
 * written to disk: such args are refused and the key is read from the environment instead (`-k`).
 */
export function credentialInSamplingArgs(value: unknown, path = ""): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (typeof child === "string" && (CREDENTIAL_KEY.test(key) || isSecretParameter(key, child))) {
      return childPath;
    }
    const nested = credentialInSamplingArgs(child, childPath);
    if (nested) return nested;
  }
  return undefined;
}
