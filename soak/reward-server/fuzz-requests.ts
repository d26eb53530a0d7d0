import { createSeededRandom, type SeededRandom } from "@sv/dataset";
import { adversarialReplies } from "../reply-generator.js";

/** One fuzzed HTTP request and what the server may answer. */
export interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  contentType?: string;
  body?: Buffer;
  /** Statuses the server may answer with (never a 5xx). */
  allowed: readonly number[];
  /** For a valid batch: how many results it must hold. */
  items?: number;
  /** For an invalid item: the path its error must name (`items.3.answer`). */
  names?: string;
}

const ANSWERS = ["Malicious", "Benign", "malicious", "BENIGN", 0, 1, true, false];
// None of these is a gold answer `eval score` accepts, nor a completion.
const BAD_ANSWERS: unknown[] = [null, -1, 2, "Attack", "", {}, [], [1], 1e308, 0.5, "0", "1", { label: "x" }];
const BAD_COMPLETIONS: unknown[] = [null, 5, {}, true, 0];
const KEYS = [
  "items",
  "rubric",
  "completion",
  "answer",
  "query",
  "prompts",
  "labels",
  "__proto__",
  "weights",
  "x",
];
const PATHS = [
  "/v1/score",
  "/get_reward",
  "/v1/prompts",
  "/health",
  "/metrics",
  "/",
  "/v1",
  "/v1/score/x",
  "/%zz",
];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

function pick<T>(random: SeededRandom, values: readonly T[]): T {
  return values[random.nextInt(values.length)]!;
}

function randomJson(random: SeededRandom, depth: number): unknown {
  const choice = random.nextInt(depth > 4 ? 5 : 8);
  if (choice === 0) return null;
  if (choice === 1) return random.next() < 0.5;
  if (choice === 2) return pick(random, [0, -0, 1, -1, 0.5, 1e308, 2 ** 53 + 1, -1e-300]);
  if (choice === 3 || choice === 4) return pick(random, ["", "x", "Benign", "🔒", "\u0000", "a".repeat(300)]);
  if (choice === 5 || choice === 6) {
    const object: Record<string, unknown> = {};
    for (let index = random.nextInt(4); index > 0; index--) {
      object[pick(random, KEYS)] = randomJson(random, depth + 1);
    }
    return object;
  }
  return Array.from({ length: random.nextInt(4) }, () => randomJson(random, depth + 1));
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? "null");

/**
 * A deterministic stream of fuzzed requests: valid batches (string and message-list completions from
 * the adversarial reply generator), batches with one broken item, random JSON, truncated JSON, bytes
 * that are not UTF-8, oversized bodies, wrong media types, prototype keys, OpenRLHF requests,
 * random prompt queries, and unknown routes and methods.
 */
export function* fuzzRequests(options: {
  seed: number;
  count: number;
  bodyLimit: number;
}): Generator<FuzzRequest> {
  const random = createSeededRandom(options.seed);
  const replies = adversarialReplies(options.seed + 1, Number.MAX_SAFE_INTEGER);
  const reply = (): string => replies.next().value as string;
  const completion = (): unknown =>
    random.next() < 0.3
      ? [
          { role: "user", content: "q" },
          { role: "assistant", content: reply() },
        ]
      : reply();
  const items = (count: number) =>
    Array.from({ length: count }, () => ({ completion: completion(), answer: pick(random, ANSWERS) }));

  for (let index = 0; index < options.count; index++) {
    const roll = random.nextInt(100);
    if (roll < 30) {
      const batch = items(1 + random.nextInt(16));
      yield {
        kind: "valid-score",
        method: "POST",
        path: "/v1/score",
        body: json({ items: batch }),
        allowed: [200],
        items: batch.length,
      };
    } else if (roll < 45) {
      const batch: Record<string, unknown>[] = items(1 + random.nextInt(8));
      const at = random.nextInt(batch.length);
      const field = pick(random, ["completion", "answer"] as const);
      const broken = { ...batch[at] };
      if (random.next() < 0.2) delete broken[field];
      else broken[field] = pick(random, field === "answer" ? BAD_ANSWERS : BAD_COMPLETIONS);
      batch[at] = broken;
      const body = json({ items: batch });
      yield {
        kind: "bad-item",
        method: "POST",
        path: "/v1/score",
        body,
        allowed: [400],
        names: `items.${at}.${field}`,
      };
    } else if (roll < 55) {
      yield {
        kind: "random-json",
        method: "POST",
        path: pick(random, ["/v1/score", "/get_reward"]),
        body: json(randomJson(random, 0)),
        allowed: [200, 400],
      };
    } else if (roll < 62) {
      const text = JSON.stringify({ items: items(2) });
      yield {
        kind: "truncated-json",
        method: "POST",
        path: "/v1/score",
        body: Buffer.from(text.slice(0, random.nextInt(text.length))),
        allowed: [400],
      };
    } else if (roll < 67) {
      const bytes = Buffer.from(Array.from({ length: 1 + random.nextInt(64) }, () => random.nextInt(256)));
      yield { kind: "random-bytes", method: "POST", path: "/v1/score", body: bytes, allowed: [400] };
    } else if (roll < 70) {
      const size = options.bodyLimit + 1 + random.nextInt(options.bodyLimit);
      const body = Buffer.from(JSON.stringify({ items: [{ completion: "x".repeat(size), answer: 1 }] }));
      yield { kind: "oversized", method: "POST", path: "/v1/score", body, allowed: [413] };
    } else if (roll < 74) {
      yield {
        kind: "media-type",
        method: "POST",
        path: "/v1/score",
        contentType: pick(random, [
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/xml",
          "multipart/form-data; boundary=x",
        ]),
        body: json({ items: items(1) }),
        allowed: [415],
      };
    } else if (roll < 77) {
      const body = Buffer.from(`{"items": [], "__proto__": ${JSON.stringify(randomJson(random, 3))}}`);
      yield { kind: "prototype", method: "POST", path: "/v1/score", body, allowed: [400] };
    } else if (roll < 87) {
      const count = 1 + random.nextInt(6);
      const prompt = pick(random, ["", "<|im_start|>user\nLog<|im_end|>\n", "P: "]);
      const broken = random.next() < 0.3;
      const body = {
        query: Array.from(
          { length: count },
          () => `${random.next() < 0.2 ? "<pad>" : ""}${prompt}${reply()}`,
        ),
        prompts: Array.from({ length: broken ? count + 1 : count }, () => prompt),
        labels: Array.from({ length: count }, () => pick(random, ANSWERS)),
      };
      yield {
        kind: broken ? "bad-reward" : "valid-reward",
        method: "POST",
        path: "/get_reward",
        body: json(body),
        allowed: broken ? [400] : [200],
        items: broken ? undefined : count,
      };
    } else if (roll < 93) {
      const parameters = ["dataset", "split", "limit", "seed", "source", "extra"]
        .filter(() => random.next() < 0.4)
        .map(
          (name) =>
            `${name}=${encodeURIComponent(String(pick(random, ["synthetic", "demo", "test", "-1", "5", "1.5", "../x", "nope", "0", ""])))}`,
        );
      yield {
        kind: "prompts",
        method: "GET",
        path: `/v1/prompts?${parameters.join("&")}`,
        allowed: [200, 400, 404],
      };
    } else {
      yield {
        kind: "route",
        method: pick(random, METHODS),
        path: pick(random, PATHS),
        body: random.next() < 0.5 ? json(randomJson(random, 0)) : undefined,
        allowed: [200, 400, 404, 415],
      };
    }
  }
}
