import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir`, recursively. */
export function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The lines of a JSONL file that parse (a torn last line is skipped). */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  const rows: T[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      // a torn line
    }
  }
  return rows;
}

export function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** A copy of `value` without the named top-level keys. */
export function omit<T extends Record<string, unknown>>(value: T, keys: readonly string[]): Partial<T> {
  const copy: Record<string, unknown> = { ...value };
  for (const key of keys) delete copy[key];
  return copy as Partial<T>;
}
