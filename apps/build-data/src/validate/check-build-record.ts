import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isBuildRecord, sha256Hex } from "../build/build-record.js";
import {
  type BuildMode,
  baselineFileName,
  buildOutputNames,
  buildRecordFileName,
  dataCardFileName,
  manifestFileName,
} from "../build/dataset-names.js";
import { listProblems, type ValidationCheck } from "./validation-check.js";

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** The build id a file carries, for the files that carry one. */
async function carriedBuildId(dir: string, name: string, mode: BuildMode): Promise<string | undefined> {
  const path = join(dir, name);
  if (name === dataCardFileName(mode)) {
    return /Build id `([0-9a-f]+)`/.exec(await readFile(path, "utf8"))?.[1];
  }
  const value = (await readJson(path)) as
    | { build_id?: unknown; training?: { build_id?: unknown } }
    | undefined;
  const id = name === baselineFileName(mode) ? value?.training?.build_id : value?.build_id;
  return typeof id === "string" ? id : undefined;
}

/**
 * Every output of this mode in `dir` belongs to one build: the build record exists, lists each output
 * with its SHA-256 (all match, none missing, none unlisted), every manifest, the model and the card carry
 * its build id, and the build is complete.
 */
export async function checkBuildRecord(dir: string, mode: BuildMode): Promise<ValidationCheck[]> {
  const recordName = buildRecordFileName(mode);
  const name = `${recordName}: every file belongs to one build`;
  const record = await readJson(join(dir, recordName));
  if (!isBuildRecord(record)) {
    return [
      {
        name,
        ok: false,
        detail: existsSync(join(dir, recordName))
          ? `${recordName} is not a build record`
          : `no ${recordName}: the files may come from different builds (or a build made before build records); rebuild`,
      },
    ];
  }
  const problems: string[] = [];
  const listed = new Set(record.files.map((file) => file.name));
  for (const file of record.files) {
    const path = join(dir, file.name);
    if (!existsSync(path)) {
      problems.push(`${file.name}: missing`);
      continue;
    }
    if (sha256Hex(await readFile(path)) !== file.sha256)
      problems.push(`${file.name}: SHA-256 differs from the record`);
  }
  for (const output of buildOutputNames(mode)) {
    if (output !== recordName && existsSync(join(dir, output)) && !listed.has(output))
      problems.push(`${output}: not part of build ${record.build_id}`);
  }
  const stamped = [
    manifestFileName("iot23", mode),
    manifestFileName("ood", mode),
    baselineFileName(mode),
    dataCardFileName(mode),
  ];
  for (const output of stamped) {
    if (!existsSync(join(dir, output))) continue;
    const id = await carriedBuildId(dir, output, mode);
    if (id !== record.build_id)
      problems.push(`${output}: build id ${id ?? "missing"}, the record says ${record.build_id}`);
  }
  const checks: ValidationCheck[] = [
    {
      name,
      ok: problems.length === 0,
      detail: listProblems(problems) || `build ${record.build_id}, ${record.files.length} files`,
    },
    {
      name: `${recordName}: build complete`,
      ok: record.incomplete.length === 0,
      detail: record.incomplete.join("; ") || "complete",
    },
  ];
  return checks;
}
