import type { DatasetRow } from "../build/dataset-row.js";
import { listProblems, type ValidationCheck } from "./validation-check.js";

/** No flow (by content hash) appears in two files of one build (e.g. an OOD flow in IoT-23 train). */
export function checkOverlap(
  files: readonly { name: string; rows: readonly DatasetRow[] }[],
): ValidationCheck {
  const first = new Map<string, string>();
  const shared: string[] = [];
  for (const { name, rows } of files) {
    const own = new Set<string>();
    rows.forEach((row, index) => {
      const where = `${name}:${index + 1}`;
      const earlier = first.get(row.meta.hash);
      if (earlier !== undefined && !own.has(row.meta.hash))
        shared.push(`${row.meta.hash} in ${earlier} and ${where}`);
      if (earlier === undefined) first.set(row.meta.hash, where);
      own.add(row.meta.hash);
    });
  }
  return {
    name: `no flow shared between ${files.map((file) => file.name).join(", ")}`,
    ok: shared.length === 0,
    detail: listProblems(shared) || "none shared",
  };
}
