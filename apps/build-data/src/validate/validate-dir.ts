import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { countRows } from "../build/count-rows.js";
import {
  baselineFileName,
  type BuildMode,
  buildOutputNames,
  contextBaselineFileName,
  contextFileName,
  contextManifestFileName,
  dataCardFileName,
  datasetFileName,
  manifestFileName,
} from "../build/dataset-names.js";
import type { DatasetRow } from "../build/dataset-row.js";
import { listOutSiblings } from "../build/staging.js";
import { META_SOURCE, SOURCE_NAMES, type SourceName } from "../readers/source-name.js";
import { checkBaselineModel } from "./check-baseline-model.js";
import { checkBuildRecord } from "./check-build-record.js";
import { checkContextOverlap } from "./check-context-overlap.js";
import { checkTimeBlocks, type TimeBlockSection } from "./check-time-blocks.js";
import { checkDatasetRows } from "./check-dataset-rows.js";
import { checkOverlap } from "./check-overlap.js";
import { createLeakMatcher } from "./leak-words.js";
import { readDatasetFile } from "./read-dataset-file.js";
import { listProblems, type ValidationCheck } from "./validation-check.js";

export type { ValidationCheck } from "./validation-check.js";

export interface ValidateDirOptions {
  dir: string;
  /** Build modes to check (default both; a mode with no files in `dir` is skipped). */
  modes?: readonly BuildMode[];
}

async function readJsonCheck(
  path: string,
  name: string,
  checks: ValidationCheck[],
): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    checks.push({ name: `${name}: JSON`, ok: false, detail: "not valid JSON" });
    return undefined;
  }
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}.${key}`, into);
  } else into.set(prefix, value);
  return into;
}

function checkManifest(
  rows: DatasetRow[],
  section: { counts?: unknown } | undefined,
  name: string,
  manifestName: string,
): ValidationCheck {
  const check = `${name}: manifest counts match the file`;
  if (section === undefined) return { name: check, ok: false, detail: `no section in ${manifestName}` };
  const recorded = flatten(section.counts, "counts", new Map());
  const actual = flatten(countRows(rows), "counts", new Map());
  const differences = [...new Set([...recorded.keys(), ...actual.keys()])]
    .filter((key) => recorded.get(key) !== actual.get(key))
    .map(
      (key) =>
        `${manifestName} field ${key}: ${String(recorded.get(key) ?? "missing")}, the file has ${String(actual.get(key) ?? "none")}`,
    );
  return { name: check, ok: differences.length === 0, detail: listProblems(differences) || "match" };
}

async function validateMode(dir: string, mode: BuildMode, checks: ValidationCheck[]): Promise<number> {
  const iotManifest = await readJsonCheck(
    join(dir, manifestFileName("iot23", mode)),
    manifestFileName("iot23", mode),
    checks,
  );
  const oodManifest = await readJsonCheck(
    join(dir, manifestFileName("ood", mode)),
    manifestFileName("ood", mode),
    checks,
  );
  const files: { source: SourceName; name: string; rows: DatasetRow[] }[] = [];
  for (const source of SOURCE_NAMES) {
    const name = datasetFileName(source, mode);
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const rows = await readDatasetFile(path, name, checks);
    if (rows) files.push({ source, name, rows });
  }
  const families = new Set(files.flatMap((file) => file.rows.map((row) => String(row.meta.attack_family))));
  const leaks = createLeakMatcher(families);
  for (const { source, name, rows } of files) {
    checkDatasetRows({ rows, name, iot: source === "iot23", leaks, checks });
    const datasets = oodManifest?.datasets as Record<string, { counts?: unknown }> | undefined;
    checks.push(
      checkManifest(
        rows,
        source === "iot23" ? (iotManifest as { counts?: unknown }) : datasets?.[META_SOURCE[source]],
        name,
        manifestFileName(source === "iot23" ? "iot23" : "ood", mode),
      ),
    );
  }
  if (files.length > 1) checks.push(checkOverlap(files));
  const contextFiles = await validateContextFiles(dir, mode, leaks, checks);
  const modelName = baselineFileName(mode);
  const model = await readJsonCheck(join(dir, modelName), modelName, checks);
  const iotRows = files.find((file) => file.source === "iot23")?.rows;
  if (model !== undefined)
    checks.push(...checkBaselineModel({ name: modelName, model, ...(iotRows ? { iotRows } : {}) }));
  const contextModelName = contextBaselineFileName(mode);
  const contextModel = await readJsonCheck(join(dir, contextModelName), contextModelName, checks);
  const iotContextRows = contextFiles.find((file) => file.source === "iot23")?.rows;
  if (contextModel !== undefined)
    checks.push(
      ...checkBaselineModel({
        name: contextModelName,
        model: contextModel,
        ...(iotContextRows ? { iotRows: iotContextRows } : {}),
      }),
    );
  checks.push(...(await checkBuildRecord(dir, mode)));
  const card = dataCardFileName(mode);
  checks.push({ name: `${card} present`, ok: existsSync(join(dir, card)), detail: "" });
  return files.length;
}

/**
 * The context sets of a build (`--context`): the same row checks as the single-flow files (context
 * questions parsed and rendered again), counts against `sampling-context-*.json`, no flow in two
 * context files, and no context flow crossing a split.
 */
async function validateContextFiles(
  dir: string,
  mode: BuildMode,
  leaks: ReturnType<typeof createLeakMatcher>,
  checks: ValidationCheck[],
): Promise<{ source: SourceName; name: string; rows: DatasetRow[] }[]> {
  const files: { source: SourceName; name: string; rows: DatasetRow[] }[] = [];
  for (const source of SOURCE_NAMES) {
    const name = contextFileName(source, mode);
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const rows = await readDatasetFile(path, name, checks);
    if (rows) files.push({ source, name, rows });
  }
  const manifestName = contextManifestFileName(mode);
  const manifest = await readJsonCheck(join(dir, manifestName), manifestName, checks);
  if (files.length === 0) return files;
  if (manifest === undefined)
    checks.push({
      name: `${manifestName} present`,
      ok: false,
      detail: "context files without their manifest",
    });
  const sections = manifest?.datasets as Record<string, { counts?: unknown } & TimeBlockSection> | undefined;
  for (const { source, name, rows } of files) {
    checkDatasetRows({ rows, name, iot: source === "iot23", leaks, checks });
    if (manifest === undefined) continue;
    const section = sections?.[META_SOURCE[source]];
    checks.push(checkManifest(rows, section, name, manifestName));
    const blocks = checkTimeBlocks({ rows, section, name });
    if (blocks) checks.push(blocks);
  }
  if (files.length > 1) checks.push(checkOverlap(files));
  checks.push(checkContextOverlap({ contextFiles: files }));
  return files;
}

/**
 * Check a built directory: schemas, duplicates, hashes, canonical questions without leaks, overlap
 * between files, splits, manifests, the baseline model, and that every file belongs to one build.
 */
export async function validateDir(options: ValidateDirOptions): Promise<ValidationCheck[]> {
  const { dir } = options;
  const checks: ValidationCheck[] = [];
  let found = 0;
  for (const mode of options.modes ?? (["full", "test"] as const)) {
    if (!buildOutputNames(mode).some((name) => existsSync(join(dir, name)))) continue;
    found += await validateMode(dir, mode, checks);
  }
  checks.push({ name: "dataset files present", ok: found > 0, detail: `${found} found` });
  const interrupted = (await listOutSiblings(dir)).filter((sibling) => sibling.kind === "swap");
  if (interrupted.length > 0)
    checks.push({
      name: "no interrupted install",
      ok: false,
      detail: `${interrupted.map((sibling) => sibling.path).join(", ")}: a complete build was being installed when its process stopped; run build-data again to finish it`,
    });
  return checks;
}
