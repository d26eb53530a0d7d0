import { createWriteStream } from "node:fs";
import { mkdir, rename, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { downloadFile, listFiles } from "@huggingface/hub";
import { redactSecrets, urlSecrets } from "@sv/parser";
import { CLI_ERROR_CODES, CliError } from "../cli-error.js";
import type { HubOptions } from "./hub-options.js";

const DATA_FILE = /\.(csv|csv\.gz|parquet|labeled|labeled\.gz)$/i;

export interface DownloadHubDatasetOptions extends HubOptions {
  /** `owner/name` of a dataset repo. */
  repo: string;
  /** The CLI flag the source came from, for the offline message (e.g. `--iot23`). */
  flag: string;
  onProgress?: (message: string) => void;
}

/** A downloaded Hub dataset: its cache directory (read like a local source) and the files' Hub ids. */
export interface DownloadedHubDataset {
  root: string;
  repo: string;
  files: { path: string; size: number; oid: string }[];
}

/** A Hub client error's text, safe to print: a server may reflect the token in its error body. */
function hubErrorText(error: unknown, options: DownloadHubDatasetOptions): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text, { secrets: [options.accessToken, ...urlSecrets(options.hubUrl)] });
}

function offlineError(options: DownloadHubDatasetOptions, cause?: unknown): CliError {
  const reason = cause instanceof Error ? `: ${hubErrorText(cause, options)}` : "";
  return new CliError({
    code: CLI_ERROR_CODES.hubOffline,
    message: `cannot reach the Hugging Face Hub to download ${options.repo} (the default for ${options.flag})${reason}. Offline? Pass local files instead: ${options.flag} PATH, where PATH is a file or a directory searched recursively (see \`pnpm build-data --help\`).`,
    cause,
  });
}

function isNetworkError(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof Error && /fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN/.test(error.message))
  );
}

/**
 * Download a Hub dataset's data files (CSV, Parquet, Zeek logs) into `cacheDir/<owner>--<name>/<oid>/…`,
 * reusing files already cached. Offline, it fails at once with a message saying how to pass local files.
 */
export async function downloadHubDataset(options: DownloadHubDatasetOptions): Promise<DownloadedHubDataset> {
  if (options.offline) throw offlineError(options);
  const repo = { type: "dataset" as const, name: options.repo };
  const common = {
    repo,
    ...(options.hubUrl ? { hubUrl: options.hubUrl } : {}),
    ...(options.accessToken ? { accessToken: options.accessToken } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const root = join(options.cacheDir, options.repo.replace("/", "--"));
  const files: DownloadedHubDataset["files"] = [];
  try {
    for await (const entry of listFiles({ ...common, recursive: true })) {
      if (entry.type !== "file" || !DATA_FILE.test(entry.path)) continue;
      files.push({ path: entry.path, size: entry.size, oid: entry.lfs?.oid ?? entry.oid ?? "unknown" });
    }
  } catch (error) {
    if (isNetworkError(error)) throw offlineError(options, error);
    throw new CliError({
      code: CLI_ERROR_CODES.hub,
      message: `cannot list ${options.repo} on the Hub: ${hubErrorText(error, options)}`,
      cause: error,
    });
  }
  files.sort((left, right) => (left.path < right.path ? -1 : 1));
  if (files.length === 0) {
    throw new CliError({
      code: CLI_ERROR_CODES.hub,
      message: `${options.repo} on the Hub has no CSV, Parquet or Zeek files`,
    });
  }
  for (const file of files) {
    const target = join(root, file.path);
    const cached = await stat(target).catch(() => undefined);
    if (cached?.size === file.size) {
      options.onProgress?.(`hub: ${options.repo}/${file.path} (cached)`);
      continue;
    }
    options.onProgress?.(
      `hub: downloading ${options.repo}/${file.path} (${(file.size / 1e6).toFixed(1)} MB)`,
    );
    const blob = await downloadFile({ ...common, path: file.path, xet: false }).catch((error: unknown) => {
      if (isNetworkError(error)) throw offlineError(options, error);
      throw new CliError({
        code: CLI_ERROR_CODES.hub,
        message: `cannot download ${options.repo}/${file.path} from the Hub: ${hubErrorText(error, options)}`,
        cause: error,
      });
    });
    if (!blob)
      throw new CliError({
        code: CLI_ERROR_CODES.hub,
        message: `${options.repo}/${file.path} is missing on the Hub`,
      });
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.incomplete`;
    await pipeline(
      Readable.fromWeb(blob.stream() as WebReadableStream<Uint8Array>),
      createWriteStream(partial),
    );
    await rename(partial, target);
  }
  return { root, repo: options.repo, files };
}
