import { priorityOfString } from "./priority.js";
import type { StratumSelection } from "./select-sample.js";

/** `stratified`: 70/15/15 inside every (scenario × label); `capture`: whole captures held out for dev/test. */
export type SplitStrategy = "stratified" | "capture";

export const SPLIT_STRATEGIES: readonly SplitStrategy[] = ["stratified", "capture"];

export type SplitName = "train" | "dev" | "test";

export const SPLIT_NAMES: readonly SplitName[] = ["train", "dev", "test"];

const FRACTIONS: Record<SplitName, number> = { train: 0.7, dev: 0.15, test: 0.15 };

export interface AssignSplitsOptions {
  strata: readonly StratumSelection[];
  strategy: SplitStrategy;
  seed: number;
}

export interface SplitAssignment {
  /** Split of each stratum's selected candidates, index for index. */
  splits: SplitName[][];
  /** For `capture`: the split of each scenario. */
  scenarios?: Record<string, SplitName>;
  notes: string[];
}

function stratified(count: number): SplitName[] {
  const train = Math.floor(count * FRACTIONS.train);
  const dev = Math.floor(count * (FRACTIONS.train + FRACTIONS.dev));
  return Array.from({ length: count }, (_, index) =>
    index < train ? "train" : index < dev ? "dev" : "test",
  );
}

/** Give every selected flow a split (the candidates are already in seeded priority order). */
export function assignSplits(options: AssignSplitsOptions): SplitAssignment {
  const { strata } = options;
  if (options.strategy === "stratified") {
    return { splits: strata.map((stratum) => stratified(stratum.selected.length)), notes: [] };
  }
  const sizes = new Map<string, number>();
  for (const stratum of strata)
    sizes.set(stratum.scenario, (sizes.get(stratum.scenario) ?? 0) + stratum.selected.length);
  const total = [...sizes.values()].reduce((left, right) => left + right, 0);
  const order = [...sizes.keys()].sort(
    (left, right) =>
      priorityOfString(left, options.seed) - priorityOfString(right, options.seed) || (left < right ? -1 : 1),
  );
  const assigned: Record<SplitName, number> = { train: 0, dev: 0, test: 0 };
  const scenarios: Record<string, SplitName> = {};
  for (const scenario of order) {
    // The split furthest below its target takes the next capture; ties go to test, then dev.
    const split = (["test", "dev", "train"] as const).reduce((best, name) =>
      FRACTIONS[name] * total - assigned[name] > FRACTIONS[best] * total - assigned[best] ? name : best,
    );
    scenarios[scenario] = split;
    assigned[split] += sizes.get(scenario)!;
  }
  const notes = (["train", "dev", "test"] as const)
    .filter((name) => assigned[name] === 0)
    .map(
      (name) =>
        `split-strategy capture: no capture left for ${name} (${order.length} captures in the sample)`,
    );
  return {
    splits: strata.map((stratum) => stratum.selected.map(() => scenarios[stratum.scenario]!)),
    scenarios: Object.fromEntries(
      Object.entries(scenarios).sort(([left], [right]) => (left < right ? -1 : 1)),
    ),
    notes,
  };
}
