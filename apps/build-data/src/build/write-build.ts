import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type BaselineReport, scoreBaselines } from "../baseline/score-baselines.js";
import { scoreContextBaselines } from "../baseline/score-context-baselines.js";
import { renderContextSection } from "../card/context-card-section.js";
import { renderDataCard } from "../card/render-data-card.js";
import type { ContextOptions } from "../context/context-options.js";
import { META_SOURCE } from "../readers/source-name.js";
import { type BuildRecord, type BuildRecordFile, computeBuildId, sha256Hex } from "./build-record.js";
import {
  type BuildMode,
  baselineFileName,
  buildRecordFileName,
  contextBaselineFileName,
  contextManifestFileName,
  dataCardFileName,
  manifestFileName,
} from "./dataset-names.js";
import type { DatasetRow } from "./dataset-row.js";
import type { StagedDataset } from "./staged-dataset.js";

export interface WriteBuildOptions {
  /** The (staging) folder to write into. */
  dir: string;
  mode: BuildMode;
  seed: number;
  /** Every dataset of the build, in {@link SOURCE_NAMES} order (rebuilt and kept ones alike). */
  datasets: readonly StagedDataset[];
  /** Context builds: the options, written into the context manifest. */
  context?: ContextOptions;
}

export interface WrittenBuild {
  buildId: string;
  /** Files written, relative to `dir`, the build record last. */
  files: string[];
  baselines: BaselineReport;
  incomplete: string[];
}

function jsonl(rows: readonly DatasetRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join("");
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Write one complete build: datasets, sampling manifests, the learned baseline (when it beats the
 * majority class), the data card and, last, the build record listing every file's SHA-256. The build id
 * is written into every manifest, the model and the card.
 */
export async function writeBuild(options: WriteBuildOptions): Promise<WrittenBuild> {
  const { dir, mode, seed, datasets } = options;
  const written: BuildRecordFile[] = [];
  const write = async (name: string, content: string) => {
    await writeFile(join(dir, name), content);
    written.push({ name, sha256: sha256Hex(content), bytes: Buffer.byteLength(content) });
  };
  const texts = datasets.map((dataset) => jsonl(dataset.rows));
  // Context sets with no row (a format without time or hosts) are not written; the manifest says why.
  const contextSets = datasets.flatMap((dataset) =>
    dataset.context && dataset.context.rows.length > 0
      ? [{ ...dataset.context, source: dataset.source }]
      : [],
  );
  const contextTexts = contextSets.map((set) => jsonl(set.rows));
  const buildId = computeBuildId({
    mode,
    seed,
    datasets: [
      ...datasets.map((dataset, index) => ({
        fileName: dataset.fileName,
        sha256: sha256Hex(texts[index]!),
        section: dataset.section,
      })),
      ...contextSets.map((set, index) => ({
        fileName: set.fileName,
        sha256: sha256Hex(contextTexts[index]!),
        section: set.section,
      })),
    ],
  });
  for (const [index, dataset] of datasets.entries()) await write(dataset.fileName, texts[index]!);
  for (const [index, set] of contextSets.entries()) await write(set.fileName, contextTexts[index]!);
  const header = {
    build_id: buildId,
    mode,
    seed,
    generated_by: "@sv/build-data",
    ...(mode === "test" ? { warning: "test fixture only - not for evaluation" } : {}),
  };
  const iot = datasets.find((dataset) => dataset.source === "iot23");
  if (iot) await write(manifestFileName("iot23", mode), json({ ...header, ...iot.section }));
  const ood = datasets.filter((dataset) => dataset.source !== "iot23");
  if (ood.length > 0) {
    const sections = Object.fromEntries(ood.map((dataset) => [META_SOURCE[dataset.source], dataset.section]));
    await write(manifestFileName("ood", mode), json({ ...header, datasets: sections }));
  }
  if (options.context) {
    const sections = Object.fromEntries(
      datasets.flatMap((dataset) =>
        dataset.context
          ? [
              [
                META_SOURCE[dataset.source],
                {
                  dataset: dataset.context.rows.length > 0 ? dataset.context.fileName : null,
                  ...dataset.context.section,
                },
              ],
            ]
          : [],
      ),
    );
    await write(
      contextManifestFileName(mode),
      json({
        ...header,
        context: {
          flows: options.context.flows,
          window_seconds: options.context.windowSeconds,
          max_hosts: options.context.maxHosts,
        },
        datasets: sections,
      }),
    );
  }
  const baselines = scoreBaselines({ datasets, seed });
  const modelFile = baselineFileName(mode);
  const incomplete: string[] = [];
  if (baselines.model) {
    const model = { ...baselines.model, training: { ...baselines.model.training, build_id: buildId } };
    await write(modelFile, json(model));
  } else if (baselines.refusal) incomplete.push(`${baselines.refusal} (${modelFile} omitted)`);
  let contextSection: string | undefined;
  if (options.context) {
    const report = scoreContextBaselines({
      datasets,
      seed,
      flows: options.context.flows,
      windowSeconds: options.context.windowSeconds,
    });
    const contextModelFile = contextBaselineFileName(mode);
    if (report.model) {
      const model = { ...report.model, training: { ...report.model.training, build_id: buildId } };
      await write(contextModelFile, json(model));
    } else if (report.refusal) incomplete.push(`${report.refusal} (${contextModelFile} omitted)`);
    contextSection = renderContextSection({
      report,
      modelFile: contextModelFile,
      sets: datasets.flatMap((dataset) =>
        dataset.context
          ? [
              {
                source: META_SOURCE[dataset.source],
                ...(dataset.context.rows.length > 0 ? { fileName: dataset.context.fileName } : {}),
                section: dataset.context.section,
              },
            ]
          : [],
      ),
    });
  }
  await write(
    dataCardFileName(mode),
    renderDataCard({
      seed,
      mode,
      buildId,
      incomplete,
      datasets: datasets.map((dataset) => ({
        fileName: dataset.fileName,
        manifest: dataset.section,
        ...(dataset.section.hub ? { hubRepo: dataset.section.hub.repo } : {}),
      })),
      ...(baselines.learned
        ? {
            learned: {
              modelFile,
              scores: baselines.learned,
              ...(baselines.refusal ? { refusal: baselines.refusal } : {}),
            },
          }
        : {}),
      heuristic: baselines.heuristic,
      majority: baselines.majority,
      ...(baselines.audit ? { audit: baselines.audit } : {}),
      ...(contextSection ? { contextSection } : {}),
    }),
  );
  const record: BuildRecord = {
    format: "sv-e1-build",
    version: 1,
    build_id: buildId,
    mode,
    seed,
    generated_by: "@sv/build-data",
    datasets: Object.fromEntries([
      ...datasets.map((dataset) => [META_SOURCE[dataset.source], dataset.fileName]),
      ...contextSets.map((set) => [`${META_SOURCE[set.source]}-context`, set.fileName]),
    ]),
    files: [...written],
    incomplete,
  };
  const recordName = buildRecordFileName(mode);
  await writeFile(join(dir, recordName), json(record));
  return { buildId, files: [...written.map((file) => file.name), recordName], baselines, incomplete };
}
