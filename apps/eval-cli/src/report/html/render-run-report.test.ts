import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReportCollector } from "../report-collector.js";
import { summarizeResultLinesSync } from "../summarize-result-lines.js";
import type { ResultLine } from "../result-line.js";
import { renderRunReport } from "./render-run-report.js";

function line(text: string, index: number): ResultLine {
  return {
    example_id: text,
    rollout_index: 0,
    prompt: [
      { role: "system", content: text },
      { role: text, content: text },
    ],
    completion: text,
    answer: index % 2 === 0 ? "Malicious" : "Benign",
    reward: 1,
    metrics: { accuracy: 1, format: 1, calibration: 1, asymmetric_cost: 0 },
    parsed: { label: index % 3 === 0 ? "Abstain" : "Malicious", confidence: 0.5 },
    info: { source: text, attack_family: text },
    token_usage: { input_tokens: 1, output_tokens: 1 },
    timing: { generation_ms: 1, scoring_ms: 0, total_ms: 1 },
    attempts: 1,
    error: index === 1 ? { type: text, message: text } : null,
  };
}

describe("renderRunReport", () => {
  it("keeps arbitrary text in every field out of the markup", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        "</script><script>alert(1)</script>",
        '"><svg onload=alert(1)>',
        "<!--",
        "]]>",
        "\u2028",
      ),
    );
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 4 }), hostile, (texts, name) => {
        const collector = new ReportCollector({ resamples: 5, seed: 1 });
        texts.forEach((text, index) => {
          collector.add(line(text, index));
        });
        const metadata = { model: name, run_id: name, dataset: name };
        const summary = summarizeResultLinesSync({
          results: texts.map((text, index) => line(text, index)),
          metadata,
          timestamp: "2026-01-01T00:00:00.000Z",
        });
        const data = collector.result({ metadata, summary });
        const html = renderRunReport({
          data,
          table: collector.table.result(),
          compressAbove: texts.length > 2 ? 0 : undefined,
        });
        expect(html.match(/<script/gi)).toHaveLength(2);
        expect(html).not.toMatch(/<svg onload|<img|<!--/i);
        expect(html.match(/<\/script>/gi)).toHaveLength(2);
      }),
      { numRuns: 60 },
    );
  });
});
