import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { flowIndexPathFor } from "@sv/dataset";
import type { BaselineScore } from "../baseline/evaluate-baseline.js";
import type { MajorityScore } from "../baseline/majority-class.js";
import type { FieldAudit } from "../card/shortcut-audit.js";
import { CLI_ERROR_CODES, CliError } from "../cli-error.js";
import type { ContextOptions } from "../context/context-options.js";
import type { ContextSection, ContextSplitStrategy } from "../context/context-rows.js";
import type { HubOptions } from "../hub/hub-options.js";
import type { AttemptedPolicy } from "../readers/cic-mapper.js";
import { SOURCE_NAMES, type SourceName } from "../readers/source-name.js";
import type { SplitStrategy } from "../sampling/assign-splits.js";
import { type ValidationCheck, validateDir } from "../validate/validate-dir.js";
import type { SourceManifest } from "./build-source.js";
import { type BuildMode, contextFileName } from "./dataset-names.js";
import { finishInterruptedInstalls, installBuild } from "./install-build.js";
import { readPreviousBuild } from "./previous-build.js";
import type { StagedDataset } from "./staged-dataset.js";
import {
  createStaging,
  findRunningBuild,
  normaliseOut,
  rejectedPath,
  removeStaleStaging,
} from "./staging.js";
import { stageSource } from "./stage-source.js";
import { writeBuild } from "./write-build.js";

/** Move a flow index built during the build into place, after the build itself was installed. */
function installFlowIndex(index: { built: string; final: string }): void {
  renameSync(index.built, index.final);
}

/**
 * The context set of a dataset reads the same flows: its index is the dataset's, under the context
 * file's name (a hard link, or a copy where links fail), so `--env-mode multi-turn` finds it beside it.
 */
function installContextFlowIndex(index: { final: string }, contextPath: string): void {
  rmSync(contextPath, { force: true });
  try {
    linkSync(index.final, contextPath);
  } catch {
    copyFileSync(index.final, contextPath);
  }
}

export interface RunBuildOptions {
  /** Paths (or one `hf:OWNER/NAME`) per source; a built source without any uses the original's Hub copy. */
  sources: Partial<Record<SourceName, string[]>>;
  /** Which datasets to build (default all three). */
  only?: readonly SourceName[];
  out: string;
  limit: number;
  oodLimit: number;
  seed: number;
  splitStrategy: SplitStrategy;
  mode: BuildMode;
  attempted: AttemptedPolicy;
  hub: HubOptions;
  /** Worker threads reading the input files of a source in parallel (default 1); outputs do not depend on it. */
  workers?: number;
  /** Input bytes per extra thread before it is started (default 64 MB; 0: always start them). */
  minBytesPerWorker?: number;
  /**
   * Also write `<dataset>.flows.sqlite` beside each freshly built dataset: every flow read, for the
   * multi-turn tools (see @sv/env). Installed with the build; a failed build installs none.
   */
  flowIndex?: boolean;
  /**
   * Also write context sets (each sampled flow with its originator's earlier flows) for the datasets
   * built; datasets kept by a partial rebuild (`only`) get none.
   */
  context?: ContextOptions;
  /** Train/dev/test strategy of the IoT-23 context set (default `capture`). */
  contextSplitStrategy?: ContextSplitStrategy;
  /** Install a build that fails its own checks (default false: it is kept aside and the build fails). */
  allowIncomplete?: boolean;
  onProgress?: (message: string) => void;
}

export interface RunBuildResult {
  /** The build id written into every manifest, the model and the data card. */
  buildId: string;
  /** Files of this build, relative to `out`. */
  files: string[];
  datasets: { source: SourceName; fileName: string; manifest: SourceManifest; carried: boolean }[];
  /** Context builds: each built dataset's context set (not written when it has no rows). */
  contextSets?: { source: SourceName; fileName: string; section: ContextSection }[];
  learned?: Record<string, BaselineScore>;
  heuristic?: Record<string, BaselineScore>;
  majority: MajorityScore[];
  audit?: FieldAudit[];
  /** Outputs this build lacks (e.g. a refused baseline). */
  incomplete: string[];
  /** Checks the build failed (only with `allowIncomplete`; otherwise the build throws). */
  failedChecks: ValidationCheck[];
}

/**
 * Build the datasets, manifests, learned baseline and data card into `out`. Everything is written to a
 * staging folder beside `out` and swapped in only when complete and valid, so a build that fails or is
 * killed leaves the previous build as it was. With `only`, the other datasets of the build already in
 * `out` are kept, and the manifests, baseline and card are made again from all of them.
 */
export async function runBuild(options: RunBuildOptions): Promise<RunBuildResult> {
  const { mode, seed, onProgress } = options;
  const out = normaliseOut(options.out);
  const only = SOURCE_NAMES.filter((source) => (options.only ?? SOURCE_NAMES).includes(source));
  if (existsSync(out) && !(await stat(out)).isDirectory())
    throw new CliError({ code: CLI_ERROR_CODES.usage, message: `--out ${out} is a file, not a directory` });
  const running = await findRunningBuild(out);
  if (running)
    throw new CliError({
      code: CLI_ERROR_CODES.busy,
      message: `another build-data (pid ${running.pid}) is building into ${out} (${running.path}); wait for it, or remove that folder if no such process is a build`,
    });
  for (const path of await finishInterruptedInstalls(out))
    onProgress?.(`finished installing the complete build an interrupted run left in ${path}`);
  for (const path of await removeStaleStaging(out))
    onProgress?.(`removed ${path} (left by a build that was stopped)`);
  const kept = await readPreviousBuild({
    out,
    mode,
    seed,
    sources: SOURCE_NAMES.filter((source) => !only.includes(source)),
  });
  const staging = await createStaging(out);
  const built = new Map<SourceName, StagedDataset>();
  try {
    for (const source of only) built.set(source, await stageSource(source, options));
    if (options.context && [...built.values()].every((dataset) => (dataset.context?.rows.length ?? 0) === 0))
      throw new CliError({
        code: CLI_ERROR_CODES.nothingUsable,
        message: `--context: none of the inputs of ${only.join(", ")} carries a start time and an originator host per flow (IoT-23 Hub copy, CIC MachineLearningCVE and UNSW training/testing sets have none), so no context set can be built`,
      });
    for (const dataset of kept.values())
      onProgress?.(`${dataset.source}: kept ${dataset.fileName} from the build in ${out}`);
    const datasets = SOURCE_NAMES.map((source) => built.get(source) ?? kept.get(source)).filter(
      (dataset) => dataset !== undefined,
    );
    const written = await writeBuild({
      dir: staging,
      mode,
      seed,
      datasets,
      ...(options.context ? { context: options.context } : {}),
    });
    const { baselines } = written;
    const learnedTest = baselines.learned?.["iot23 test"]?.accuracy;
    if (baselines.learned)
      onProgress?.(
        `baseline/learned: iot23 test accuracy ${learnedTest === undefined ? "n/a" : `${(learnedTest * 100).toFixed(1)}%`}${baselines.refusal ? ` (${baselines.refusal})` : ""}`,
      );
    const failedChecks = (await validateDir({ dir: staging, modes: [mode] })).filter((check) => !check.ok);
    for (const check of failedChecks)
      onProgress?.(`check failed: ${check.name}${check.detail ? `: ${check.detail}` : ""}`);
    if (failedChecks.length > 0 && !options.allowIncomplete) {
      const rejected = rejectedPath(out);
      await rm(rejected, { recursive: true, force: true });
      await rename(staging, rejected);
      throw new CliError({
        code: CLI_ERROR_CODES.validation,
        message: `the build failed ${failedChecks.length} of its own checks (${failedChecks.map((check) => check.name).join("; ")}); ${out} was left as it was, the rejected build is in ${rejected}; --allow-incomplete installs such a build anyway`,
      });
    }
    await installBuild({ out, staging });
    // A rebuilt dataset gets its new index, or loses the old one (it would describe other flows).
    for (const dataset of built.values()) {
      const contextIndex = join(out, flowIndexPathFor(contextFileName(dataset.source, mode)));
      if (dataset.flowIndex) installFlowIndex(dataset.flowIndex);
      else rmSync(join(out, flowIndexPathFor(dataset.fileName)), { force: true });
      if (dataset.flowIndex && dataset.context && dataset.context.rows.length > 0)
        installContextFlowIndex(dataset.flowIndex, contextIndex);
      else rmSync(contextIndex, { force: true });
    }
    // A context set the new build lacks (e.g. a dataset kept by --only) takes its index with it.
    for (const source of SOURCE_NAMES)
      if (!existsSync(join(out, contextFileName(source, mode))))
        rmSync(join(out, flowIndexPathFor(contextFileName(source, mode))), { force: true });
    return {
      buildId: written.buildId,
      files: written.files,
      datasets: datasets.map((dataset) => ({
        source: dataset.source,
        fileName: dataset.fileName,
        manifest: dataset.section,
        carried: dataset.carried,
      })),
      ...(options.context
        ? {
            contextSets: datasets.flatMap((dataset) =>
              dataset.context
                ? [
                    {
                      source: dataset.source,
                      fileName: dataset.context.fileName,
                      section: dataset.context.section,
                    },
                  ]
                : [],
            ),
          }
        : {}),
      ...(baselines.learned ? { learned: baselines.learned } : {}),
      heuristic: baselines.heuristic,
      majority: baselines.majority,
      ...(baselines.audit ? { audit: baselines.audit } : {}),
      incomplete: written.incomplete,
      failedChecks,
    };
  } finally {
    for (const dataset of built.values())
      if (dataset.flowIndex) rmSync(dataset.flowIndex.built, { force: true });
    if (existsSync(staging)) await rm(staging, { recursive: true, force: true });
  }
}
