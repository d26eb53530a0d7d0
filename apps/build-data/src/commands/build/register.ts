import { availableParallelism, homedir } from "node:os";
import { join } from "node:path";
import { type Command, Option } from "commander";
import { runBuild } from "../../build/run-build.js";
import { CLI_ERROR_CODES, CliError } from "../../cli-error.js";
import {
  type ContextOptions,
  DEFAULT_CONTEXT_MAX_HOSTS,
  DEFAULT_CONTEXT_WINDOW_SECONDS,
  MAX_CONTEXT_FLOWS,
} from "../../context/context-options.js";
import { CONTEXT_SPLIT_STRATEGIES, type ContextSplitStrategy } from "../../context/context-rows.js";
import { ATTEMPTED_POLICIES, type AttemptedPolicy } from "../../readers/cic-mapper.js";
import { SOURCE_NAMES, type SourceName } from "../../readers/source-name.js";
import { SPLIT_STRATEGIES, type SplitStrategy } from "../../sampling/assign-splits.js";
import { checkOutDir } from "./check-out-dir.js";
import { printSummary } from "./print-summary.js";

interface BuildFlags {
  iot23?: string[];
  cic?: string[];
  unsw?: string[];
  out: string;
  limit: string;
  oodLimit: string;
  seed: string;
  splitStrategy: SplitStrategy;
  mode: "full" | "test";
  only?: string;
  cicAttempted: AttemptedPolicy;
  pushToHub?: string;
  cacheDir?: string;
  workers: string;
  allowIncomplete?: boolean;
  flowIndex?: boolean;
  context?: string;
  contextWindow: string;
  contextMaxHosts: string;
  contextSplitStrategy: ContextSplitStrategy;
}

function integer(name: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new CliError({
      code: CLI_ERROR_CODES.usage,
      message: `${name} must be an integer ≥ ${minimum}, got ${JSON.stringify(text)}`,
    });
  }
  return value;
}

function contextOptions(flags: BuildFlags): ContextOptions | undefined {
  if (flags.context === undefined) return undefined;
  const flows = integer("--context", flags.context, 1);
  if (flows > MAX_CONTEXT_FLOWS)
    throw new CliError({
      code: CLI_ERROR_CODES.usage,
      message: `--context must be at most ${MAX_CONTEXT_FLOWS}, got ${flows}`,
    });
  return {
    flows,
    windowSeconds: integer("--context-window", flags.contextWindow, 1),
    maxHosts: integer("--context-max-hosts", flags.contextMaxHosts, 1),
  };
}

function parseOnly(text: string | undefined): SourceName[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(SOURCE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new CliError({
      code: CLI_ERROR_CODES.usage,
      message: `--only takes a comma list of ${SOURCE_NAMES.join(", ")}; got ${JSON.stringify(text)}`,
    });
  }
  return names as SourceName[];
}

/** The default build: `pnpm build-data --iot23 SRC --cic SRC --unsw SRC --out DIR …`. */
export function registerBuildCommand(program: Command): void {
  program
    .command("build", { isDefault: true })
    .description(
      "Build JSONL datasets, sampling manifests, a data card and the learned baseline from raw captures",
    )
    .option(
      "--iot23 <src...>",
      "IoT-23 conn.log.labeled(.gz) / CSV / Parquet files or directories, or hf:OWNER/NAME",
    )
    .option("--cic <src...>", "CIC-IDS-2017 CSV/Parquet files or directories, or hf:OWNER/NAME")
    .option("--unsw <src...>", "UNSW-NB15 CSV/Parquet files or directories, or hf:OWNER/NAME")
    .requiredOption("-o, --out <dir>", "output directory")
    .option("--limit <n>", "IoT-23 rows (balanced)", "1800")
    .option("--ood-limit <n>", "rows of each out-of-distribution set", "600")
    .option("--seed <n>", "sampling seed", "42")
    .addOption(
      new Option("--split-strategy <name>", "IoT-23 splits").choices(SPLIT_STRATEGIES).default("stratified"),
    )
    .addOption(
      new Option("--mode <mode>", "test builds tiny -test files").choices(["full", "test"]).default("full"),
    )
    .option("--only <list>", `datasets to build, comma list of ${SOURCE_NAMES.join(",")} (default all)`)
    .addOption(
      new Option("--cic-attempted <policy>", 'CIC "- Attempted" labels')
        .choices(ATTEMPTED_POLICIES)
        .default("exclude"),
    )
    .option(
      "--push-to-hub <repo>",
      "upload the built files and data card as a private dataset repo (HF_TOKEN)",
    )
    .option("--cache-dir <dir>", "Hub download cache (default ~/.cache/sv-build-data)")
    .option(
      "--flow-index",
      "also write <dataset>.flows.sqlite beside each dataset: every flow read, for `pnpm eval --env-mode multi-turn`",
    )
    .option(
      "--workers <n>",
      "threads reading input files in parallel (1 = all on the main thread); outputs never depend on it",
      String(availableParallelism()),
    )
    .option(
      "--allow-incomplete",
      "install a build even when it fails its own checks (e.g. an OOD set with one label, a refused baseline); exit 0",
    )
    .option(
      "--context <k>",
      `also write context sets: each sampled flow with the K earlier flows of its originator host (1-${MAX_CONTEXT_FLOWS})`,
    )
    .option(
      "--context-window <seconds>",
      "only earlier flows that started at most this many seconds before the flow",
      String(DEFAULT_CONTEXT_WINDOW_SECONDS),
    )
    .option(
      "--context-max-hosts <n>",
      "originator hosts remembered per file (least recently seen evicted; memory ≤ K × n lines)",
      String(DEFAULT_CONTEXT_MAX_HOSTS),
    )
    .addOption(
      new Option("--context-split-strategy <name>", "IoT-23 context set splits")
        .choices(CONTEXT_SPLIT_STRATEGIES)
        .default("capture"),
    )
    .action(async (flags: BuildFlags) => {
      checkOutDir(flags.out);
      const progress = (message: string) => process.stderr.write(`${message}\n`);
      const started = performance.now();
      const hubUrl = process.env.HF_ENDPOINT;
      const accessToken = process.env.HF_TOKEN;
      const context = contextOptions(flags);
      const result = await runBuild({
        sources: {
          ...(flags.iot23 ? { iot23: flags.iot23 } : {}),
          ...(flags.cic ? { cic: flags.cic } : {}),
          ...(flags.unsw ? { unsw: flags.unsw } : {}),
        },
        ...(flags.only ? { only: parseOnly(flags.only)! } : {}),
        out: flags.out,
        limit: integer("--limit", flags.limit, 2),
        oodLimit: integer("--ood-limit", flags.oodLimit, 2),
        seed: integer("--seed", flags.seed, 0),
        splitStrategy: flags.splitStrategy,
        mode: flags.mode,
        attempted: flags.cicAttempted,
        workers: integer("--workers", flags.workers, 1),
        allowIncomplete: flags.allowIncomplete === true,
        flowIndex: flags.flowIndex === true,
        ...(context ? { context, contextSplitStrategy: flags.contextSplitStrategy } : {}),
        hub: {
          cacheDir: flags.cacheDir ?? join(homedir(), ".cache", "sv-build-data"),
          ...(hubUrl ? { hubUrl } : {}),
          ...(accessToken ? { accessToken } : {}),
          offline: process.env.HF_HUB_OFFLINE === "1",
        },
        onProgress: progress,
      });
      printSummary({
        result,
        out: flags.out,
        seconds: (performance.now() - started) / 1000,
        write: progress,
      });
      if (flags.pushToHub) {
        if (!accessToken)
          throw new CliError({
            code: CLI_ERROR_CODES.hub,
            message: "--push-to-hub needs HF_TOKEN in the environment",
          });
        const { pushToHub } = await import("../../hub/push-to-hub.js");
        const url = await pushToHub({
          repo: flags.pushToHub,
          dir: flags.out,
          files: result.files,
          accessToken,
          ...(hubUrl ? { hubUrl } : {}),
        });
        progress(`pushed ${result.files.length} files to ${url}`);
      }
    });
}
