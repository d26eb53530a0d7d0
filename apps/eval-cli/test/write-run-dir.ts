import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createRubric, type RubricCosts } from "@sv/rubric";

/** One rollout of a hand-made run: a reply (label and confidence) to one example. */
export interface HandRollout {
  label: "Benign" | "Malicious" | "Abstain" | null;
  confidence: number;
  answer: "Benign" | "Malicious";
  family?: string | null;
  source?: string;
  /** The request failed after its retries (no reply). */
  error?: boolean;
  attempts?: number;
  tokens?: { input: number; output: number };
  totalMs?: number;
}

/** Options of {@link writeRunDir}. */
export interface WriteRunDirOptions {
  dir: string;
  rollouts: HandRollout[];
  model?: string;
  /** Overrides merged into metadata.json. */
  metadata?: Record<string, unknown>;
  costs?: Partial<RubricCosts>;
}

/** Write a run directory (results.jsonl + metadata.json) from hand-made rollouts, one example each. */
export async function writeRunDir(options: WriteRunDirOptions): Promise<string> {
  const rubric = createRubric({ costs: options.costs });
  const lines = options.rollouts.map((rollout, index) => {
    const completion =
      rollout.label === null
        ? "no idea"
        : JSON.stringify({ label: rollout.label, confidence: rollout.confidence });
    const scored = rubric.score({ completion, answer: rollout.answer });
    const failed = rollout.error === true;
    return JSON.stringify({
      example_id: index,
      rollout_index: 0,
      prompt: [
        { role: "system", content: "You are a network security analyst." },
        { role: "user", content: `Log Entry: id.orig_p=${index}` },
      ],
      completion: failed ? "" : completion,
      answer: rollout.answer,
      reward: failed ? 0 : scored.reward,
      metrics: failed ? { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 } : scored.rewards,
      parsed: failed
        ? { label: null, confidence: 0 }
        : { label: scored.label, confidence: scored.confidence },
      info: {
        source: rollout.source ?? "iot23",
        attack_family: rollout.family ?? null,
        hash: index.toString(16).padStart(16, "0"),
        split: "test",
      },
      token_usage: { input_tokens: rollout.tokens?.input ?? 0, output_tokens: rollout.tokens?.output ?? 0 },
      timing: { generation_ms: rollout.totalMs ?? 0, scoring_ms: 0, total_ms: rollout.totalMs ?? 0 },
      attempts: rollout.attempts ?? 1,
      error: failed ? { type: "APITimeoutError", message: "Request timed out." } : null,
    });
  });
  await mkdir(options.dir, { recursive: true });
  await writeFile(join(options.dir, "results.jsonl"), lines.length ? `${lines.join("\n")}\n` : "");
  const metadata = {
    env_id: "sv-env-network-logs",
    env_args: options.costs ? { costs: options.costs } : {},
    model: options.model ?? "acme/hand",
    base_url: null,
    num_examples: options.rollouts.length,
    rollouts_per_example: 1,
    sampling_args: { temperature: 0 },
    time_ms: 1000,
    dataset: { name: "cic-ids-2017-ood-v1", source: "local", split: "test", revision: null },
    seed: 1,
    run_id: "hand",
    version_info: {},
    timestamp: "2026-01-02T03:04:05.000Z",
    ...options.metadata,
  };
  await writeFile(join(options.dir, "metadata.json"), `${JSON.stringify(metadata, null, 2)}\n`);
  return options.dir;
}
