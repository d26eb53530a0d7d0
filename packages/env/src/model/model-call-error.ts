import { ENV_ERROR_CODES, EnvError } from "../env-error.js";
import type { TokenUsage } from "./chat-model.js";

/** How a model call failed; decides whether it is retried. */
export const MODEL_ERROR_KINDS = {
  rateLimit: "rate_limit",
  server: "server_error",
  timeout: "timeout",
  connection: "connection_error",
  badResponse: "bad_response",
  /** A reply with `choices: []`. */
  noChoice: "no_choice",
  /** A reply whose message has no content and no refusal (null, a tool call, parts without text). */
  noContent: "no_content",
  client: "client_error",
  aborted: "aborted",
  /**
   * The request was not sent: it could pass the run's spending limit. `evaluate()` then starts no new
   * rollout, lets those in flight finish, drops this one (a resume runs it) and stops with `max_cost`.
   */
  budgetExceeded: "budget_exceeded",
} as const;

export type ModelErrorKind = (typeof MODEL_ERROR_KINDS)[keyof typeof MODEL_ERROR_KINDS];

/**
 * A garbled body (e.g. a proxy's HTML error page with status 200) is usually transient, so it is retried.
 * A well-formed reply without content (`no_choice`, `no_content`) is what the endpoint does for this
 * request, so it is not: it is recorded as an error (and `--resume` re-runs it).
 */
const RETRYABLE = new Set<ModelErrorKind>([
  "rate_limit",
  "server_error",
  "timeout",
  "connection_error",
  "bad_response",
]);

export interface ModelCallErrorOptions {
  kind: ModelErrorKind;
  message: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Server-requested wait before the next attempt (from `Retry-After`). */
  retryAfterMs?: number;
  /**
   * Tokens of a well-formed reply that is still a failure (`no_choice`, `no_content`, e.g. a reasoning
   * model that spent `max_completion_tokens` on reasoning): the provider bills them.
   */
  usage?: TokenUsage;
  cause?: unknown;
}

/**
 * A failed model call, including a reply with no choice or no content. `retryable` is true for 429, 5xx,
 * timeouts, connection errors and garbled replies.
 */
export class ModelCallError extends EnvError {
  readonly kind: ModelErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** Tokens the failed reply reported (billed though it failed); undefined when there was no reply. */
  readonly usage: TokenUsage | undefined;

  constructor(options: ModelCallErrorOptions) {
    super({ code: ENV_ERROR_CODES.modelCall, message: options.message, cause: options.cause });
    this.name = "ModelCallError";
    this.kind = options.kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.usage = options.usage;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  static override isInstance(error: unknown): error is ModelCallError {
    return EnvError.isInstance(error) && typeof (error as ModelCallError).kind === "string";
  }
}
