import {
  type FlowIndex,
  flowIndexPathFor,
  type LoadedDataset,
  loadDataset,
  openFlowIndex,
  parseRow,
  type Row,
  selectRows,
} from "@sv/dataset";
import { type ChatMessage, parse } from "@sv/parser";
import {
  createRubric,
  ORIGINAL_JUDGE_SYSTEM_PROMPT,
  type Rubric,
  type RubricCosts,
  type RubricWeights,
} from "@sv/rubric";
import { ENV_ERROR_CODES, EnvError } from "./env-error.js";
import type { Environment } from "./environment.js";
import { type EnvironmentOptions, parseEnvironmentOptions } from "./environment-options.js";
import { createEvaluationRun } from "./evaluate/evaluation-run.js";
import { createMultiTurnSetup, type MultiTurnSetup } from "./multi-turn/multi-turn-setup.js";
import { DEFAULT_SYSTEM_PROMPT, MULTI_TURN_PROMPT_SUFFIX } from "./system-prompt.js";
import { ENV_ID, ENV_VERSION } from "./version.js";

function buildRubric(options: EnvironmentOptions): Rubric {
  try {
    return createRubric({
      weights: options.weights as Partial<RubricWeights> | undefined,
      costs: options.costs as Partial<RubricCosts> | undefined,
    });
  } catch (error) {
    throw new EnvError({
      code: ENV_ERROR_CODES.invalidOptions,
      message: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}

async function resolveDataset(options: EnvironmentOptions): Promise<LoadedDataset> {
  if (options.rows) {
    const rows = options.rows.map((row, index) => parseRow(row, { file: "options.rows", line: index + 1 }));
    // Given rows are all kept unless a split is asked for; `maxExamples` samples them like a file.
    const selection = selectRows(rows, {
      split: options.split ?? "all",
      seed: options.seed,
      maxExamples: options.maxExamples,
      sampling: options.sampling,
    });
    return { name: "in-memory", tier: "local", reason: "rows given in options", ...selection };
  }
  return loadDataset({
    dataset: options.datasetName,
    source: options.datasetSource,
    dataDir: options.dataDir,
    split: options.split,
    maxExamples: options.maxExamples,
    seed: options.seed,
    sampling: options.sampling,
    hub: options.hub,
    signal: options.signal,
  });
}

function openMultiTurn(options: EnvironmentOptions, dataset: LoadedDataset): MultiTurnSetup {
  const path = options.flowIndex ?? (dataset.path ? flowIndexPathFor(dataset.path) : undefined);
  if (path === undefined) {
    throw new EnvError({
      code: ENV_ERROR_CODES.invalidOptions,
      message: `multi-turn mode needs a flow index: dataset "${dataset.name}" (${dataset.tier}) is not a local file with one beside it; pass flowIndex`,
    });
  }
  let index: FlowIndex;
  try {
    index = openFlowIndex({ path });
  } catch (error) {
    throw new EnvError({
      code: ENV_ERROR_CODES.invalidOptions,
      message: `multi-turn mode: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  try {
    return createMultiTurnSetup({ index, rows: dataset.rows, maxTurns: options.maxTurns });
  } catch (error) {
    index.close();
    throw error;
  }
}

/**
 * Load the E1 environment: dataset (by the original's tiers), system prompt, parser and rubric.
 * Options are validated strictly (unknown ones throw `EnvError`); the original's snake_case names work too.
 * A dataset named in `datasetName` that cannot be found throws `DatasetError` saying where it looked
 * (the bundled demo set stands in only when no dataset is named); `dataDir` defaults to `$SV_DATA_DIR`,
 * else `./data/e1`. `maxExamples` draws a seeded, label-stratified sample (`dataset.seed` is the seed used).
 *
 * @example
 * const env = await loadEnvironment({ datasetName: "iot23-train-dev-test-v1", split: "test" });
 * for await (const rollout of env.evaluate({ model, maxConcurrent: 16 })) console.log(rollout.reward);
 *
 * @example Multi-turn: the model may look up earlier flows (close the environment when done)
 * const env = await loadEnvironment({ datasetName: "iot23-train-dev-test-v1", envMode: "multi-turn" });
 */
export async function loadEnvironment(input: EnvironmentOptions = {}): Promise<Environment> {
  const options = parseEnvironmentOptions(input);
  const rubric = buildRubric(options);
  const dataset = await resolveDataset(options);
  // A custom prompt is used as given; the default one learns about the tools in multi-turn mode. Judge
  // mode's default is the original judge environment's own prompt.
  const basePrompt = options.rubricMode === "judge" ? ORIGINAL_JUDGE_SYSTEM_PROMPT : DEFAULT_SYSTEM_PROMPT;
  const systemPrompt =
    options.systemPrompt ??
    (options.envMode === "multi-turn" ? `${basePrompt}\n${MULTI_TURN_PROMPT_SUFFIX}` : basePrompt);
  const multiTurn = options.envMode === "multi-turn" ? openMultiTurn(options, dataset) : undefined;
  const { rows: _rows, signal: _signal, hub: _hub, ...recorded } = options;
  const formatPrompt = (example: Row): ChatMessage[] => [
    { role: "system", content: systemPrompt },
    { role: "user", content: example.question },
  ];
  return {
    id: ENV_ID,
    version: ENV_VERSION,
    systemPrompt,
    dataset,
    options: recorded,
    parser: { parse },
    rubric,
    formatPrompt,
    score: (completion, example) => rubric.score({ completion, answer: example.answer }),
    mode: options.envMode ?? "single-turn",
    rubricMode: options.rubricMode ?? "executable",
    tools: multiTurn?.tools ?? [],
    evaluate: (evaluateOptions) =>
      createEvaluationRun(
        {
          rows: dataset.rows,
          rubric,
          formatPrompt,
          multiTurn,
          rubricMode: options.rubricMode,
          judgeWeight: options.judgeWeight,
        },
        evaluateOptions,
      ),
    close: () => multiTurn?.index.close(),
  };
}
