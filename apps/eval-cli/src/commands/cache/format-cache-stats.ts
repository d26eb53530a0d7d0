import type { ResponseCacheStats } from "@sv/env/cache";

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;

/** `eval cache stats` as text: totals, then one line per model and endpoint. */
export function formatCacheStats(stats: ResponseCacheStats): string {
  const lines = [
    `${stats.path}: ${stats.entries} cached repl${stats.entries === 1 ? "y" : "ies"}, ${size(stats.bytes)}` +
      (stats.oldest ? ` (${stats.oldest} to ${stats.newest})` : ""),
    ...stats.byModel.map((group) => `  ${group.modelId} @ ${group.endpoint}: ${group.entries}`),
  ];
  return `${lines.join("\n")}\n`;
}
