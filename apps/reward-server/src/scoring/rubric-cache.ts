import { createRubric, type Rubric, RubricError } from "@sv/rubric";
import { invalidRequest } from "../server/request-error.js";
import type { RubricConfig } from "./rubric-config.js";

/** Rubrics by configuration, so a trainer sending the same overrides every batch builds one once. */
export interface RubricCache {
  get(config: RubricConfig | undefined, path: string): Rubric;
}

/** A bounded cache of rubrics; the default rubric is built once and always kept. */
export function createRubricCache(options: { maxEntries?: number } = {}): RubricCache {
  const maxEntries = options.maxEntries ?? 64;
  const defaultRubric = createRubric();
  const byKey = new Map<string, Rubric>();
  return {
    get(config, path) {
      if (config === undefined || (config.weights === undefined && config.costs === undefined)) {
        return defaultRubric;
      }
      const key = JSON.stringify([config.weights ?? null, config.costs ?? null]);
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
