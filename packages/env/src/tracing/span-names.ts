/** Names of the spans `evaluate()` emits (OpenTelemetry), one concept each. */
export const SPAN_NAMES = {
  /** One evaluation run: the parent of its rollouts. */
  evaluate: "sv.evaluate",
  /** One rollout: generation (with retries), scoring, and in multi-turn mode its turns and tool calls. */
  rollout: "sv.rollout",
  /** One request to the model (one attempt; a retried call has several). */
  modelCall: "sv.model_call",
  /** The wait before a retry (from the failed attempt to the next one). */
  retry: "sv.retry",
  /** Scoring one reply with the rubric. */
  score: "sv.score",
  /** One request to a judge model (see `RolloutTrace.judgeCall`). */
  judgeCall: "sv.judge_call",
  /** Multi-turn mode: one model request of the conversation (its attempts are children). */
  turn: "sv.turn",
  /** Multi-turn mode: answering one tool call the model made. */
  toolCall: "sv.tool_call",
} as const;

export type SpanName = (typeof SPAN_NAMES)[keyof typeof SPAN_NAMES];
