/**
 * The tables of the original project's `configs/eval/e1*.toml` (Prime Lab templates) and how each key
 * maps onto this CLI's options. A key that has no meaning here is refused with the reason, never ignored.
 */

type Json = Record<string, unknown>;

/** Metric names the original's `[metrics].include` lists; every one of them is always computed here. */
const ORIGINAL_METRICS = new Set([
  "accuracy",
  "precision",
  "recall",
  "f1",
  "tpr",
  "fpr",
  "fnr",
  "expected_cost",
  "ece",
  "brier",
  "abstention_rate",
  "risk_coverage",
  "aurc",
]);

export const ORIGINAL_TABLES = ["eval", "model", "data", "output", "metrics", "output_schema"] as const;

/**
 * Top-level keys of the original's `configs/rl/e1_*_reward.toml` that name an option of ours under another
 * name: `reward_source = "executable" | "llm_judge" | "hybrid"` is `--rubric` (its values are read as
 * they are). `judge_model` and `judge_weight` are our flags' own names already.
 */
export const ORIGINAL_TOP_LEVEL_KEYS: Readonly<Record<string, string>> = { rewardSource: "rubric" };

/** What one original key becomes: option values, or the reason it is refused. */
type Mapping = { values: Json } | { refused: string };

const refuse = (reason: string): Mapping => ({ refused: reason });
const set = (values: Json): Mapping => ({ values });

function mapKey(table: string, key: string, value: unknown): Mapping {
  switch (`${table}.${key}`) {
    case "eval.environment":
      return set({ envId: typeof value === "string" ? value.replace(/^[^/]+\//, "") : value });
    case "eval.dataset":
      return set({ dataset: value });
    case "eval.datasets":
      if (Array.isArray(value) && value.length === 1) return set({ dataset: value[0] });
      return refuse('one run evaluates one dataset: run once per dataset with dataset = "..."');
    case "eval.split":
      return set({ split: value });
    case "eval.num_examples":
      return set({ numExamples: value });
    case "eval.seed":
      return set({ seed: value });
    case "eval.mode":
      if (value === "local") return set({ datasetSource: "local" });
      return refuse(
        'only mode = "local" maps (dataset-source = "local"); use dataset-source = "hub" for the Hub',
      );
    case "model.id":
      return set({ model: value });
    case "model.revision":
      if (value === "default" || value === "main") return set({});
      return refuse("an OpenAI-compatible endpoint serves one revision per model name: put it in [model].id");
    case "data.loader_mode":
      if (value === "synthetic" || value === "hub" || value === "local") return set({ datasetSource: value });
      return refuse(
        `loader mode ${JSON.stringify(value)} does not exist here: use dataset-source = "auto", "local", "hub", "synthetic" or "demo"`,
      );
    case "data.dataset_revision":
      return refuse(
        "Hub revisions are not selectable from the CLI; the revision used is recorded in metadata.json",
      );
    case "output.format":
      if (value === "jsonl") return set({});
      return refuse('results are always written as results.jsonl (format = "jsonl")');
    case "output.include_trace":
      if (value === true) return set({});
      return refuse("prompts and completions are always written to results.jsonl");
    case "metrics.include": {
      const names = Array.isArray(value) ? value : [value];
      const unknown = names.filter((name) => typeof name !== "string" || !ORIGINAL_METRICS.has(name));
      if (unknown.length === 0) return set({});
      return refuse(`unknown metric(s) ${unknown.map((name) => JSON.stringify(name)).join(", ")}`);
    }
    case "output_schema.label":
    case "output_schema.confidence":
    case "output_schema.evidence":
      return refuse(
        'the answer format is fixed ({"label", "confidence", "rationale"}); remove [output_schema]',
      );
    default:
      return refuse("not a key of the original's E1 configs");
  }
}

/** An option value the original's tables set, with the `[table].key` that set it (named in errors). */
export interface MappedValue {
  value: unknown;
  key: string;
}

/**
 * Map the original's tables onto option values. Returns the values and one message per refused key
 * (`[table].key: reason`).
 */
export function mapOriginalTables(document: Json): {
  values: Record<string, MappedValue>;
  problems: string[];
} {
  const values: Record<string, MappedValue> = {};
  const problems: string[] = [];
  for (const table of ORIGINAL_TABLES) {
    const content = document[table];
    if (content === undefined) continue;
    if (content === null || typeof content !== "object" || Array.isArray(content)) {
      problems.push(`[${table}] must be a table`);
      continue;
    }
    // Keys of one table refused for the same reason are named together, the reason said once.
    const refused = new Map<string, string[]>();
    for (const [key, value] of Object.entries(content as Json)) {
      const mapping = mapKey(table, key, value);
      if ("refused" in mapping) refused.set(mapping.refused, [...(refused.get(mapping.refused) ?? []), key]);
      else {
        for (const [option, mapped] of Object.entries(mapping.values)) {
          values[option] = { value: mapped, key: `[${table}].${key}` };
        }
      }
    }
    for (const [reason, keys] of refused) {
      problems.push(`${keys.map((key) => `[${table}].${key}`).join(", ")}: ${reason}`);
    }
  }
  return { values, problems };
}
