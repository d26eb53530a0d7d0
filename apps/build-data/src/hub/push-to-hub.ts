import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createRepo, HubApiError, uploadFiles } from "@huggingface/hub";
import { redactSecrets, urlSecrets } from "@sv/parser";
import { CLI_ERROR_CODES, CliError } from "../cli-error.js";

export interface PushToHubOptions {
  /** `owner/name` of the dataset repo to create (private) or update. */
  repo: string;
  dir: string;
  /** Files in `dir` to upload (the data card is uploaded as README.md too). */
  files: readonly string[];
  /** HF token; never logged or put in a message. */
  accessToken: string;
  hubUrl?: string;
  fetch?: typeof fetch;
}

/** A Hub client error's text, safe to print: a server may reflect the token in its error body. */
function hubErrorText(error: unknown, options: PushToHubOptions): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text, { secrets: [options.accessToken, ...urlSecrets(options.hubUrl)] });
}

/** Create the private dataset repo (if new) and upload the built files in one commit; returns the repo URL. */
export async function pushToHub(options: PushToHubOptions): Promise<string> {
  const repo = { type: "dataset" as const, name: options.repo };
  const common = {
    repo,
    accessToken: options.accessToken,
    ...(options.hubUrl ? { hubUrl: options.hubUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  try {
    await createRepo({ ...common, private: true });
  } catch (error) {
    if (!(error instanceof HubApiError && error.statusCode === 409)) {
      throw new CliError({
        code: CLI_ERROR_CODES.hub,
        message: `cannot create dataset repo ${options.repo}: ${hubErrorText(error, options)}`,
        cause: error,
      });
    }
  }
  const names = [...options.files];
  const uploads = await Promise.all(
    names.map(async (name) => ({ path: name, content: new Blob([await readFile(join(options.dir, name))]) })),
  );
  const card = names.find((name) => /^DATA_CARD(-test)?\.md$/.test(name));
  if (card)
    uploads.push({
      path: "README.md",
      content: new Blob([await readFile(join(options.dir, card))]),
    });
  try {
    await uploadFiles({
      ...common,
      files: uploads,
      commitTitle: "Add E1 datasets built by @sv/build-data",
      useXet: false,
    });
  } catch (error) {
    throw new CliError({
      code: CLI_ERROR_CODES.hub,
      message: `cannot upload to ${options.repo}: ${hubErrorText(error, options)}`,
      cause: error,
    });
  }
  return `${options.hubUrl ?? "https://huggingface.co"}/datasets/${options.repo}`;
}
