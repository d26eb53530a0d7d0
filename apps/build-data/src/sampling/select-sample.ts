import type { RowAnswer } from "@sv/dataset";
import { allocate } from "./allocate.js";
import { type Candidate, compareCandidates } from "./candidate.js";
import type { Stratum } from "./stratified-sampler.js";

export interface SelectSampleOptions {
  strata: readonly Stratum[];
  /** Rows wanted in total. */
  limit: number;
  /** Half per label, shared equally between scenarios (IoT-23, CIC); else in proportion to what was seen (UNSW). */
  balanced: boolean;
  /** Why a held flow may not be used (e.g. a value `validate` would reject), or undefined to keep it. */
  reject?: (candidate: Candidate) => string | undefined;
}

/** What one (scenario × label) stratum gave. */
export interface StratumSelection {
  scenario: string;
  label: RowAnswer;
  /** Flows read (before deduplication). */
  seen: number;
  /** Distinct usable flows held after deduplication (at most the reservoir size). */
  available: number;
  /** Chosen flows, in priority order. */
  selected: Candidate[];
}

export interface SampleSelection {
  strata: StratumSelection[];
  /** Copies of an already-held flow dropped (inside a stratum or across strata). */
  duplicatesDropped: number;
  /** Flows with the same content but different labels in different places: all copies dropped. */
  labelConflicts: number;
  conflictExamples: string[];
  /** Held flows that `reject` turned down, in stratum and priority order, with the reason. */
  rejected: { candidate: Candidate; reason: string }[];
  /** Shortfalls and scarce strata, in words, for the manifest and the data card. */
  notes: string[];
}

const LABELS: RowAnswer[] = ["Benign", "Malicious"];

function dropCrossStratumDuplicates(lists: Candidate[][]): {
  duplicates: number;
  conflicts: number;
  examples: string[];
} {
  const byHash = new Map<string, { list: number; candidate: Candidate }[]>();
  lists.forEach((list, index) => {
    for (const candidate of list) {
      const entries = byHash.get(candidate.hash) ?? [];
      entries.push({ list: index, candidate });
      byHash.set(candidate.hash, entries);
    }
  });
  const removed = new Set<Candidate>();
  let duplicates = 0;
  let conflicts = 0;
  const examples: string[] = [];
  for (const [hash, entries] of [...byHash.entries()].sort(([left], [right]) => (left < right ? -1 : 1))) {
    if (entries.length < 2) continue;
    if (new Set(entries.map((entry) => entry.candidate.label)).size > 1) {
      conflicts++;
      if (examples.length < 5) {
        examples.push(
          `${hash}: ${entries.map((entry) => `${entry.candidate.file}:${entry.candidate.line}=${entry.candidate.label}`).join(", ")}`,
        );
      }
      for (const entry of entries) removed.add(entry.candidate);
      continue;
    }
    const keep = entries.map((entry) => entry.candidate).sort(compareCandidates)[0]!;
    for (const entry of entries) if (entry.candidate !== keep) removed.add(entry.candidate);
    duplicates += entries.length - 1;
  }
  lists.forEach((list, index) => {
    lists[index] = list.filter((candidate) => !removed.has(candidate));
  });
  return { duplicates, conflicts, examples };
}

/**
 * Turn the strata's reservoirs into the final sample: drop flows held in two strata (a label conflict
 * drops every copy), then allocate `limit` between strata and take each stratum's lowest priorities.
 */
export function selectSample(options: SelectSampleOptions): SampleSelection {
  const { strata, limit } = options;
  const rejected: SampleSelection["rejected"] = [];
  const lists = strata.map((stratum) =>
    stratum.reservoir.sorted().filter((candidate) => {
      const reason = options.reject?.(candidate);
      if (reason !== undefined) rejected.push({ candidate, reason });
      return reason === undefined;
    }),
  );
  const cross = dropCrossStratumDuplicates(lists);
  const notes: string[] = [];
  const counts = new Array<number>(strata.length).fill(0);
  if (options.balanced) {
    const quotas: Record<RowAnswer, number> = {
      Benign: Math.floor(limit / 2),
      Malicious: limit - Math.floor(limit / 2),
    };
    for (const label of LABELS) {
      const members = strata
        .map((stratum, index) => ({ stratum, index }))
        .filter(({ stratum }) => stratum.label === label);
      const given = allocate({
        total: quotas[label],
        groups: members.map(({ index }) => ({ available: lists[index]!.length, weight: 1 })),
      });
      members.forEach(({ index }, position) => {
        counts[index] = given[position]!;
      });
      const sum = given.reduce((left, right) => left + right, 0);
      if (sum < quotas[label])
        notes.push(
          `${label}: ${sum} of ${quotas[label]} requested; the inputs hold no more distinct ${label.toLowerCase()} flows`,
        );
      const fair = members.length > 0 ? quotas[label] / members.length : 0;
      members.forEach(({ stratum, index }) => {
        if (lists[index]!.length < fair)
          notes.push(
            `${stratum.scenario} × ${label}: only ${lists[index]!.length} distinct flows (all used)`,
          );
      });
    }
  } else {
    const given = allocate({
      total: limit,
      groups: strata.map((stratum, index) => ({ available: lists[index]!.length, weight: stratum.seen })),
    });
    given.forEach((count, index) => {
      counts[index] = count;
    });
    const sum = given.reduce((left, right) => left + right, 0);
    if (sum < limit) notes.push(`${sum} of ${limit} requested; the inputs hold no more distinct flows`);
  }
  for (const label of LABELS) {
    if (!strata.some((stratum) => stratum.label === label && stratum.seen > 0))
      notes.push(`no ${label.toLowerCase()} flows in the inputs`);
  }
  const withinStrata = strata.reduce((sum, stratum) => sum + stratum.reservoir.duplicates, 0);
  return {
    strata: strata.map((stratum, index) => ({
      scenario: stratum.scenario,
      label: stratum.label,
      seen: stratum.seen,
      available: lists[index]!.length,
      selected: lists[index]!.slice(0, counts[index]),
    })),
    duplicatesDropped: withinStrata + cross.duplicates,
    labelConflicts: cross.conflicts,
    conflictExamples: cross.examples,
    rejected,
    notes,
  };
}
