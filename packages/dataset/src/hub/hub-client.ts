import { datasetInfo, downloadFile, listFiles } from "@huggingface/hub";
import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";
import { toHubDatasetError } from "./hub-error.js";
import type { HubSettings } from "./hub-options.js";
import { createTrackedFetch } from "./tracked-fetch.js";

/** The three Hub calls the loader makes, with every failure mapped to a {@link DatasetError}. */
export interface HubClient {
  /** The commit sha the requested revision points to (the revision itself if the Hub does not say). */
  resolveRevision(): Promise<string>;
  listPaths(revision: string): Promise<string[]>;
  /** The file's bytes (read in full, so download failures surface here, mapped). */
  download(revision: string, path: string): Promise<ArrayBuffer>;
}

/** Bind a Hub client to the settings. Rejects a token that is not `hf_…` without naming it. */
export function createHubClient(settings: HubSettings, signal?: AbortSignal): HubClient {
  if (settings.token !== undefined && !settings.token.startsWith("hf_")) {
    throw new DatasetError({
      code: DATASET_ERROR_CODES.hubAuth,
      message:
        "HF_TOKEN is not a Hugging Face access token (tokens start with hf_); create one in your Hub settings",
    });
  }
  const tracked = createTrackedFetch(settings.fetch, signal);
  const common = { accessToken: settings.token, hubUrl: settings.endpoint, fetch: tracked.fetch };
  const repo = { type: "dataset" as const, name: settings.repo };

  const guard = async <T>(run: () => Promise<T>, path?: string): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw toHubDatasetError(error, {
        repo: settings.repo,
        endpoint: settings.endpoint,
        revision: settings.revision,
        hasToken: settings.token !== undefined,
        errorCode: tracked.lastErrorCode(),
        path,
      });
    }
  };

  return {
    resolveRevision: () =>
      guard(async () => {
        const info = await datasetInfo({
          ...common,
          name: settings.repo,
          revision: settings.revision,
          additionalFields: ["sha"],
        });
        return typeof info.sha === "string" && info.sha ? info.sha : settings.revision;
      }),
    listPaths: (revision) =>
      guard(async () => {
        const paths: string[] = [];
        for await (const entry of listFiles({ ...common, repo, revision, recursive: true })) {
          if (entry.type === "file") paths.push(entry.path);
        }
        return paths;
      }),
    download: (revision, path) =>
      guard(async () => {
        const blob = await downloadFile({ ...common, repo, revision, path });
        if (!blob) {
          throw new DatasetError({
            code: DATASET_ERROR_CODES.hubNotFound,
            message: `file ${path} not found in dataset ${settings.repo}@${revision.slice(0, 12)}`,
          });
        }
        return blob.arrayBuffer();
      }, path),
  };
}
