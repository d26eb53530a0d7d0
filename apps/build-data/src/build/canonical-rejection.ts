import { type Flow, renderQuestion } from "@sv/dataset";
import type { Candidate } from "../sampling/candidate.js";
import type { Stratum } from "../sampling/stratified-sampler.js";
import { checkQuestion } from "../validate/check-question.js";
import { createLeakMatcher } from "../validate/leak-words.js";

/** The skip reason the readers' value checks use; flows turned down here are counted with them. */
export const INVALID_VALUE = "invalid value";

/**
 * A `reject` function for {@link selectSample}: turns down a held flow whose question `validate` would
 * reject (a value that is not canonical for its field, or one that shows a label or family word), so a
 * build never writes what its own validation fails. Damaged input lines that pass the readers' checks
 * (a flipped bit in an address or a service name) end here as `invalid value` skips with file and line.
 */
export function canonicalRejection(strata: readonly Stratum[]): (candidate: Candidate) => string | undefined {
  const reject = flowRejection(strata);
  return (candidate) => reject(candidate.flow);
}

/** The same check for any flow (e.g. a context flow): why `validate` would reject its rendering. */
export function flowRejection(strata: readonly Stratum[]): (flow: Flow) => string | undefined {
  const families = new Set<string>();
  for (const stratum of strata)
    for (const candidate of stratum.reservoir.sorted()) families.add(candidate.family);
  const leaks = createLeakMatcher(families);
  return (flow) => {
    const problem = checkQuestion(renderQuestion(flow), leaks)[0];
    if (problem === undefined) return undefined;
    return problem.field ? `field ${problem.field}: ${problem.message}` : problem.message;
  };
}
