import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createRubric } from "@sv/rubric";
import { toMetricColumns } from "../src/run-output/metric-columns.js";

/** One rollout of a hand-built judge run. */
export interface JudgeRollout {
  example: number;
  rollout?: number;
  answer: "Malicious" | "Benign";
  /** The model's reply; omit with `modelError`. */
  completion?: string;
  /** The judge's verdict; omit with `judgeError` or `modelError`. */
  verdict?: "yes" | "no";
  reply?: string;
  cached?: boolean;
  /** Hybrid: scored "no" without a judge call (nothing to grade). */
  skipped?: boolean;
  judgeTokens?: { input_tokens: number | null; output_tokens: number | null } | null;
  /** The judge call failed after its retries (an error row, `judge_<kind>`). */
  judgeError?: string;
  /** The model call failed: not judged, no `judge` field. */
  modelError?: string;
}

/** Options of {@link writeJudgeRun}. */
export interface WriteJudgeRunOptions {
  dir: string;
  mode: "judge" | "hybrid";
  rollouts: JudgeRollout[];
  judgeModel?: string;
  judgeWeight?: number;
  /** metadata.json extras (e.g. `judge_cost`). */
  metadata?: Record<string, unknown>;
}

const rubric = createRubric();

/** Write a run directory whose rows follow the issue-15 judge contract (as `pnpm eval --rubric` writes them). */
export async function writeJudgeRun(options: WriteJudgeRunOptions): Promise<string> {
  const kind = options.mode === "judge" ? "correctness" : "rationale";
  const metricName = options.mode === "judge" ? "judge_reward" : "judge_rationale_reward";
  const model = options.judgeModel ?? "gpt-4.1-nano";
  const weight = options.judgeWeight ?? 0.1;
  const lines = options.rollouts.map((rollout) => {
    const completion = rollout.modelError ? "" : (rollout.completion ?? "");
    const scored = rubric.score({ completion, answer: rollout.answer });
    const programmatic = { reward: scored.reward, ...toMetricColumns(scored.rewards) };
    const failed = rollout.modelError ?? rollout.judgeError;
    const score = failed ? 0 : rollout.verdict === "yes" ? 1 : 0;
    const reward = failed ? 0 : options.mode === "judge" ? score : scored.reward + weight * score;
    const metrics =
      options.mode === "judge"
        ? { [metricName]: score }
        : { ...toMetricColumns(scored.rewards), [metricName]: score };
    const judge = rollout.modelError
      ? undefined
      : {
          kind,
          model,
          verdict: rollout.judgeError ? null : rollout.verdict,
          score: rollout.judgeError ? null : score,
          reply: rollout.judgeError ? "" : (rollout.reply ?? rollout.verdict),
          attempts: rollout.judgeError ? 3 : rollout.skipped ? 0 : 1,
          ...(rollout.cached ? { cached: true } : {}),
          ...(rollout.skipped ? { skipped: "no_rationale" } : {}),
          token_usage: rollout.skipped
            ? { input_tokens: null, output_tokens: null }
            : rollout.judgeTokens === undefined
              ? { input_tokens: 400, output_tokens: 1 }
              : rollout.judgeTokens,
          error: rollout.judgeError
            ? { type: rollout.judgeError, message: "judge failed after 3 attempts" }
            : null,
        };
    return JSON.stringify({
      example_id: rollout.example,
      rollout_index: rollout.rollout ?? 0,
      prompt: [
        { role: "system", content: "Classify." },
        { role: "user", content: `Log Entry: id.orig_h=10.0.0.${rollout.example}, proto=tcp` },
      ],
      completion,
      answer: rollout.answer,
      reward,
      metrics,
      ...metrics,
      ...(rollout.modelError ? {} : { programmatic }),
      parsed: {
        label: rollout.modelError ? null : scored.label,
        confidence: rollout.modelError ? 0 : scored.confidence,
      },
      info: {
        source: "iot23",
        attack_family: rollout.answer === "Malicious" ? "Okiru" : null,
        hash: `h${rollout.example}`,
      },
      token_usage: { input_tokens: 100, output_tokens: 20 },
      timing: { generation_ms: 10, scoring_ms: 5, total_ms: 15 },
      attempts: 1,
      error: failed
        ? { type: rollout.modelError ? "rate_limit" : `judge_${rollout.judgeError}`, message: failed }
        : null,
      ...(judge ? { judge } : {}),
    });
  });
  await mkdir(options.dir, { recursive: true });
  await writeFile(join(options.dir, "results.jsonl"), `${lines.join("\n")}\n`);
  await writeFile(
    join(options.dir, "metadata.json"),
    `${JSON.stringify(
      {
        env_id: "sv-env-network-logs",
        model: "acme/sentinel",
        num_examples: new Set(options.rollouts.map((rollout) => rollout.example)).size,
        rollouts_per_example: 1,
        dataset: { name: "iot23-train-dev-test-v1", source: "local", split: "test", revision: "v1" },
        seed: 1,
        run_id: `judge-${options.mode}`,
        timestamp: "2026-01-02T03:04:05.000Z",
        rubric: {
          mode: options.mode,
          judge_model: model,
          judge_sampling_args: { temperature: 0, max_tokens: 16 },
          ...(options.mode === "hybrid" ? { judge_weight: weight } : {}),
          judge_prompt_sha256: "0".repeat(64),
        },
        ...options.metadata,
      },
      null,
      2,
    )}\n`,
  );
  return options.dir;
}
