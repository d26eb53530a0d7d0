import type { CostedRollout } from "./run-cost.js";

/**
 * The `cachedTokens` a partly cached multi-turn rollout records (`tools.cachedTokens`, snake case as in
 * results.jsonl), as {@link CostedRollout} takes them; nothing when no turn was cached.
 */
export function cachedTurnTokens(
  tokens: { input_tokens: number | null; output_tokens: number | null } | undefined,
): Pick<CostedRollout, "cachedTokens"> {
  return tokens ? { cachedTokens: { input: tokens.input_tokens, output: tokens.output_tokens } } : {};
}
