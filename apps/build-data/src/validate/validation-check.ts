/** One check of a built directory. */
export interface ValidationCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** At most `limit` problems, then how many more there are. */
export function listProblems(problems: readonly string[], limit = 5): string {
  const shown = problems.slice(0, limit).join("; ");
  return problems.length > limit ? `${shown}; … ${problems.length - limit} more` : shown;
}
