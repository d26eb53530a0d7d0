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

/** A few one-megabyte replies built to stress each extraction path. */
export function megabyteReplies(): string[] {
  const megabyte = 1 << 20;
  return [
    "{".repeat(megabyte),
    '{"'.repeat(megabyte / 2),
    "\\".repeat(megabyte),
    "`".repeat(megabyte),
    `\`\`\`${" ".repeat(megabyte)}`,
    `${"[".repeat(megabyte / 2)}${"]".repeat(megabyte / 2)}`,
    `{"label": "Benign", "confidence": 0.5, "rationale": "${"x".repeat(megabyte)}"}`,
    `${'{"a":'.repeat(megabyte / 8)}1${"}".repeat(megabyte / 8)}`,
    `\`\`\`json\n${"{".repeat(megabyte / 2)}\n\`\`\``,
  ];
}
