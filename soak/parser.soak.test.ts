import { parse } from "@sv/parser";
import { createRubric } from "@sv/rubric";
import { describe, expect, it } from "vitest";
import { adversarialReplies, megabyteReplies } from "./reply-generator.js";
import { scaled } from "./soak-scale.js";

const LABELS = new Set([null, "Benign", "Malicious", "Abstain"]);

describe("parser soak", () => {
  it("scores 10^6 adversarial replies without throwing, every result in range", () => {
    const rubric = createRubric();
    const count = scaled(1_000_000);
    let slowest = 0;
    let slowestReply = "";
    let labelled = 0;
    for (const reply of adversarialReplies(20261127, count)) {
      const started = performance.now();
      const scored = rubric.score({ completion: reply, answer: reply.length % 2 ? "Malicious" : "Benign" });
      const elapsed = performance.now() - started;
      if (elapsed > slowest) {
        slowest = elapsed;
        slowestReply = reply;
      }
      if (!LABELS.has(scored.label)) throw new Error(`label out of range for ${JSON.stringify(reply)}`);
      if (!(scored.confidence >= 0 && scored.confidence <= 1))
        throw new Error(`confidence out of range: ${reply}`);
      if (!(scored.reward >= -0.5 && scored.reward <= 1.8)) throw new Error(`reward out of range: ${reply}`);
      if (scored.label !== null) labelled++;
    }
    expect(labelled).toBeGreaterThan(count / 10); // the generator exercises the success paths too
    expect(slowest, `slowest reply (${slowestReply.length} chars)`).toBeLessThan(50);
  });

  it("parses each one-megabyte reply in under 50 ms", () => {
    for (const reply of megabyteReplies()) {
      parse(reply); // warm-up
      const started = performance.now();
      const parsed = parse(reply);
      const elapsed = performance.now() - started;
      expect(LABELS.has(parsed.label)).toBe(true);
      expect(elapsed, `${reply.slice(0, 20)}… (${reply.length} chars)`).toBeLessThan(50);
    }
  });
});
