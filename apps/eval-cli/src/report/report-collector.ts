import { createHash } from "node:crypto";
import type { Label } from "@sv/parser";
import { RiskCoverageAccumulator, RunMetricsAccumulator, safeNormalizeGoldAnswer } from "@sv/rubric";
import { fromSummaryMetrics } from "../run-output/summary-metrics.js";
import { type BootstrapSample, bootstrapIntervals } from "./bootstrap-intervals.js";
import { canonicalSample } from "./canonical-sample.js";
import { CONFIDENCE_BINS, confidenceBin } from "./confidence-bins.js";
import { describeDistribution } from "./distribution.js";
import type { GroupStats } from "./group-stats.js";
import { HEADLINE_METRICS, type MetricInterval } from "./headline-metrics.js";
import type { JudgeStats } from "./judge/judge-stats.js";
import type { ResultLine } from "./result-line.js";
import { RolloutTableBuilder } from "./rollout-table-builder.js";
import type { RunMetadata } from "./run-metadata.js";
import type { ReliabilityBin, RunReportData } from "./run-report-data.js";
import type { RunSummary } from "./run-summary.js";

/** Options of {@link ReportCollector}. */
export interface ReportCollectorOptions {
  /** Bootstrap resamples; default scales with the run: min(1000, max(200, 2e7 / rollouts)). */
  resamples?: number;
  /** Bootstrap seed (default: the run's seed, else 0). */
  seed?: number;
  /** Longest prompt or completion embedded in full (default 1000 characters). */
  maxTextChars?: number;
}

interface GroupCounter {
  metrics: RunMetricsAccumulator;
  count: number;
  attacks: number;
  detected: number;
  benign: number;
  falseAlarms: number;
}

const zeros = (length: number) => new Array<number>(length).fill(0);
const groupName = (value: unknown) =>
  typeof value === "string" && value !== ""
    ? value
    : value === null || value === undefined
      ? "(none)"
      : String(value);

/** One pass over a run's result lines that gathers the summary, every chart and the rollout table. */
export class ReportCollector {
  private readonly options: ReportCollectorOptions;
  private rollouts = 0;
  readonly table: RolloutTableBuilder;
  private readonly sample: BootstrapSample = {
    labels: [],
    confidences: [],
    answers: [],
    rewards: [[], [], [], [], []],
    clusters: [],
    clusterCount: 0,
  };
  private readonly clusterIndex = new Map<string, number>();
  /** (example_id, rollout_index) of each sampled rollout, to bootstrap in a canonical order. */
  private readonly sampleKeys: number[] = [];
  private readonly bins = {
    count: zeros(CONFIDENCE_BINS),
    correct: zeros(CONFIDENCE_BINS),
    sum: zeros(CONFIDENCE_BINS),
  };
  private readonly riskCoverage = new RiskCoverageAccumulator();
  private readonly outcome = {
    correct: zeros(CONFIDENCE_BINS),
    wrong: zeros(CONFIDENCE_BINS),
    abstained: zeros(CONFIDENCE_BINS),
  };
  private readonly families = new Map<string, GroupCounter>();
  private readonly sources = new Map<string, GroupCounter>();
  private readonly latency: number[] = [];
  private readonly inputTokens: number[] = [];
  private readonly outputTokens: number[] = [];
  private requestErrors = 0;
  private retries = 0;
  private retriedRollouts = 0;
  private readonly systemPrompts = new Set<string>();
  /** One key per distinct example (its `info.hash`, else id and question), to tell whether runs saw the same examples. */
  private readonly exampleKeys = new Set<string>();
  private readonly confusion = {
    malicious: { malicious: 0, benign: 0, abstain: 0, none: 0 },
    benign: { malicious: 0, benign: 0, abstain: 0, none: 0 },
  };

  constructor(options: ReportCollectorOptions = {}) {
    this.options = options;
    this.table = new RolloutTableBuilder({ maxTextChars: options.maxTextChars });
  }

  private group(map: Map<string, GroupCounter>, name: string): GroupCounter {
    let counter = map.get(name);
    if (!counter) {
      counter = {
        metrics: new RunMetricsAccumulator(),
        count: 0,
        attacks: 0,
        detected: 0,
        benign: 0,
        falseAlarms: 0,
      };
      map.set(name, counter);
    }
    return counter;
  }

  /** Add one rollout. A rollout that failed after its retries only counts as an error and a table row. */
  add(line: ResultLine): void {
    const family = groupName(line.info.attack_family);
    const source = groupName(line.info.source);
    this.table.add(line, family, source);
    this.latency.push(line.timing.total_ms || line.timing.generation_ms);
    // A rollout without reported usage (failed, or a null usage) has no token count, not a count of 0.
    if (line.token_usage_reported !== false) {
      this.inputTokens.push(line.token_usage.input_tokens);
      this.outputTokens.push(line.token_usage.output_tokens);
    }
    const retries = Math.max(0, Math.floor(line.attempts) - 1);
    if (retries > 0) {
      this.retries += retries;
      this.retriedRollouts++;
    }
    const system = line.prompt.find((message) => message.role === "system");
    if (system) this.systemPrompts.add(system.content);
    this.exampleKeys.add(exampleKey(line));
    if (line.error) {
      this.requestErrors++;
      return;
    }
    this.rollouts++;
    const { label, confidence } = line.parsed;
    const gold = safeNormalizeGoldAnswer(line.answer) ?? "Benign";
    for (const counter of [this.group(this.families, family), this.group(this.sources, source)]) {
      counter.metrics.add({ label, confidence, answer: gold });
      counter.count++;
      if (gold === "Malicious") {
        counter.attacks++;
        if (label === "Malicious") counter.detected++;
      } else {
        counter.benign++;
        if (label === "Malicious") counter.falseAlarms++;
      }
    }
    const row = gold === "Malicious" ? this.confusion.malicious : this.confusion.benign;
    if (label === "Malicious") row.malicious++;
    else if (label === "Benign") row.benign++;
    else if (label === "Abstain") row.abstain++;
    else row.none++;
    this.addSample(line, label, gold);
    this.addCharts(label, confidence, gold);
  }

  private addSample(line: ResultLine, label: Label | null, gold: "Malicious" | "Benign"): void {
    const key = String(line.example_id);
    let cluster = this.clusterIndex.get(key);
    if (cluster === undefined) {
      cluster = this.sample.clusterCount++;
      this.clusterIndex.set(key, cluster);
    }
    this.sample.clusters.push(cluster);
    const example = typeof line.example_id === "number" ? line.example_id : Number(line.example_id) || 0;
    this.sampleKeys.push(example * 1_048_576 + line.rollout_index);
    this.sample.labels.push(label);
    this.sample.confidences.push(line.parsed.confidence);
    this.sample.answers.push(gold);
    const [reward, accuracy, format, calibration, cost] = this.sample.rewards;
    reward.push(line.reward);
    accuracy.push(line.metrics.accuracy);
    format.push(line.metrics.format);
    calibration.push(line.metrics.calibration);
    cost.push(line.metrics.asymmetric_cost);
  }

  private addCharts(label: Label | null, confidence: number, gold: string): void {
    const bin = confidenceBin(confidence);
    if (label === "Abstain") {
      if (bin >= 0) this.outcome.abstained[bin]!++;
      return;
    }
    if (label === null) return;
    const correct = label === gold;
    if (bin >= 0) {
      this.bins.count[bin]!++;
      this.bins.sum[bin]! += confidence;
      if (correct) this.bins.correct[bin]!++;
      (correct ? this.outcome.correct : this.outcome.wrong)[bin]!++;
    }
    this.riskCoverage.add(confidence, correct);
  }

  /** Finish: intervals and chart data around the run's summary (from `buildSummary`, as summary.json). */
  result(options: { metadata: RunMetadata; summary: RunSummary; judge?: JudgeStats | null }): RunReportData {
    const { summary } = options;
    const metrics = fromSummaryMetrics(summary.metrics);
    const rewards = { ...summary.rewards, mean: summary.rewards.mean_reward };
    const rollouts = this.rollouts;
    const resamples =
      this.options.resamples ?? Math.min(1000, Math.max(200, Math.floor(2e7 / Math.max(1, rollouts))));
    const seed = this.options.seed ?? (typeof options.metadata.seed === "number" ? options.metadata.seed : 0);
    const sample = canonicalSample(this.sample, this.sampleKeys);
    const bounds = bootstrapIntervals({
      sample,
      resamples,
      seed,
      fnCostWeight: metrics.cost.fn_cost_weight,
      fpCostWeight: metrics.cost.fp_cost_weight,
    });
    const intervals: Record<string, MetricInterval> = {};
    for (const metric of HEADLINE_METRICS) {
      const value = metric.read(metrics, rewards);
      const interval = bounds[metric.key]!;
      intervals[metric.key] =
        value === null
          ? { value: null, low: null, high: null, resamplesDefined: interval.resamplesDefined }
          : { value, ...interval };
    }
    return {
      summary,
      metrics,
      metadata: options.metadata,
      intervals,
      bootstrap: { resamples, seed, unit: "example" },
      confusion: this.confusion,
      reliability: this.reliability(),
      riskCoverage: this.riskCoverage.curve(),
      confidenceByOutcome: this.outcome,
      byAttackFamily: stats(this.families),
      bySource: stats(this.sources),
      latencyMs: describeDistribution({ values: this.latency }),
      inputTokens: describeDistribution({ values: this.inputTokens }),
      outputTokens: describeDistribution({ values: this.outputTokens }),
      tokens: {
        input: sum(this.inputTokens),
        output: sum(this.outputTokens),
        rollouts: this.inputTokens.length,
      },
      requestErrors: this.requestErrors,
      retries: { total: this.retries, rollouts: this.retriedRollouts },
      rateLimitPauses: rateLimitPauses(options.metadata),
      systemPrompt: systemPromptIdentity(this.systemPrompts),
      examples: { distinct: this.exampleKeys.size, sha256: digest(this.exampleKeys) },
      ...(options.judge ? { judge: options.judge } : {}),
    };
  }

  private reliability(): ReliabilityBin[] {
    return this.bins.count.map((count, bin) => ({
      lower: bin / CONFIDENCE_BINS,
      upper: (bin + 1) / CONFIDENCE_BINS,
      count,
      correct: this.bins.correct[bin]!,
      accuracy: count > 0 ? this.bins.correct[bin]! / count : null,
      meanConfidence: count > 0 ? this.bins.sum[bin]! / count : null,
    }));
  }
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Pool-wide pauses after a 429, as `pnpm eval` records them in metadata.json; null when not recorded. */
function rateLimitPauses(metadata: RunMetadata): number | null {
  const value = metadata.rate_limit_pauses;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A short SHA-256 of a set of strings, independent of their order; null for an empty set. */
function digest(values: Set<string>): string | null {
  if (values.size === 0) return null;
  const hash = createHash("sha256");
  for (const value of [...values].sort()) hash.update(value).update("\u0000");
  return hash.digest("hex").slice(0, 16);
}

/** The system prompts the rollouts were asked with: how many distinct ones, and a hash to compare runs. */
function systemPromptIdentity(prompts: Set<string>): RunReportData["systemPrompt"] {
  return { distinct: prompts.size, sha256: digest(prompts) };
}

/** The identity of a rollout's example: the dataset's content hash when rows carry one. */
function exampleKey(line: ResultLine): string {
  if (typeof line.info.hash === "string" && line.info.hash !== "") return line.info.hash;
  const question = line.prompt
    .filter((message) => message.role !== "system")
    .map((message) => message.content);
  const hash = createHash("sha256").update(String(line.example_id));
  for (const text of question) hash.update("\u0000").update(text);
  return hash.digest("base64");
}

function stats(map: Map<string, GroupCounter>): GroupStats[] {
  return [...map.entries()]
    .map(([name, counter]) => ({
      name,
      count: counter.count,
      attacks: counter.attacks,
      benign: counter.benign,
      detected: counter.detected,
      falseAlarms: counter.falseAlarms,
      detectionRate: counter.attacks > 0 ? counter.detected / counter.attacks : null,
      falseAlarmRate: counter.benign > 0 ? counter.falseAlarms / counter.benign : null,
      metrics: counter.metrics.result(),
    }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
