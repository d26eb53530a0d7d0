import { ROLLOUT_FLAGS } from "../rollout-flags.js";
import type { RolloutTable } from "../rollout-table.js";

/** Says when the table holds only part of a long run, and which part. */
function capNote(table: RolloutTable): string {
  if (table.totalRows <= table.rows.length) return "";
  return ` The run has ${table.totalRows} rollouts; this table keeps ${table.rows.length}: flagged ones (wrong, missed, abstained, errors) first, then a fixed sample of the rest. results.jsonl has every rollout.`;
}
import { embedJson } from "./embed-json.js";
import { escapeHtml } from "./escape-html.js";

/** Options of {@link renderRolloutSection}. */
export interface RenderRolloutSectionOptions {
  table: RolloutTable;
  /** Compress the embedded rollouts above this many JSON characters (default 1 MB). */
  compressAbove?: number;
}

/** The rollout table's controls, an empty body the inline script fills, and the embedded data. */
export function renderRolloutSection(options: RenderRolloutSectionOptions): string {
  const { table } = options;
  const filters: [string, number][] = [
    ["All rollouts", 0],
    ["Wrong", ROLLOUT_FLAGS.wrong],
    ["Missed attack", ROLLOUT_FLAGS.missedAttack],
    ["Abstained", ROLLOUT_FLAGS.abstained],
    ["Format error", ROLLOUT_FLAGS.formatError],
    ["Request error", ROLLOUT_FLAGS.requestError],
    ["No label", ROLLOUT_FLAGS.noLabel],
    ...(table.judged ? [["Judge disagrees", ROLLOUT_FLAGS.judgeDisagrees] as [string, number]] : []),
  ];
  const note =
    table.truncated > 0
      ? ` ${table.truncated} prompts or replies longer than ${table.maxTextChars} characters are cut in this table (marked “truncated”); results.jsonl has them in full.`
      : "";
  return `<details class="no-print"><summary>System prompt (shared by the rollouts)</summary><pre>${escapeHtml(table.systemPrompt)}</pre></details>
<div class="controls">
<label>Show <select id="rollout-filter">${filters.map(([label, mask]) => `<option value="${mask}">${label}</option>`).join("")}</select></label>
<label>Attack family <select id="rollout-family"><option value="">any</option></select></label>
<label>Search <input type="search" id="rollout-search" placeholder="text in prompt or reply"></label>
<span class="pager"><button type="button" id="rollout-prev">‹ Prev</button> <button type="button" id="rollout-next">Next ›</button></span>
</div>
<p class="note" id="rollout-status">Loading rollouts…</p>
<p class="note">${table.rows.length} rollouts, 50 per page.${escapeHtml(note)}${escapeHtml(capNote(table))}</p>
<table class="rollouts"><colgroup><col style="width:7%"><col style="width:7%"><col style="width:12%"><col style="width:11%">${table.judged ? '<col style="width:9%">' : ""}<col style="width:11%"><col class="text"><col class="text"></colgroup>
<thead><tr><th>Example</th><th>Gold</th><th>Parsed</th><th class="num">Reward</th>${table.judged ? "<th>Judge</th>" : ""}<th>Family / source</th><th>Prompt</th><th>Reply</th></tr></thead>
<tbody id="rollout-body"></tbody></table>
${embedJson({ id: "rollout-data", value: table, compressAbove: options.compressAbove })}`;
}
