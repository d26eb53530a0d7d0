/** Bit flags of a rollout in the report's table, for its filters. */
export const ROLLOUT_FLAGS = {
  /** Labelled Benign or Malicious, and not the gold answer. */
  wrong: 1,
  /** A Malicious example labelled Benign (a false negative). */
  missedAttack: 2,
  abstained: 4,
  /** The format reward is below 1. */
  formatError: 8,
  /** The request failed (`error` is set). */
  requestError: 16,
  /** No label could be parsed. */
  noLabel: 32,
  /** Judge runs: the judge's verdict and the programmatic accuracy disagree. */
  judgeDisagrees: 64,
} as const;
