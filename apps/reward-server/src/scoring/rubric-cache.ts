import { createRubric, DEFAULT_COSTS, DEFAULT_WEIGHTS, type Rubric, RubricError } from "@sv/rubric";
import { invalidRequest } from "../server/request-error.js";
import type { RubricConfig } from "./rubric-config.js";

/** Rubrics by configuration, so a trainer sending the same overrides every batch builds one once. */
export interface RubricCache {
  get(config: RubricConfig | undefined, path: string): Rubric;
}

/** Options of {@link createRubricCache}. */
export interface RubricCacheOptions {
  /** The server's own overrides (`--rubric`): used as they are, and under every request's overrides. */
  base?: RubricConfig;
  maxEntries?: number;
}

const isEmpty = (config: RubricConfig | undefined): boolean =>
  config === undefined || (config.weights === undefined && config.costs === undefined);

const WEIGHT_NAMES = Object.keys(DEFAULT_WEIGHTS) as (keyof typeof DEFAULT_WEIGHTS)[];
const COST_NAMES = Object.keys(DEFAULT_COSTS) as (keyof typeof DEFAULT_COSTS)[];
const numberKey = (value: number): string => (Object.is(value, -0) ? "-0" : String(value));

/**
 * The effective weights and costs (defaults, then the server's, then the request's), in a fixed
 * order: the same rubric has one key however its overrides were spelt or ordered.
 */
function canonicalKey(
  weights: Partial<Record<string, number>>,
  costs: Partial<Record<string, number>>,
): string {
  const parts: string[] = [];
  for (const name of WEIGHT_NAMES) parts.push(numberKey(weights[name] ?? DEFAULT_WEIGHTS[name]));
  for (const name of COST_NAMES) parts.push(numberKey(costs[name] ?? DEFAULT_COSTS[name]));
  return parts.join(",");
}

/**
 * A bounded cache of rubrics. The server's rubric is built once (throwing `RubricError` if its
 * overrides are impossible); a request's overrides are merged onto the server's, key by key.
 */
export function createRubricCache(options: RubricCacheOptions = {}): RubricCache {
  const maxEntries = options.maxEntries ?? 64;
  const base = options.base ?? {};
  const defaultRubric = createRubric({ weights: base.weights, costs: base.costs });
  const defaultKey = canonicalKey(base.weights ?? {}, base.costs ?? {});
  const byKey = new Map<string, Rubric>();
  return {
    get(requested, path) {
      if (isEmpty(requested)) return defaultRubric;
      const config = {
        weights: { ...base.weights, ...requested?.weights },
        costs: { ...base.costs, ...requested?.costs },
      };
      const key = canonicalKey(config.weights, config.costs);
      if (key === defaultKey) return defaultRubric;
      const cached = byKey.get(key);
      if (cached) return cached;
      let rubric: Rubric;
      try {
        rubric = createRubric({ weights: config.weights, costs: config.costs });
      } catch (error) {
        if (RubricError.isInstance(error)) throw invalidRequest([{ path, message: error.message }]);
        throw error;
      }
      if (byKey.size >= maxEntries) byKey.delete(byKey.keys().next().value as string);
      byKey.set(key, rubric);
      return rubric;
    },
  };
}
