import type { Scoreboard } from "./scoreboard.js";

/** The sentences a comparison opens with: whether the runs are comparable and what marks the best. */
export function comparisonVerdict(
  board: Pick<Scoreboard, "comparable" | "differences" | "rows"> &
    Partial<Pick<Scoreboard, "rewardComparable">>,
): string {
  const verdict = rankingVerdict(board);
  return board.rewardComparable === false && board.comparable
    ? `${verdict} Mean reward is not ranked: the runs define it differently (rubric mode, judge model or judge weight); the other columns are the executable rubric's and are ranked as usual.`
    : verdict;
}

function rankingVerdict(board: Pick<Scoreboard, "comparable" | "differences" | "rows">): string {
  const incomparable = board.differences.filter((difference) => difference.incomparable);
  if (incomparable.length > 0) {
    return `These runs are not comparable: they differ in ${incomparable.map((difference) => difference.facet.toLowerCase()).join(", ")}. No run is marked best.`;
  }
  if (board.rows.length < 2) return "One run: nothing to rank.";
  const varied = board.differences.map((difference) => difference.facet.toLowerCase());
  // Runs of other rubric modes share the executable rubric (weights and costs), not the reward's definition.
  const modes = board.differences.some((difference) => difference.facet === "Rubric mode");
  const same = `Same data, examples and ${modes ? "programmatic rubric" : "rubric"} in every run`;
  return `${same}${varied.length > 0 ? `; they differ in ${varied.join(", ")}` : ""}. Bold marks the best run per column (higher is better, except FPR, ECE, Brier and AURC; the abstain rate is not ranked; n/a is never ranked).`;
}
