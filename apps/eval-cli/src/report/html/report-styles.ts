/** The stylesheet every report page inlines: system fonts only, light/print friendly. */
export const REPORT_STYLES = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --line: #d8dde3; --card: #fff; --bg: #f5f7f9; --accent: #0072B2; --bad: #D55E00; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 22px; margin: 4px 0 2px; word-break: break-word; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.subtitle { color: var(--muted); margin: 0 0 12px; word-break: break-word; }
.note { color: var(--muted); font-size: 12px; }
dl.info { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; background: var(--card); padding: 12px 16px; border: 1px solid var(--line); border-radius: 6px; }
dl.info dt { color: var(--muted); }
dl.info dd { margin: 0; word-break: break-word; }
table { border-collapse: collapse; background: var(--card); }
.table-wrap { overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.best { font-weight: 700; background: #e6f2fa; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 16px; }
figure { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 6px; }
figure .note { margin: 6px 0 0; }
figure .empty { color: var(--muted); margin: 16px 4px; }
svg .note { fill: var(--muted); }
td.na { color: var(--muted); }
.warning { color: var(--bad); font-weight: 600; }
svg.chart { width: 100%; height: auto; max-width: 560px; display: block; font-size: 11px; }
svg .grid { stroke: #e5e8ec; stroke-width: 1; }
svg .axis, svg .tick-mark { stroke: #6b7380; stroke-width: 1; }
svg .diagonal { stroke: #888; stroke-dasharray: 4 3; }
svg .tick, svg .count, svg .bar-value, svg .legend, svg .cell-share { fill: #3a414a; }
svg .axis-label { fill: var(--ink); font-size: 12px; font-weight: 600; }
svg .cell-count { font-size: 16px; font-weight: 700; fill: var(--ink); }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 8px 0; }
.controls input[type=search] { min-width: 240px; padding: 3px 6px; }
.pager button { padding: 2px 10px; }
table.rollouts { width: 100%; table-layout: fixed; font-size: 12.5px; }
table.rollouts col.text { width: 32%; }
table.rollouts td { overflow-wrap: anywhere; }
.controls select { max-width: 240px; }
table.rollouts pre { margin: 0; white-space: pre-wrap; word-break: break-word; max-height: 12em; overflow: auto; font: 12px/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table.rollouts summary { cursor: pointer; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tag { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 11px; margin: 1px 2px 1px 0; background: #eef1f4; }
.tag.bad { background: #fbe3d6; color: #8a3300; }
.tag.good { background: #dcefe6; color: #0b5a3a; }
a { color: var(--accent); }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  .controls, .pager, .no-print { display: none !important; }
  figure, table, dl.info { break-inside: avoid; }
  .grid { grid-template-columns: 1fr 1fr; }
  table.rollouts pre { max-height: none; overflow: visible; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
