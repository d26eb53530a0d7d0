import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { flowIndexPathFor } from "@sv/dataset";
import { buildSource } from "./build-source.js";
import { contextFileName, datasetFileName } from "./dataset-names.js";
import { resolveSource } from "./resolve-source.js";
import type { RunBuildOptions } from "./run-build.js";
import type { StagedDataset } from "./staged-dataset.js";
import type { SourceName } from "../readers/source-name.js";

/** Read, sample and split one dataset for the build being staged (its manifest section included). */
export async function stageSource(source: SourceName, options: RunBuildOptions): Promise<StagedDataset> {
  const { mode, onProgress } = options;
  const resolved = await resolveSource({
    source,
    specs: options.sources[source] ?? [],
    hub: options.hub,
    ...(onProgress ? { onProgress } : {}),
  });
  const iot = source === "iot23";
  const fileName = datasetFileName(source, mode);
  const final = join(options.out, flowIndexPathFor(fileName));
  const flowIndex = options.flowIndex ? { built: `${final}.building`, final } : undefined;
  if (flowIndex) mkdirSync(options.out, { recursive: true });
  const result = await buildSource({
    source,
    roots: resolved.roots,
    seed: options.seed,
    limit: mode === "test" ? (iot ? 20 : 10) : iot ? options.limit : options.oodLimit,
    balanced: source !== "unsw",
    ...(iot ? { splitStrategy: options.splitStrategy } : {}),
    attempted: options.attempted,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.minBytesPerWorker !== undefined ? { minBytesPerWorker: options.minBytesPerWorker } : {}),
    ...(flowIndex ? { flowIndex: flowIndex.built } : {}),
    ...(options.context ? { context: options.context, fileName } : {}),
    ...(options.contextSplitStrategy ? { contextSplitStrategy: options.contextSplitStrategy } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    source,
    fileName,
    rows: result.rows,
    section: {
      dataset: fileName,
      ...(resolved.hubRepo ? { hub: { repo: resolved.hubRepo, files: resolved.hubFiles } } : {}),
      ...result.manifest,
    },
    ...(result.context ? { context: { fileName: contextFileName(source, mode), ...result.context } } : {}),
    carried: false,
    ...(flowIndex ? { flowIndex } : {}),
  };
}
