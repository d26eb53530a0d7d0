import { REDACTED, redactSecrets } from "@sv/parser";

// Option names whose value is a credential wherever they sit (`hub.token`, an `apiKey`, a `password`).
const SECRET_KEY = /token|key|secret|passw(?:or)?d|credential/i;

function redactValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === "string") {
    return key !== undefined && SECRET_KEY.test(key) ? REDACTED : redactSecrets(value);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([name, item]) => [name, redactValue(item, name)]),
    );
  }
  return value;
}

/**
 * `-a/--env-args` as metadata.json records it: as the user gave it, except that secrets never reach the
 * file (a `hub.token` becomes `[redacted]`; URL user info, secret query values and token shapes in any
 * string are masked by `redactSecrets`). A resumed run reads secrets from the environment again.
 *
 * @example
 * recordedEnvArgs({ split: "all", hub: { token: "hf_x", endpoint: "https://u:p@hub.local" } });
 * // { split: "all", hub: { token: "[redacted]", endpoint: "https://[redacted]@hub.local" } }
 */
export function recordedEnvArgs(envArgs: Record<string, unknown>): Record<string, unknown> {
  return redactValue(envArgs, undefined) as Record<string, unknown>;
}
