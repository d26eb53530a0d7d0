import { createRubric } from "@sv/rubric";
import { type Figure, figure } from "../figure.js";
import { readParityCorpus } from "../parity-corpus.js";

function timeLoop(iterations: number, body: () => void): number {
  const started = process.hrtime.bigint();
  for (let index = 0; index < iterations; index++) body();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Completions scored per second (parse once + four rewards + total), next to a bare JSON.parse loop. */
export async function scoringBenchmark(options: { repoRoot: string; quick?: boolean }): Promise<Figure[]> {
  const { lines, source } = readParityCorpus(options.repoRoot);
  const rubric = createRubric();
  const texts = lines.map((line) =>
    typeof line.completion === "string" ? line.completion : JSON.stringify(line.completion),
  );
  const passes = options.quick ? 50 : 500;
  const total = passes * lines.length;
  const repetitions = options.quick ? 3 : 7;
  let sink = 0;

  const score = () => {
    for (const line of lines)
      sink += rubric.score({ completion: line.completion, answer: line.answer }).reward;
  };
  const jsonParse = () => {
    for (const text of texts) {
      try {
        sink += typeof JSON.parse(text) === "object" ? 1 : 0;
      } catch {
        sink -= 1;
      }
    }
  };
  timeLoop(Math.ceil(passes / 5), score); // warm up the JIT
  timeLoop(Math.ceil(passes / 5), jsonParse);

  const scoring: number[] = [];
  const floor: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    scoring.push(total / timeLoop(passes, score));
    floor.push(total / timeLoop(passes, jsonParse));
  }
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the loops from being optimised away");
  const note = `${lines.length} completions from ${source.includes("parity") ? "the parity corpus" : "the example fixtures"}, ${passes} passes per run`;
  return [
    figure({
      name: "scoring.completions_per_second",
      unit: "completions/s",
      better: "higher",
      samples: scoring,
      note,
    }),
    figure({
      name: "scoring.json_parse_floor",
      unit: "strings/s",
      better: "higher",
      samples: floor,
      note: "bare JSON.parse over the same strings",
    }),
  ];
}
