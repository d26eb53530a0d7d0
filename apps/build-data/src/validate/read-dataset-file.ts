import { readFile } from "node:fs/promises";
import { safeParseRow } from "@sv/dataset";
import type { DatasetRow } from "../build/dataset-row.js";
import { listProblems, type ValidationCheck } from "./validation-check.js";

/** Read a dataset file and check every line against the row schema; undefined when any line fails. */
export async function readDatasetFile(
  path: string,
  name: string,
  checks: ValidationCheck[],
): Promise<DatasetRow[] | undefined> {
  const lines = (await readFile(path, "utf8")).split("\n");
  if (lines.at(-1) === "") lines.pop();
  const rows: DatasetRow[] = [];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    const where = `${name}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    const parsed = safeParseRow(value, { file: name, line: index + 1 });
    const raw = value as DatasetRow;
    if (!parsed.success) problems.push(parsed.error.message);
    else if (raw.answer !== "Malicious" && raw.answer !== "Benign")
      problems.push(`${where}: field answer must be "Malicious" or "Benign"`);
    else if (typeof raw.meta?.hash !== "string" || typeof raw.meta?.split !== "string")
      problems.push(`${where}: fields meta.hash and meta.split are required`);
    else rows.push(raw);
  });
  checks.push({
    name: `${name}: schema`,
    ok: problems.length === 0,
    detail: problems.length ? listProblems(problems) : `${lines.length} rows`,
  });
  return problems.length ? undefined : rows;
}
