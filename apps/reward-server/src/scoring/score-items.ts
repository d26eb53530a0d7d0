import { type Rubric, type ScoreLine, toScoreLine } from "@sv/rubric";
import type { ScoreItem } from "./score-request.js";
import { withoutStackTraces } from "./without-stack-traces.js";

/**
 * Score validated items with the rubric: one `eval score` contract line per item, in order
 * (the same `rubric.score` + `toScoreLine` path as `eval score`).
 */
export function scoreItems(rubric: Rubric, items: readonly ScoreItem[]): ScoreLine[] {
  return withoutStackTraces(() => {
    const results = new Array<ScoreLine>(items.length);
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      results[index] = toScoreLine(rubric.score({ completion: item.completion, answer: item.answer }));
    }
    return results;
  });
}
