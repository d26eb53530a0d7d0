import { DEFAULT_COSTS, DEFAULT_WEIGHTS } from "@sv/rubric";
import type { RunReportData } from "../run-report-data.js";

/** One way the runs of a comparison differ, with each run's value (same order as the runs). */
export interface RunDifference {
  /** What differs, e.g. "Dataset split". */
  facet: string;
  values: string[];
  /**
   * True when the difference makes the runs' numbers incomparable (other data, other examples or
   * another rubric), so no run is marked best; false for what a comparison is meant to vary
   * (model, system prompt, sampling, …).
   */
  incomparable: boolean;
}

interface Facet {
  name: string;
  incomparable: boolean;
  read(run: RunReportData): string;
}

/** JSON with sorted keys, so `{a, b}` and `{b, a}` read the same. */
function canonical(value: unknown): string {
  if (value === undefined) return "-";
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

const datasetField = (run: RunReportData, key: string): string => {
  const dataset = run.metadata.dataset;
  if (typeof dataset !== "object" || dataset === null) return key === "name" ? run.summary.dataset : "-";
  const value = (dataset as Record<string, unknown>)[key];
  return value === undefined || value === null ? "-" : String(value);
};

/** metadata.json `dataset_fingerprint.sha256` (or `dataset.fingerprint`), shortened; `-` when not recorded. */
function datasetFingerprint(run: RunReportData): string {
  const recorded = run.metadata.dataset_fingerprint as { sha256?: unknown } | undefined;
  if (typeof recorded?.sha256 === "string") return recorded.sha256.slice(0, 16);
  return datasetField(run, "fingerprint");
}

/** A loadEnvironment option of the run: from `env_options` (resolved, `pnpm eval`), else `env_args` (as given). */
const envArg = (run: RunReportData, key: string): unknown => {
  const resolved = run.metadata.env_options as Record<string, unknown> | undefined;
  return resolved?.[key] ?? run.metadata.env_args?.[key];
};

const FACETS: readonly Facet[] = [
  { name: "Dataset", incomparable: true, read: (run) => run.summary.dataset },
  { name: "Dataset source", incomparable: true, read: (run) => datasetField(run, "source") },
  { name: "Dataset split", incomparable: true, read: (run) => datasetField(run, "split") },
  { name: "Dataset revision", incomparable: true, read: (run) => datasetField(run, "revision") },
  // The fingerprint `pnpm eval` records covers row order too (a seed reshuffles it), so it is shown but
  // does not block ranking: whether the same examples were evaluated is the next facet's question.
  { name: "Dataset fingerprint (rows in order)", incomparable: false, read: datasetFingerprint },
  {
    name: "Examples",
    incomparable: true,
    read: (run) => String(run.summary.n_distinct_examples ?? run.summary.n_examples),
  },
  {
    name: "Examples evaluated (sha256 of their ids)",
    incomparable: true,
    read: (run) => run.examples.sha256 ?? "-",
  },
  {
    name: "Rubric weights",
    incomparable: true,
    read: (run) => canonical({ ...DEFAULT_WEIGHTS, ...(envArg(run, "weights") as object | undefined) }),
  },
  {
    name: "Rubric costs",
    incomparable: true,
    read: (run) => canonical({ ...DEFAULT_COSTS, ...(envArg(run, "costs") as object | undefined) }),
  },
  {
    name: "Cost weights (missed attack / false alarm)",
    incomparable: true,
    read: (run) => `${run.metrics.cost.fn_cost_weight} / ${run.metrics.cost.fp_cost_weight}`,
  },
  // Runs of different rubric modes are still compared on the programmatic metrics; only the mean reward
  // is defined differently (see `rewardDefinition`), so these facets do not block ranking.
  { name: "Rubric mode", incomparable: false, read: (run) => run.judge?.mode ?? "executable" },
  {
    name: "Judge model",
    incomparable: false,
    read: (run) => (run.judge ? (run.judge.model ?? "unknown") : "-"),
  },
  {
    name: "Judge weight",
    incomparable: false,
    read: (run) =>
      run.judge && run.judge.mode !== "judge" ? String(run.judge.weight ?? "not recorded") : "-",
  },
  { name: "Model", incomparable: false, read: (run) => run.summary.model },
  {
    name: "System prompt (sha256)",
    incomparable: false,
    read: (run) => run.systemPrompt.sha256 ?? "-",
  },
  { name: "Sampling args", incomparable: false, read: (run) => canonical(run.metadata.sampling_args ?? {}) },
  {
    name: "Rollouts per example",
    incomparable: false,
    read: (run) => String(run.metadata.rollouts_per_example ?? "-"),
  },
  { name: "Rollouts", incomparable: false, read: (run) => String(run.summary.n_rollouts) },
  { name: "Environment version", incomparable: false, read: (run) => run.summary.version },
];

/** Options of {@link runDifferences}. */
export interface RunDifferencesOptions {
  runs: RunReportData[];
}

/**
 * Every way the runs differ: dataset (name, source, split, revision, fingerprint), the examples
 * evaluated, rubric weights and costs, cost weights, model, system prompt, sampling, rollouts and
 * environment version. Facets on which all runs agree are left out.
 */
export function runDifferences(options: RunDifferencesOptions): RunDifference[] {
  const differences: RunDifference[] = [];
  for (const facet of FACETS) {
    const values = options.runs.map((run) => facet.read(run));
    if (new Set(values).size > 1) {
      differences.push({ facet: facet.name, values, incomparable: facet.incomparable });
    }
  }
  return differences;
}

/**
 * What a run's mean reward means: the executable rubric's weighted total, the judge's score, or the
 * hybrid sum, with the judge model and weight that produce it. Runs whose definitions differ have mean
 * rewards that cannot be ranked against each other.
 */
export function rewardDefinition(run: RunReportData): string {
  const judge = run.judge;
  if (!judge) return "executable";
  return `${judge.mode} · ${judge.model ?? "unknown"}${judge.mode === "judge" ? "" : ` · ${judge.weight ?? "?"}`}`;
}
