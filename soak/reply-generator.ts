import { createSeededRandom, type SeededRandom } from "@sv/dataset";

const LABELS = ["Benign", "Malicious", "Abstain", "benign", "MALICIOUS", "Suspicious", ""];
const NUMBERS = [
  "0",
  "1",
  "0.5",
  "-0",
  "1e400",
  "-1e400",
  "1e-400",
  "9".repeat(400),
  "0.99999999999999999",
  "NaN",
  "Infinity",
  '"0.7"',
  "true",
  "null",
  "[0.9]",
];
const NOISE = [
  "{",
  "}",
  "```",
  "```json",
  '"',
  "\\",
  '\\"',
  "\n",
  "\r\n",
  "\t",
  "<think>",
  "</think>",
  "\uFEFF",
  "\u0000",
  "🔒",
  "\uD800",
  "é",
  " ",
];

function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[random.nextInt(items.length)]!;
}

function answerObject(random: SeededRandom): string {
  const parts = [`"label": "${pick(random, LABELS)}"`, `"confidence": ${pick(random, NUMBERS)}`];
  if (random.next() < 0.5) parts.push(`"rationale": "${pick(random, NOISE).replace(/["\\]/g, "")}x"`);
  if (random.next() < 0.2) parts.reverse();
  return `{${parts.join(", ")}}`;
}

function noise(random: SeededRandom, length: number): string {
  let text = "";
  for (let index = 0; index < length; index++) text += pick(random, NOISE);
  return text;
}

/** A seeded stream of adversarial replies: wrapped, truncated, nested, huge. */
export function* adversarialReplies(seed: number, count: number): Generator<string> {
  const random = createSeededRandom(seed);
  for (let index = 0; index < count; index++) {
    const object = answerObject(random);
    const shape = random.nextInt(9);
    let reply: string;
    if (shape === 0) reply = object;
    else if (shape === 1) reply = `Here you go:\n\`\`\`json\n${object}\n\`\`\`\n`;
    else if (shape === 2)
      reply = `${noise(random, random.nextInt(20))}${object}${noise(random, random.nextInt(20))}`;
    else if (shape === 3) reply = object.slice(0, random.nextInt(object.length + 1));
    else if (shape === 4)
      reply = `${"{".repeat(random.nextInt(200))}${object}${"}".repeat(random.nextInt(200))}`;
    else if (shape === 5) reply = `${"```".repeat(random.nextInt(50))}${object}`;
    else if (shape === 6) reply = noise(random, random.nextInt(200));
    else if (shape === 7) reply = `<think>${noise(random, 50)}</think>${object}`;
    else reply = `{"a": ${object}, "b": [${object}]}`;
    yield reply;
  }
}

const ANSWER = '{"label": "Benign", "confidence": 0.5}';

/**
 * Replies of about `size` characters built to stress each extraction path, and the adversarial shapes
 * above at scale. The parser soak times each at 1 MB and 4 MB: linear work takes about 4x as long.
 */
export function stressReplies(size: number): string[] {
  const half = Math.floor(size / 2);
  return [
    "{".repeat(size),
    '{"'.repeat(half),
    "\\".repeat(size),
    "`".repeat(size),
    `\`\`\`${" ".repeat(size)}`,
    `${"[".repeat(half)}${"]".repeat(half)}`,
    `{"label": "Benign", "confidence": 0.5, "rationale": "${"x".repeat(size)}"}`,
    `${'{"a":'.repeat(Math.floor(size / 8))}1${"}".repeat(Math.floor(size / 8))}`,
    `\`\`\`json\n${"{".repeat(half)}\n\`\`\``,
    `${"{".repeat(half)}${ANSWER}${"}".repeat(half)}`,
    `${"```".repeat(Math.floor(size / 3))}${ANSWER}`,
    `<think>${'{"\\'.repeat(Math.floor(size / 3))}</think>${ANSWER}`,
    `${'"\\'.repeat(half)}${ANSWER}`,
  ];
}
