import { type Command, Option } from "commander";
import { setInterruptNotice } from "../../interrupt-notice.js";
import { applyConfigFile } from "./apply-config-file.js";
import { applyEnvId, parseEvalFlags } from "./eval-flags.js";
import type { EvalIo } from "./eval-io.js";
import { runEval } from "./run-eval.js";

/** Result of the default command, read by `runCli` for the exit code. */
export interface EvalCommandState {
  exitCode: number;
}

/**
 * The default command (`pnpm eval [sv-env-network-logs] [flags]`, vf-eval's command line): the vf-eval
 * flags plus our own. `io` is built when the command runs, so tests can inject servers, clocks and streams.
 */
export function registerEvalCommand(program: Command, makeIo: () => EvalIo, state: EvalCommandState): void {
  program
    .argument(
      "[env-id]",
      "environment to evaluate, as vf-eval's first argument: sv-env-network-logs, or sv-netlogs-judge (= --rubric judge)",
    )
    .option("-m, --model <names>", "model(s) to evaluate, comma-separated; baseline/heuristic runs offline")
    .option("-b, --api-base-url <url>", "OpenAI-compatible base URL (OpenAI, vLLM, Ollama, OpenRouter)")
    .option("-k, --api-key-var <name>", "environment variable holding the API key", "OPENAI_API_KEY")
    .option(
      "-n, --num-examples <n>",
      "examples to evaluate: a seeded, label-stratified sample (default all; -1 = all)",
    )
    .option("-r, --rollouts-per-example <n>", "rollouts per example", "1")
    .option("-c, --max-concurrent <n>", "requests in flight at once", "32")
    .option("-t, --max-tokens <n>", "max tokens per reply (max_completion_tokens for reasoning models)")
    .option("-T, --temperature <x>", "sampling temperature (not sent to reasoning models)")
    .option("-S, --sampling-args <json>", "extra sampling args as a JSON object (wins over -t/-T)")
    .option("-a, --env-args <json>", "environment options as a JSON object (see @sv/env loadEnvironment)")
    .option("-s, --save-results", "write the run folder (on by default)", true)
    .option("--no-save-results", "do not write any file")
    .option("-v, --verbose", "print every retry and failed rollout")
    .option("--dataset <name|path>", "dataset name in the data dir, or a .jsonl path")
    .option("--dataset-source <source>", "auto | local | hub | synthetic | demo")
    .option("--data-dir <dir>", "local datasets (default $SV_DATA_DIR or ./data/e1)")
    .option("--split <split>", "train | dev | test | all (default test when the dataset has splits)")
    .option("--seed <n>", "seed of the -n sample and the example order (default 0 with -n)")
    .option(
      "-o, --output-dir <dir>",
      "runs go in <dir>/evals/<env>--<model>/<run-id> (as vf-eval)",
      "outputs",
    )
    .option("--run-id <id>", "run id (default 8 random hex digits)")
    .option(
      "-R, --resume [run-dir]",
      "finish an unfinished run: run only its missing rollouts (no path: the newest unfinished run of the model)",
    )
    .option("--retry-errors <run-dir>", "re-run only the errored rollouts of a finished run, in its folder")
    .option("--request-retries <n>", "retries per request on 429/5xx/timeouts/resets/garbled replies", "5")
    .option("--request-timeout <seconds>", "timeout of each request in seconds (0 = none)", "120")
    .addOption(new Option("--timeout <seconds>").hideHelp())
    .addOption(new Option("--max-retries <n>").hideHelp())
    .option("--max-consecutive-errors <n>", "stop after this many failed rollouts in a row (0 = never)", "3")
    .option(
      "--no-shared-rate-limit",
      "a 429 backs off only its own request (default: it pauses the whole pool)",
    )
    .option("--env-mode <mode>", "single-turn (default) | multi-turn: the model may call flow-lookup tools")
    .option("--max-turns <n>", "multi-turn: model requests per rollout, the answer included (default 5)")
    .option("--flow-index <file>", "multi-turn: the flow index (default <dataset>.flows.sqlite beside it)")
    .option("--system-prompt-file <file>", "replace the system prompt with this file's text")
    .option("--json", "print summary.json to stdout")
    .option("--cache", "answer repeated requests from the response cache (default: on at temperature 0)")
    .option("--no-cache", "always query the model")
    .option("--price-input <usd>", "USD per million input tokens (default: the price table)")
    .option("--price-output <usd>", "USD per million output tokens (default: the price table)")
    .option("--max-cost <usd>", "stop cleanly before the run's cost (model + judge) could pass this many USD")
    .option("-C, --config <file>", "read options from a TOML file (keys as the long flags); flags win")
    .option(
      "--rubric <mode>",
      "executable (default: the programmatic rubric) | judge (the original's sv-netlogs-judge) | hybrid",
    )
    .option("--judge-model <name>", "judge and hybrid: the judge model (default gpt-4.1-nano)")
    .option("--judge-base-url <url>", "the judge's OpenAI-compatible base URL (default the OpenAI API)")
    .option(
      "--judge-api-key-var <name>",
      "environment variable holding the judge's key (default OPENAI_API_KEY)",
    )
    .option(
      "--judge-sampling-args <json>",
      'judge sampling args over the original\'s {"max_tokens": 16, "temperature": 0}',
    )
    .option("--judge-weight <w>", "hybrid: weight of the rationale judge's score (default 0.1)")
    .option("--judge-price-input <usd>", "USD per million judge input tokens (default: the price table)")
    .option("--judge-price-output <usd>", "USD per million judge output tokens (default: the price table)")
    .action(async (givenEnvId: string | undefined, options: Record<string, unknown>, command: Command) => {
      const io = makeIo();
      const { envId, raw, fileKeys } = applyConfigFile({
        command,
        envId: givenEnvId,
        raw: options,
        cwd: io.cwd,
      });
      applyEnvId(envId, raw);
      setInterruptNotice("stopping; finished rollouts are kept (Ctrl-C again to quit now)");
      // Set on the command line or by the config file (not defaults): --resume checks these against the run.
      const given = new Set(
        Object.keys(raw).filter(
          (key) => command.getOptionValueSource(key) === "cli" || raw[key] !== options[key],
        ),
      );
      state.exitCode = await runEval(parseEvalFlags(raw, given, { fileKeys }), io);
    });
}
