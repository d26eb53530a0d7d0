import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createSeededRandom } from "@sv/dataset";
import { createRubric } from "@sv/rubric";

/** Options of {@link writeFakeRun}. */
export interface WriteFakeRunOptions {
  /** Run directory to create (results.jsonl + metadata.json). */
  dir: string;
  seed: number;
  examples: number;
  rolloutsPerExample?: number;
  model?: string;
  /** Probability that a decided answer is right (default 0.8). */
  skill?: number;
  /** Put hostile markup into prompts, replies, model name and info (XSS tests). */
  hostile?: boolean;
  /** Long, varied rationales (20-60 random words), closer to real replies for size measurements. */
  verbose?: boolean;
}

export const HOSTILE = `</script><script>window.__xss=1</script><img src=x onerror="window.__xss=2"><!--`;
const FAMILIES = ["PartOfAHorizontalPortScan", "DDoS", "C&C", "Okiru", "Attack"];
const SOURCES = ["iot23", "cic-ids-2017", "unsw-nb15"];
const WORDS =
  "the connection shows a single SYN without reply typical of scanning while benign traffic usually completes handshake bytes packets duration port telnet ssh http https mirai botnet beacon periodic small payload large transfer outbound inbound internal external host responded reset rejected established normal unusual suspicious pattern consistent with reconnaissance lateral movement command control exfiltration volume low high zero many few state history flags".split(
    " ",
  );
const SYSTEM = "You are a network security analyst. Answer with JSON {label, confidence, rationale}.";

/** Write a seeded, realistic-looking run directory: same options, same bytes. */
export async function writeFakeRun(options: WriteFakeRunOptions): Promise<string> {
  const random = createSeededRandom(options.seed);
  const rubric = createRubric();
  const rollouts = options.rolloutsPerExample ?? 1;
  const skill = options.skill ?? 0.8;
  await mkdir(options.dir, { recursive: true });
  const out = createWriteStream(join(options.dir, "results.jsonl"));
  let buffer = "";
  for (let example = 0; example < options.examples; example++) {
    const malicious = random.next() < 0.5;
    const answer = malicious ? "Malicious" : "Benign";
    const family = malicious ? FAMILIES[random.nextInt(FAMILIES.length)]! : null;
    const source = SOURCES[random.nextInt(SOURCES.length)]!;
    const question = `Log Entry: id.orig_h=10.0.${random.nextInt(255)}.${random.nextInt(255)}, id.orig_p=${random.nextInt(65535)}, id.resp_h=192.168.1.${random.nextInt(255)}, id.resp_p=${[22, 80, 443, 23][random.nextInt(4)]}, proto=tcp, service=-, duration=${(random.next() * 10).toFixed(3)}, orig_bytes=${random.nextInt(5000)}, resp_bytes=${random.nextInt(5000)}, conn_state=S0, missed_bytes=0, history=S, orig_pkts=1, orig_ip_bytes=60, resp_pkts=0, resp_ip_bytes=0${options.hostile ? ` ${HOSTILE}` : ""}`;
    for (let rollout = 0; rollout < rollouts; rollout++) {
      const roll = random.next();
      const confidence = Math.round((0.5 + random.next() * 0.5) * 100) / 100;
      let completion: string;
      if (roll < 0.05) completion = `I think this is ${answer.toLowerCase()} traffic.`;
      else if (roll < 0.12)
        completion = JSON.stringify({ label: "Abstain", confidence: 0.3 + random.next() * 0.3 });
      else {
        const right = random.next() < skill * (confidence + 0.2);
        const label = right ? answer : malicious ? "Benign" : "Malicious";
        completion = JSON.stringify({
          label,
          confidence,
          rationale: options.hostile
            ? HOSTILE
            : options.verbose
              ? Array.from(
                  { length: 20 + random.nextInt(40) },
                  () => WORDS[random.nextInt(WORDS.length)],
                ).join(" ")
              : `conn_state S0 with ${random.nextInt(9)} packets`,
        });
      }
      const scored = rubric.score({ completion, answer });
      const generation = Math.round(200 + random.next() * 1500);
      const failed = roll > 0.995;
      buffer += `${JSON.stringify({
        example_id: example,
        rollout_index: rollout,
        prompt: [
          { role: "system", content: SYSTEM },
          { role: "user", content: question },
        ],
        completion: failed ? "" : completion,
        answer,
        reward: failed ? 0 : scored.reward,
        metrics: failed ? { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 } : scored.rewards,
        parsed: failed
          ? { label: null, confidence: 0 }
          : { label: scored.label, confidence: scored.confidence },
        info: {
          source,
          scenario: `${source}-s${example % 4}`,
          attack_family: options.hostile ? HOSTILE : family,
          hash: example.toString(16).padStart(16, "0"),
          split: "test",
        },
        token_usage: { input_tokens: 180 + random.nextInt(60), output_tokens: 20 + random.nextInt(80) },
        timing: { generation_ms: generation, scoring_ms: 1, total_ms: generation + 1 },
        attempts: failed ? 3 : 1,
        error: failed ? { type: "APITimeoutError", message: "Request timed out." } : null,
      })}\n`;
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
        buffer = "";
      }
    }
  }
  await new Promise<void>((resolve, reject) => out.end(buffer, () => resolve()).once("error", reject));
  const model = options.model ?? (options.hostile ? `evil/${HOSTILE}` : "acme/sentinel-7b");
  await writeFile(
    join(options.dir, "metadata.json"),
    `${JSON.stringify(
      {
        env_id: "sv-env-network-logs",
        env_args: {},
        model,
        base_url: "http://127.0.0.1:9/v1",
        num_examples: options.examples,
        rollouts_per_example: rollouts,
        sampling_args: { temperature: 0, max_tokens: 256 },
        time_ms: 123456,
        avg_reward: 0,
        avg_metrics: {},
        usage: {},
        dataset: { name: "iot23-train-dev-test-v1", source: "local", split: "test", revision: "v1" },
        seed: options.seed,
        run_id: `run-${options.seed}`,
        version_info: { env_version: "0.1.0" },
        timestamp: "2026-01-02T03:04:05.000Z",
      },
      null,
      2,
    )}\n`,
  );
  return options.dir;
}
