import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { flowHash, parseQuestion, safeParseRow } from "@sv/dataset";
import { isLearnedModel } from "../baseline/learned-model-link.js";
import { countRows } from "../build/count-rows.js";
import {
  baselineFileName,
  type BuildMode,
  datasetFileName,
  manifestFileName,
} from "../build/dataset-names.js";
import type { DatasetRow } from "../build/dataset-row.js";
import { META_SOURCE, SOURCE_NAMES } from "../readers/source-name.js";

/** One check of a built directory. */
export interface ValidationCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ValidateDirOptions {
  dir: string;
}

const LEAK = /\b(malicious|benign|label|attack|normal)\b/i;

async function readRows(
  path: string,
  checks: ValidationCheck[],
  name: string,
): Promise<DatasetRow[] | undefined> {
  const lines = (await readFile(path, "utf8")).split("\n");
  if (lines.at(-1) === "") lines.pop();
  const rows: DatasetRow[] = [];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${name}:${index + 1}: not JSON`);
      return;
    }
    const parsed = safeParseRow(value, { file: name, line: index + 1 });
    const raw = value as DatasetRow;
    if (!parsed.success) problems.push(parsed.error.message);
    else if (raw.answer !== "Malicious" && raw.answer !== "Benign")
      problems.push(`${name}:${index + 1}: answer must be "Malicious" or "Benign"`);
    else if (typeof raw.meta?.hash !== "string" || typeof raw.meta?.split !== "string")
      problems.push(`${name}:${index + 1}: meta.hash and meta.split are required`);
    else rows.push(raw);
  });
  checks.push({
    name: `${name}: schema`,
    ok: problems.length === 0,
    detail: problems.length ? problems.slice(0, 5).join("; ") : `${lines.length} rows`,
  });
  return problems.length ? undefined : rows;
}

function checkRows(rows: DatasetRow[], name: string, iot: boolean, checks: ValidationCheck[]): void {
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  const hashMismatch: string[] = [];
  const leaks: string[] = [];
  rows.forEach((row, index) => {
    const previous = seen.get(row.meta.hash);
    if (previous !== undefined) duplicates.push(`${row.meta.hash} (lines ${previous + 1} and ${index + 1})`);
    seen.set(row.meta.hash, index);
    if (!row.question.startsWith("Log Entry: ") || flowHash(parseQuestion(row.question)) !== row.meta.hash)
      hashMismatch.push(`line ${index + 1}`);
    if (LEAK.test(row.question)) leaks.push(`line ${index + 1}`);
  });
  checks.push({
    name: `${name}: no duplicate flow (meta.hash) in any split`,
    ok: duplicates.length === 0,
    detail: duplicates.slice(0, 5).join("; ") || `${seen.size} distinct`,
  });
  checks.push({
    name: `${name}: meta.hash matches the question's flow`,
    ok: hashMismatch.length === 0,
    detail: hashMismatch.slice(0, 5).join("; ") || "all match",
  });
  checks.push({
    name: `${name}: questions carry no label words`,
    ok: leaks.length === 0,
    detail: leaks.slice(0, 5).join("; ") || "none",
  });
  const splits = new Set(rows.map((row) => row.meta.split));
  const expected = iot ? ["dev", "test", "train"] : ["ood"];
  const okSplits = iot
    ? expected.every((split) => splits.has(split)) && splits.size === 3
    : splits.size === 1 && splits.has("ood");
  checks.push({
    name: `${name}: splits`,
    ok: okSplits,
    detail: `${[...splits].sort().join(", ")} (expected ${expected.join(", ")})`,
  });
  const labels = new Set(rows.map((row) => row.answer));
  checks.push({
    name: `${name}: both labels present`,
    ok: labels.size === 2,
    detail: [...labels].sort().join(", "),
  });
}

function checkManifest(
  rows: DatasetRow[],
  section: { counts?: unknown } | undefined,
  name: string,
  checks: ValidationCheck[],
): void {
  const ok = section !== undefined && JSON.stringify(section.counts) === JSON.stringify(countRows(rows));
  checks.push({
    name: `${name}: manifest counts match the file`,
    ok,
    detail: ok ? "match" : section ? "counts differ" : "no manifest section",
  });
}

/** Check a built directory: schemas, dedup, hashes, splits, manifests, model and data card. */
export async function validateDir(options: ValidateDirOptions): Promise<ValidationCheck[]> {
  const { dir } = options;
  const checks: ValidationCheck[] = [];
  let found = 0;
  for (const mode of ["full", "test"] as BuildMode[]) {
    const iotManifestPath = join(dir, manifestFileName("iot23", mode));
    const oodManifestPath = join(dir, manifestFileName("ood", mode));
    const iotManifest = existsSync(iotManifestPath)
      ? JSON.parse(await readFile(iotManifestPath, "utf8"))
      : undefined;
    const oodManifest = existsSync(oodManifestPath)
      ? JSON.parse(await readFile(oodManifestPath, "utf8"))
      : undefined;
    for (const source of SOURCE_NAMES) {
      const name = datasetFileName(source, mode);
      const path = join(dir, name);
      if (!existsSync(path)) continue;
      found++;
      const rows = await readRows(path, checks, name);
      if (!rows) continue;
      checkRows(rows, name, source === "iot23", checks);
      checkManifest(
        rows,
        source === "iot23" ? iotManifest : oodManifest?.datasets?.[META_SOURCE[source]],
        name,
        checks,
      );
    }
    const model = join(dir, baselineFileName(mode));
    if (existsSync(model)) {
      const ok = isLearnedModel(JSON.parse(await readFile(model, "utf8")));
      checks.push({
        name: `${baselineFileName(mode)}: learned model format`,
        ok,
        detail: ok ? "valid" : "not a learned baseline model",
      });
    }
  }
  checks.push({ name: "dataset files present", ok: found > 0, detail: `${found} found` });
  checks.push({ name: "DATA_CARD.md present", ok: existsSync(join(dir, "DATA_CARD.md")), detail: "" });
  return checks;
}
