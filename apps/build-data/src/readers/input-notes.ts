import type { FileReport } from "./file-report.js";

export interface InputNotesOptions {
  inputs: readonly FileReport[];
  ignored: readonly { file: string; reason: string }[];
}

const MAX_NAMED = 3;

function named(files: readonly string[]): string {
  const shown = files.slice(0, MAX_NAMED).map((file) => `\`${file}\``);
  return files.length > MAX_NAMED
    ? `${shown.join(", ")} and ${files.length - MAX_NAMED} more`
    : shown.join(", ");
}

/**
 * Manifest notes (also shown in the data card and the summary) about the input files themselves:
 * scenarios not found in a path, lines that are not UTF-8, byte order marks, compression that does not
 * match the name, and files read once though reached through two paths.
 */
export function inputNotes(options: InputNotesOptions): string[] {
  const { inputs } = options;
  const notes: string[] = [];
  const fromHeader = inputs.filter((input) => input.scenario_from === "header");
  if (fromHeader.length > 0)
    notes.push(
      `scenario of ${fromHeader.length} file(s) without a CTU-…-Capture name in their path taken from the Zeek #path/#open header: ${named(fromHeader.map((input) => `${input.file}` + ` → ${input.scenario}`))}`,
    );
  const fallback = inputs.filter((input) => input.scenario_from === "fallback");
  if (fallback.length > 0)
    notes.push(
      `no capture name found for ${fallback.length} file(s) (not in the path, nor in a Zeek header): scenario named after the folder or file, so per-scenario stratification and capture splits treat each such name as one capture: ${named(fallback.map((input) => `${input.file} → ${input.scenario}`))}`,
    );
  const invalid = inputs.filter((input) => (input.invalid_utf8_lines ?? 0) > 0);
  if (invalid.length > 0) {
    const lines = invalid.reduce((sum, input) => sum + input.invalid_utf8_lines!, 0);
    notes.push(
      `${lines} line(s) in ${invalid.length} file(s) are not valid UTF-8; kept, each bad byte read as U+FFFD (a record that would show one in its question is skipped): first at ${named(invalid.map((input) => input.first_invalid_utf8 ?? input.file))}`,
    );
  }
  const byNote = new Map<string, string[]>();
  for (const input of inputs) {
    for (const note of input.notes ?? []) byNote.set(note, [...(byNote.get(note) ?? []), input.file]);
  }
  for (const [note, files] of byNote)
    notes.push(`${files.length} file(s) ${note.replace(/^starts/, "start")}: ${named(files)}`);
  const same = options.ignored.filter((entry) => entry.reason.startsWith("same file as "));
  if (same.length > 0)
    notes.push(
      `${same.length} path(s) lead to a file already read (symbolic or hard link, or given twice) and were read once: ${named(same.map((entry) => `${entry.file} = ${entry.reason.slice("same file as ".length)}`))}`,
    );
  return notes;
}
