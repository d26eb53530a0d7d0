/**
 * How rollouts are rewarded: `executable` (the programmatic rubric, the default), `judge` (the
 * original's `sv-netlogs-judge`: a judge model's yes/no on the whole reply) or `hybrid` (programmatic
 * plus a weighted judge score of the rationale).
 */
export const RUBRIC_MODES = ["executable", "judge", "hybrid"] as const;
export type RubricMode = (typeof RUBRIC_MODES)[number];

/** The original's `reward_source` values and the modes they mean. */
export const REWARD_SOURCES = { executable: "executable", llm_judge: "judge", hybrid: "hybrid" } as const;

/** What a judge grades: the whole reply's correctness (judge mode) or the rationale (hybrid mode). */
export type JudgeKind = "correctness" | "rationale";

/** The judge a mode calls, or none. */
export function judgeKindOf(mode: RubricMode): JudgeKind | undefined {
  return mode === "judge" ? "correctness" : mode === "hybrid" ? "rationale" : undefined;
}

/** A mode from its name or the original's `reward_source` value; `undefined` when it is neither. */
export function parseRubricMode(value: unknown): RubricMode | undefined {
  if (typeof value !== "string") return undefined;
  if ((RUBRIC_MODES as readonly string[]).includes(value)) return value as RubricMode;
  return Object.hasOwn(REWARD_SOURCES, value)
    ? REWARD_SOURCES[value as keyof typeof REWARD_SOURCES]
    : undefined;
}
