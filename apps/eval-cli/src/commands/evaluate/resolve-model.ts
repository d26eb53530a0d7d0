import { type ChatModel, createOpenAIModel, isBaselineName, loadBaseline } from "@sv/env";
import { OPENAI_BASE_URL } from "../../cache/response-cache-settings.js";
import { CliError } from "../../cli-error.js";

export interface ResolveModelOptions {
  name: string;
  apiKey: string | undefined;
  apiKeyVar: string;
  baseURL: string | undefined;
  timeoutMs: number;
  dataDir: string;
  fetch?: typeof globalThis.fetch;
}

/** A `baseline/...` name loads a built-in baseline; anything else is an OpenAI-compatible model. */
export async function resolveModel(options: ResolveModelOptions): Promise<ChatModel> {
  if (options.name.startsWith("baseline/") || isBaselineName(options.name)) {
    try {
      return await loadBaseline({ name: options.name, dataDir: options.dataDir });
    } catch (error) {
      throw new CliError({ message: (error as Error).message, cause: error, exitCode: 2 });
    }
  }
  if (!options.apiKey && !options.baseURL) {
    throw new CliError({
      exitCode: 2,
      message:
        `model "${options.name}" needs an API key in $${options.apiKeyVar} (or a .env file), ` +
        "or --api-base-url for a local server (vLLM, Ollama); try -m baseline/heuristic to run offline",
    });
  }
  return createOpenAIModel({
    modelId: options.name,
    apiKey: options.apiKey,
    // Explicit, as vf-eval's -b default: the SDK would otherwise read $OPENAI_BASE_URL behind the back
    // of the response cache and metadata.json, which name the OpenAI endpoint for a run without -b.
    baseURL: options.baseURL ?? OPENAI_BASE_URL,
    timeoutMs: options.timeoutMs > 0 ? options.timeoutMs * 2 : undefined,
    fetch: options.fetch,
  });
}
