/**
 * Attribute keys of the spans. Token counts, model and error type use the OpenTelemetry GenAI and
 * general semantic conventions so trace viewers (Weave, Langfuse, Phoenix) read them; the rest is `sv.*`.
 * No key ever holds a prompt, a completion, a message, a URL, a header or a key.
 */
export const SPAN_ATTRIBUTES = {
  exampleId: "sv.example_id",
  rolloutIndex: "sv.rollout_index",
  /** The gold answer of the example (`Benign` or `Malicious`). */
  answer: "sv.answer",
  /** The parsed label; absent when the reply had none. */
  label: "sv.label",
  confidence: "sv.confidence",
  reward: "sv.reward",
  metricPrefix: "sv.metrics.",
  /** Dollars of the paid requests, when the price is known; absent otherwise. */
  costUsd: "sv.cost_usd",
  cached: "sv.cached",
  /** Requests made, retries included. */
  attempts: "sv.attempts",
  /** 1-based number of a model-call attempt. */
  attempt: "sv.attempt",
  retry: "sv.retry.number",
  retryDelayMs: "sv.retry.delay_ms",
  turn: "sv.turn",
  toolName: "gen_ai.tool.name",
  toolOk: "sv.tool.ok",
  toolCalls: "sv.tool_calls",
  outcome: "sv.outcome",
  model: "gen_ai.request.model",
  provider: "sv.provider",
  operation: "gen_ai.operation.name",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  finishReason: "gen_ai.response.finish_reasons",
  errorType: "error.type",
  /** `correctness` (judge mode) or `rationale` (hybrid mode). */
  judgeKind: "sv.judge.kind",
  /** `yes` or `no`; absent when the judge call failed. */
  judgeVerdict: "sv.judge.verdict",
  judgeScore: "sv.judge.score",
  /** Why the judge was not called (`no_rationale`). */
  judgeSkipped: "sv.judge.skipped",
  total: "sv.rollouts.total",
  done: "sv.rollouts.done",
  errors: "sv.rollouts.errors",
  retries: "sv.retries",
  meanReward: "sv.mean_reward",
  stopReason: "sv.stop_reason",
} as const;
