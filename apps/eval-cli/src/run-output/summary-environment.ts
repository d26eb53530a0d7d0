import { ENV_ID } from "@sv/env";
import { JUDGE_ENV_IDS } from "../commands/evaluate/eval-flags.js";

/** summary.json's `environment`, and the run's own env id when that differs (kept in summary `metadata.env_id`). */
export interface SummaryEnvironment {
  environment: string;
  /** The run's env id when it is not the schema's value (the original's judge environment, an `owner/` prefix). */
  envId?: string;
}

/**
 * summary.json's `environment` for a run's env id: the original's summary schema allows only
 * `sv-env-network-logs`, so E1 under another name (the judge environment `sv-netlogs-judge`, an
 * `owner/`-prefixed Hub id) is written as that, its own id kept apart. Another environment's id is kept as
 * it is: its summary is not E1's.
 */
export function summaryEnvironment(envId: string): SummaryEnvironment {
  if (envId === ENV_ID) return { environment: ENV_ID };
  const bare = envId.replace(/^[^/]+\//, "");
  if (bare === ENV_ID || (JUDGE_ENV_IDS as readonly string[]).includes(bare))
    return { environment: ENV_ID, envId };
  return { environment: envId };
}
