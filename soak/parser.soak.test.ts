import { parse } from "@sv/parser";
import { createRubric } from "@sv/rubric";
import { timeRatio } from "@sv/test-utils";
import { describe, expect, it } from "vitest";
import { adversarialReplies, stressReplies } from "./reply-generator.js";
import { scaled } from "./soak-scale.js";

const LABELS = new Set([null, "Benign", "Malicious", "Abstain"]);
const MEGABYTE = 1 << 20;

/** How JSON.parse itself grows from 1 MB to 4 MB on this reply; 0 when the reply is not valid JSON. */
function platformGrowth(build: (size: number) => string): number {
  try {
    JSON.parse(build(1024));
  } catch {
    return 0;
  }
  return timeRatio({ build, run: (reply) => JSON.parse(reply), size: MEGABYTE, factor: 4, batches: 5 }).ratio;
}

describe("parser soak", () => {
  it("scores 10^6 adversarial replies without throwing, every result in range", () => {
    const rubric = createRubric();
    const count = scaled(1_000_000);
    let labelled = 0;
    for (const reply of adversarialReplies(20261127, count)) {
      const scored = rubric.score({ completion: reply, answer: reply.length % 2 ? "Malicious" : "Benign" });
      if (!LABELS.has(scored.label)) throw new Error(`label out of range for ${JSON.stringify(reply)}`);
      if (!(scored.confidence >= 0 && scored.confidence <= 1))
        throw new Error(`confidence out of range: ${reply}`);
      if (!(scored.reward >= -0.5 && scored.reward <= 1.8)) throw new Error(`reward out of range: ${reply}`);
      if (scored.label !== null) labelled++;
    }
    expect(labelled).toBeGreaterThan(count / 10); // the generator exercises the success paths too
  });

  // Speed itself belongs in `pnpm bench`; here only the growth: linear work on a 4x larger reply takes
  // about 4x as long (quadratic: 16x), on an idle or a busy machine alike. Where the reply is valid JSON,
  // the platform's own JSON.parse sets the floor (V8 grows about 6x on 4x deeper nesting), and ours may
  // grow no faster than twice that.
  it.each(stressReplies(MEGABYTE).map((reply, index) => [index, reply.slice(0, 16)] as const))(
    "parses stress reply %i (%j…) in linear time: 4 MB takes < 8x the CPU time of 1 MB",
    (index) => {
      const build = (size: number) => stressReplies(size)[index]!;
      const measured = timeRatio({
        build,
        run: (reply) => {
          expect(LABELS.has(parse(reply).label)).toBe(true);
        },
        size: MEGABYTE,
        factor: 4,
        batches: 5,
      });
      const limit = 2 * Math.max(4, platformGrowth(build));
      expect(
        measured.ratio,
        `1 MB: ${measured.smallMs.toFixed(1)} ms, 4 MB: ${measured.largeMs.toFixed(1)} ms CPU`,
      ).toBeLessThan(limit);
    },
  );
});
