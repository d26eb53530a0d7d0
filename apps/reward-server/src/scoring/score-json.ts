import type { ScoreLine } from "@sv/rubric";

// The bodies of `POST /v1/score` and `POST /get_reward` are written by hand: they hold a few numbers per
// scored item, and a generic serialiser (a schema walk, or JSON.stringify over the objects' keys) costs
// as much as scoring does. Each function below writes exactly what `JSON.stringify` writes for the same
// value (tests compare them byte for byte), so `/v1/score` results are `eval score`'s lines.

/** A number as `JSON.stringify` writes it (`null` for NaN and ±Infinity, `-0` as `0`). */
export function jsonNumber(value: number): string {
  return Number.isFinite(value) ? `${value}` : "null";
}

function labelJson(label: string | null): string {
  if (label === null) return "null";
  if (label === "Malicious") return '"Malicious"';
  if (label === "Benign") return '"Benign"';
  return JSON.stringify(label);
}

/**
 * One result line exactly as `JSON.stringify(line)` writes it (what `eval score` prints): `label`,
 * `confidence`, `rewards` (accuracy, format, calibration, asymmetric_cost), `reward`.
 */
export function scoreLineJson(line: ScoreLine): string {
  const rewards = line.rewards;
  return (
    `{"label":${labelJson(line.label)},"confidence":${jsonNumber(line.confidence)},` +
    `"rewards":{"accuracy":${jsonNumber(rewards.accuracy)},"format":${jsonNumber(rewards.format)},` +
    `"calibration":${jsonNumber(rewards.calibration)},"asymmetric_cost":${jsonNumber(rewards.asymmetric_cost)}},` +
    `"reward":${jsonNumber(line.reward)}}`
  );
}

/** The `POST /v1/score` 200 body, `{"results":[line,…]}`, as `JSON.stringify` writes it. */
export function scoreResponseJson(lines: readonly ScoreLine[]): string {
  let text = '{"results":[';
  for (let index = 0; index < lines.length; index++) {
    if (index > 0) text += ",";
    text += scoreLineJson(lines[index]!);
  }
  return `${text}]}`;
}

function numbersJson(lines: readonly ScoreLine[], value: (line: ScoreLine) => number): string {
  let text = "[";
  for (let index = 0; index < lines.length; index++) {
    if (index > 0) text += ",";
    text += jsonNumber(value(lines[index]!));
  }
  return `${text}]`;
}

/**
 * The `POST /get_reward` 200 body (OpenRLHF's remote reward-model reply) as `JSON.stringify` writes
 * `{rewards, scores, extra_logs: {accuracy, format, calibration, asymmetric_cost}}`: `rewards` the
 * weighted totals, `scores` the 0/1 accuracy, `extra_logs` the four rewards per item.
 */
export function getRewardResponseJson(lines: readonly ScoreLine[]): string {
  const accuracy = numbersJson(lines, (line) => line.rewards.accuracy);
  return (
    `{"rewards":${numbersJson(lines, (line) => line.reward)},"scores":${accuracy},` +
    `"extra_logs":{"accuracy":${accuracy},"format":${numbersJson(lines, (line) => line.rewards.format)},` +
    `"calibration":${numbersJson(lines, (line) => line.rewards.calibration)},` +
    `"asymmetric_cost":${numbersJson(lines, (line) => line.rewards.asymmetric_cost)}}}`
  );
}
