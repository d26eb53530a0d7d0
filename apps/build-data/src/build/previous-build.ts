import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CLI_ERROR_CODES, CliError } from "../cli-error.js";
import { META_SOURCE, type SourceName } from "../readers/source-name.js";
import { isBuildRecord, sha256Hex } from "./build-record.js";
import { countRows } from "./count-rows.js";
import { type BuildMode, buildRecordFileName, datasetFileName, manifestFileName } from "./dataset-names.js";
import type { DatasetRow } from "./dataset-row.js";
import type { ManifestSection, StagedDataset } from "./staged-dataset.js";

export interface ReadPreviousBuildOptions {
  out: string;
  mode: BuildMode;
  /** The seed of the new build: datasets sampled with another seed cannot join it. */
  seed: number;
  /** Datasets to keep from the previous build (those not rebuilt). */
  sources: readonly SourceName[];
}

function refuse(message: string): never {
  throw new CliError({ code: CLI_ERROR_CODES.partialRebuild, message });
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    refuse(`${path}: not valid JSON; a partial rebuild cannot keep the datasets it describes`);
  }
}

function parseRows(text: string, path: string): DatasetRow[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line, index) => {
    try {
      return JSON.parse(line) as DatasetRow;
    } catch {
      return refuse(`${path}:${index + 1}: not JSON; a partial rebuild cannot keep this dataset`);
    }
  });
}

/**
 * The datasets a partial rebuild (`--only`) keeps from the build already in `out`, with their manifest
 * sections, checked first: against the build record's SHA-256 when there is one, and against the
 * manifest's counts otherwise. A damaged file or another seed is refused, never mixed in.
 */
export async function readPreviousBuild(
  options: ReadPreviousBuildOptions,
): Promise<Map<SourceName, StagedDataset>> {
  const { out, mode } = options;
  const kept = new Map<SourceName, StagedDataset>();
  const recordValue = await readJson(join(out, buildRecordFileName(mode)));
  const record = isBuildRecord(recordValue) ? recordValue : undefined;
  const iotManifest = await readJson(join(out, manifestFileName("iot23", mode)));
  const oodManifest = await readJson(join(out, manifestFileName("ood", mode)));
  const rebuild = `rebuild it too (add it to --only) or use another --out`;
  for (const source of options.sources) {
    const fileName = datasetFileName(source, mode);
    const path = join(out, fileName);
    if (!existsSync(path)) continue;
    const manifest = source === "iot23" ? iotManifest : oodManifest;
    const section = (
      source === "iot23"
        ? manifest
        : (manifest?.datasets as Record<string, unknown> | undefined)?.[META_SOURCE[source]]
    ) as ManifestSection | undefined;
    if (section === undefined || typeof section !== "object")
      refuse(
        `${path} has no section in ${manifestFileName(source === "iot23" ? "iot23" : "ood", mode)}; ${rebuild}`,
      );
    const seed = record?.seed ?? manifest?.seed;
    if (seed !== options.seed)
      refuse(
        `${path} was sampled with --seed ${String(seed)}, this build uses --seed ${options.seed}; a partial rebuild keeps one seed: ${rebuild}`,
      );
    const text = await readFile(path, "utf8");
    if (record) {
      const listed = record.files.find((file) => file.name === fileName);
      if (!listed)
        refuse(
          `${path} is not part of build ${record.build_id} (not in ${buildRecordFileName(mode)}); ${rebuild}`,
        );
      if (listed.sha256 !== sha256Hex(text))
        refuse(`${path} changed since build ${record.build_id} was made (SHA-256 differs); ${rebuild}`);
    }
    const rows = parseRows(text, path);
    if (JSON.stringify(countRows(rows)) !== JSON.stringify(section.counts))
      refuse(`${path} does not match the counts in its manifest section; ${rebuild}`);
    const { build_id: _buildId, ...clean } = section as ManifestSection & { build_id?: unknown };
    const sectionOnly =
      source === "iot23"
        ? (Object.fromEntries(
            Object.entries(clean).filter(
              ([key]) => !["mode", "seed", "generated_by", "warning"].includes(key),
            ),
          ) as unknown as ManifestSection)
        : clean;
    kept.set(source, { source, fileName, rows, section: sectionOnly, carried: true });
  }
  return kept;
}
