import type { ServerAction } from "@sv/test-utils";
import { seededUniform } from "./seeded-hash.js";

/** What the chaos server does with one attempt. */
export type Fault = "ok" | "rate_limit" | "server_error" | "reset" | "garbage" | "hang";

/** Share of attempts that get each fault (the rest are answered). */
export const FAULT_RATES: Readonly<Record<Exclude<Fault, "ok">, number>> = {
  rate_limit: 0.05,
  server_error: 0.05,
  reset: 0.02,
  garbage: 0.02,
  hang: 0.01,
};

/** The `error.type` a rollout records when its last attempt failed with this fault. */
export const FAULT_ERROR_TYPES: Readonly<Record<Exclude<Fault, "ok">, string>> = {
  rate_limit: "rate_limit",
  server_error: "server_error",
  reset: "connection_error",
  garbage: "bad_response",
  hang: "timeout",
};

/**
 * The fault of attempt `attempt` (1-based) of the request for `key` (the prompt): a pure function of the
 * seed, the prompt and the attempt number, so the outcome of every rollout is known in advance.
 */
export function faultFor(seed: number, key: string, attempt: number): Fault {
  let draw = seededUniform(seed, `${attempt}\u0000${key}`);
  for (const [fault, rate] of Object.entries(FAULT_RATES) as [Exclude<Fault, "ok">, number][]) {
    if (draw < rate) return fault;
    draw -= rate;
  }
  return "ok";
}

/** What a rollout should end as: its attempts, and the error type when every attempt failed. */
export interface ExpectedOutcome {
  attempts: number;
  errorType: string | null;
}

/** The outcome of a rollout under the schedule with `maxRetries` retries after the first attempt. */
export function expectedOutcome(seed: number, key: string, maxRetries: number): ExpectedOutcome {
  let last: Fault = "ok";
  for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
    last = faultFor(seed, key, attempt);
    if (last === "ok") return { attempts: attempt, errorType: null };
  }
  return { attempts: maxRetries + 1, errorType: FAULT_ERROR_TYPES[last as Exclude<Fault, "ok">] };
}

/** The loopback server action of a fault (`ok` answers `content` after `delayMs`). */
export function faultAction(fault: Fault, content: string, delayMs: number): ServerAction {
  switch (fault) {
    case "ok":
      return { type: "reply", content, delayMs };
    case "rate_limit":
      return { type: "status", status: 429, headers: { "retry-after": "1" }, message: "slow down" };
    case "server_error":
      return { type: "status", status: 500, message: "injected failure" };
    case "reset":
      return { type: "reset" };
    case "garbage":
      return { type: "non-json", body: "<html><body>502 Bad Gateway</body></html>" };
    case "hang":
      return { type: "hang" };
  }
}
