import { pythonStrip } from "@sv/parser";

/** A judge's verdict: `yes` (score 1) or `no` (score 0, every reply that is not a yes). */
export interface JudgeVerdict {
  verdict: "yes" | "no";
  score: 1 | 0;
}

/**
 * The original's decision rule (`judge_reward`): `reply.strip().lower().startswith("yes")` → 1, else 0.
 * Python's whitespace is stripped (not a byte-order mark), so `" YES, because…"` is a yes and
 * `"No."`, `"maybe"` or an empty reply a no.
 */
export function judgeVerdict(reply: string): JudgeVerdict {
  return pythonStrip(reply).toLowerCase().startsWith("yes")
    ? { verdict: "yes", score: 1 }
    : { verdict: "no", score: 0 };
}
