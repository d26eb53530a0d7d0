import { type Flow, NUMERIC_FLOW_FIELDS as NUMERIC_FIELDS, parseQuestion } from "@sv/dataset";
import { contextFeatureNames } from "./context-features.js";

/** A sparse feature: position in the hashed weight vector and its value. */
export interface LearnedFeature {
  index: number;
  value: number;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++)
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

function portBucket(text: string | undefined): string {
  if (text === undefined) return "-";
  const port = Number(text);
  if (!Number.isInteger(port)) return "?";
  if (port < 1024) return String(port);
  if (port < 49152) return port === 8080 || port === 6667 || port === 1883 ? String(port) : "registered";
  return "ephemeral";
}

function text(flow: Flow, field: keyof Flow): string | undefined {
  const value = flow[field];
  return value === undefined || value === null || value === "" ? undefined : String(value);
}

/** The named features of a flow as the question shows it (categorical and log-scaled numbers). */
export function learnedFeatureNames(flow: Flow): [string, number][] {
  const features: [string, number][] = [];
  for (const field of ["proto", "service", "conn_state", "history"] as const) {
    features.push([`${field}=${text(flow, field) ?? "-"}`, 1]);
  }
  for (const letter of new Set(text(flow, "history") ?? "")) features.push([`history_has=${letter}`, 1]);
  features.push([`resp_p=${portBucket(text(flow, "id.resp_p"))}`, 1]);
  features.push([`orig_p=${portBucket(text(flow, "id.orig_p"))}`, 1]);
  const proto = text(flow, "proto") ?? "-";
  features.push([`proto_resp_p=${proto}/${portBucket(text(flow, "id.resp_p"))}`, 1]);
  for (const field of NUMERIC_FIELDS) {
    const raw = text(flow, field);
    const value = raw === undefined ? Number.NaN : Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      features.push([`${field}=-`, 1]);
      continue;
    }
    const scaled = Math.log1p(field === "duration" ? value * 1000 : value);
    features.push([`${field}_log2=${Math.floor(Math.log2(1 + value))}`, 1]);
    features.push([`${field}_log`, scaled / 10]);
  }
  return features;
}

/** Hash the named features into `dimensions` slots (FNV-1a); colliding features add up. */
export function learnedFeatures(flow: Flow, dimensions: number): LearnedFeature[] {
  return hashFeatures(learnedFeatureNames(flow), dimensions);
}

/** Which features a model reads: the flow alone (`flow`, the v1 default) or also its context. */
export type LearnedFeatureSet = "flow" | "flow+context";

/**
 * The hashed features of a question for a model of feature set `features`: the flow to classify
 * (`parseQuestion`), plus, for `flow+context`, the context aggregates of a context question. A `flow`
 * model reads a context question's flow only, exactly as it reads a single-flow question.
 */
export function questionFeatures(
  question: string,
  dimensions: number,
  features: LearnedFeatureSet = "flow",
): LearnedFeature[] {
  const names = learnedFeatureNames(parseQuestion(question));
  if (features === "flow+context") names.push(...contextFeatureNames(question));
  return hashFeatures(names, dimensions);
}

function hashFeatures(named: readonly [string, number][], dimensions: number): LearnedFeature[] {
  const slots = new Map<number, number>();
  for (const [name, value] of named) {
    const index = fnv1a(name) % dimensions;
    slots.set(index, (slots.get(index) ?? 0) + value);
  }
  return [...slots.entries()].map(([index, value]) => ({ index, value }));
}
