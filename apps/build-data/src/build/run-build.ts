import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type BaselineScore,
  evaluateBaseline,
  heuristicPredictor,
  learnedPredictor,
} from "../baseline/evaluate-baseline.js";
import { trainLearned } from "../baseline/train-learned.js";
import { type DataCardDataset, renderDataCard } from "../card/render-data-card.js";
import { type FieldAudit, shortcutAudit } from "../card/shortcut-audit.js";
import type { HubOptions } from "../hub/hub-options.js";
import type { AttemptedPolicy } from "../readers/cic-mapper.js";
import { META_SOURCE, SOURCE_NAMES, type SourceName } from "../readers/source-name.js";
import type { SplitStrategy } from "../sampling/assign-splits.js";
import { type BuiltSource, buildSource, type SourceManifest } from "./build-source.js";
import { type BuildMode, baselineFileName, datasetFileName, manifestFileName } from "./dataset-names.js";
import type { DatasetRow } from "./dataset-row.js";
import { resolveSource } from "./resolve-source.js";

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
  onProgress?: (message: string) => void;
}

export interface RunBuildResult {
  /** Files written, relative to `out`. */
  files: string[];
  datasets: { source: SourceName; fileName: string; manifest: SourceManifest }[];
  learned?: Record<string, BaselineScore>;
  heuristic?: Record<string, BaselineScore>;
  audit?: FieldAudit[];
}

function jsonl(rows: readonly DatasetRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join("");
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Build the datasets, manifests, learned baseline and data card into `out`. */
export async function runBuild(options: RunBuildOptions): Promise<RunBuildResult> {
  const { mode, seed, onProgress } = options;
  const only = SOURCE_NAMES.filter((source) => (options.only ?? SOURCE_NAMES).includes(source));
  await mkdir(options.out, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, content: string) => {
    await writeFile(join(options.out, name), content);
    files.push(name);
  };
  const built: {
    source: SourceName;
    fileName: string;
    result: BuiltSource;
    hubRepo?: string;
    hubFiles?: unknown;
  }[] = [];
  for (const source of only) {
    const resolved = await resolveSource({
      source,
      specs: options.sources[source] ?? [],
      hub: options.hub,
      ...(onProgress ? { onProgress } : {}),
    });
    const iot = source === "iot23";
    const result = await buildSource({
      source,
      roots: resolved.roots,
      seed,
      limit: mode === "test" ? (iot ? 20 : 10) : iot ? options.limit : options.oodLimit,
      balanced: source !== "unsw",
      ...(iot ? { splitStrategy: options.splitStrategy } : {}),
      attempted: options.attempted,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.minBytesPerWorker !== undefined ? { minBytesPerWorker: options.minBytesPerWorker } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    const fileName = datasetFileName(source, mode);
    await write(fileName, jsonl(result.rows));
    built.push({
      source,
      fileName,
      result,
      ...(resolved.hubRepo ? { hubRepo: resolved.hubRepo, hubFiles: resolved.hubFiles } : {}),
    });
  }
  const header = {
    mode,
    seed,
    generated_by: "@sv/build-data",
    ...(mode === "test" ? { warning: "test fixture only - not for evaluation" } : {}),
  };
  const section = (entry: (typeof built)[number]) => ({
    dataset: entry.fileName,
    ...(entry.hubRepo ? { hub: { repo: entry.hubRepo, files: entry.hubFiles } } : {}),
    ...entry.result.manifest,
  });
  const iot = built.find((entry) => entry.source === "iot23");
  if (iot) await write(manifestFileName("iot23", mode), json({ ...header, ...section(iot) }));
  const ood = built.filter((entry) => entry.source !== "iot23");
  if (ood.length > 0) {
    await write(
      manifestFileName("ood", mode),
      json({
        ...header,
        datasets: Object.fromEntries(ood.map((entry) => [META_SOURCE[entry.source], section(entry)])),
      }),
    );
  }
  let learned: Record<string, BaselineScore> | undefined;
  let heuristic: Record<string, BaselineScore> | undefined;
  let audit: FieldAudit[] | undefined;
  let majority: number | undefined;
  const modelFile = baselineFileName(mode);
  if (iot) {
    const rows = iot.result.rows;
    const model = trainLearned({ rows, seed });
    await write(modelFile, json(model));
    const test = rows.filter((row) => row.meta.split === "test");
    const learnedPredict = learnedPredictor(model);
    const heuristicPredict = heuristicPredictor();
    learned = { "iot23 test": evaluateBaseline({ rows: test, predict: learnedPredict }) };
    heuristic = { "iot23 test": evaluateBaseline({ rows: test, predict: heuristicPredict }) };
    for (const entry of ood) {
      const set = META_SOURCE[entry.source];
      learned[set] = evaluateBaseline({ rows: entry.result.rows, predict: learnedPredict });
      heuristic[set] = evaluateBaseline({ rows: entry.result.rows, predict: heuristicPredict });
    }
    audit = shortcutAudit({ rows });
    const trainMalicious = rows.filter(
      (row) => row.meta.split === "train" && row.answer === "Malicious",
    ).length;
    const trainTotal = rows.filter((row) => row.meta.split === "train").length;
    const majorityLabel = trainMalicious * 2 >= trainTotal ? "Malicious" : "Benign";
    majority = test.length ? test.filter((row) => row.answer === majorityLabel).length / test.length : 0;
    onProgress?.(
      `baseline/learned: iot23 test accuracy ${((learned["iot23 test"]?.accuracy ?? 0) * 100).toFixed(1)}%`,
    );
  }
  const cardDatasets: DataCardDataset[] = built.map((entry) => ({
    fileName: entry.fileName,
    manifest: entry.result.manifest,
    ...(entry.hubRepo ? { hubRepo: entry.hubRepo } : {}),
  }));
  await write(
    "DATA_CARD.md",
    renderDataCard({
      seed,
      mode,
      datasets: cardDatasets,
      ...(learned ? { learned: { modelFile, scores: learned } } : {}),
      ...(heuristic ? { heuristic } : {}),
      ...(majority !== undefined ? { majority } : {}),
      ...(audit ? { audit } : {}),
    }),
  );
  return {
    files,
    datasets: built.map((entry) => ({
      source: entry.source,
      fileName: entry.fileName,
      manifest: entry.result.manifest,
    })),
    ...(learned ? { learned } : {}),
    ...(heuristic ? { heuristic } : {}),
    ...(audit ? { audit } : {}),
  };
}
