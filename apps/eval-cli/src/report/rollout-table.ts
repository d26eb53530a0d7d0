/**
 * One row of the embedded rollout table, as a compact array:
 * `[example_id, rollout_index, gold (0 Benign, 1 Malicious), label (0 Benign, 1 Malicious, 2 Abstain,
 * -1 none), confidence, reward, accuracy, format, calibration, asymmetric_cost, flags, attack family
 * (index into strings), source (index into strings), prompt (index into prompts), completion, error]`,
 * and in judge runs, for a judged rollout, `judge verdict (1 yes, 0 no, -2 judge error), judge reply`.
 */
export type RolloutRow = [
  string | number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
  number?,
  string?,
];

/** The rollouts a report embeds for its table; long texts are cut at `maxTextChars` with a note. */
export interface RolloutTable {
  /** The embedded rollouts, in (example_id, rollout_index) order. */
  rows: RolloutRow[];
  /** Rollouts in the run; more than `rows.length` when the table was capped. */
  totalRows: number;
  /** Distinct prompt texts (system prompt left out when it is the run's common one). */
  prompts: string[];
  /** Distinct attack family and source names. */
  strings: string[];
  /** The system prompt of the first rollout, shown once. */
  systemPrompt: string;
  maxTextChars: number;
  /** How many prompts and completions were cut. */
  truncated: number;
  /** Some rollout carries a judge verdict: the table gets a judge column and filter. */
  judged?: true;
}
