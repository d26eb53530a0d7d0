import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { link, mkdir, open, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { type Figure, figure } from "../figure.js";

/**
 * `pnpm bench build-data`: the real CLI (`--only iot23`) on generated `conn.log.labeled` files made by
 * repeating the rows of the real 34-1 sample (under bench/.work, gitignored), next to
 * `awk -F'\t' '{c[$NF]++}'` on the same file; then two files with 1 and 2 workers; then the sample's
 * rows split into many small files against the same rows in one file. Peak RSS comes from
 * /usr/bin/time -v when present, else from polling /proc.
 */

const SAMPLE = ["iot23", "CTU-IoT-Malware-Capture-34-1", "bro", "conn.log.labeled"];
const SAMPLE_BYTES = 3_019_283;
const CONN_LOG = join("bro", "conn.log.labeled");

interface Run {
  seconds: number;
  peakRssMb: number;
  stderr: string;
}

/** Write `copies` × the sample's rows (header once) to `path`, unless a file of that size is there. */
async function makeConnLog(sample: string, path: string, copies: number): Promise<number> {
  const text = readFileSync(sample);
  const lines = text.toString("latin1").split("\n");
  const header = Buffer.from(`${lines.filter((line) => line.startsWith("#")).join("\n")}\n`, "latin1");
  const rows = lines.filter((line) => line !== "" && !line.startsWith("#"));
  const body = Buffer.from(`${rows.join("\n")}\n`, "latin1");
  const size = header.length + body.length * copies;
  if (existsSync(path) && (await stat(path)).size === size) return size;
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, "w");
  try {
    await handle.write(header);
    const block = Buffer.concat(Array.from({ length: 10 }, () => body));
    let written = 0;
    for (; written + 10 <= copies; written += 10) await handle.write(block);
    for (; written < copies; written++) await handle.write(body);
  } finally {
    await handle.close();
  }
  const actual = (await stat(path)).size;
  if (actual !== size) throw new Error(`${path}: wrote ${actual} bytes, expected ${size}`);
  return size;
}

/**
 * Split the sample's rows into `count` files (each with the sample's header) under one capture folder,
 * and write the same rows as one file under `single`, unless they are there already.
 */
async function makeManyFiles(sample: string, many: string, single: string, count: number): Promise<void> {
  const lines = readFileSync(sample).toString("latin1").split("\n");
  const header = lines.filter((line) => line.startsWith("#")).join("\n");
  const rows = lines.filter((line) => line !== "" && !line.startsWith("#"));
  const folder = join(many, "CTU-IoT-Malware-Capture-34-1", "bro");
  const last = join(folder, `part-${String(count - 1).padStart(5, "0")}.conn.log.labeled`);
  if (!existsSync(last)) {
    await rm(many, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const share = Math.ceil(rows.length / count);
    for (let index = 0; index < count; index++) {
      const part = rows.slice(index * share, (index + 1) * share);
      const name = `part-${String(index).padStart(5, "0")}.conn.log.labeled`;
      await writeFile(join(folder, name), `${[header, ...part].join("\n")}\n`, "latin1");
    }
  }
  const whole = join(single, "CTU-IoT-Malware-Capture-34-1", CONN_LOG);
  if (!existsSync(whole)) {
    await mkdir(dirname(whole), { recursive: true });
    await writeFile(whole, `${[header, ...rows].join("\n")}\n`, "latin1");
  }
}

/** Run a command, measuring wall time and the peak RSS of the process. */
function measure(command: string[], cwd: string): Promise<Run> {
  const timed = existsSync("/usr/bin/time");
  const argv = timed ? ["/usr/bin/time", "-v", ...command] : command;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let polled = 0;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        polled = Math.max(polled, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      } catch {
        // gone, or no /proc
      }
    }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`${command.join(" ")} exited with ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      const reported = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      resolve({ seconds, peakRssMb: reported ? Number(reported) / 1024 : polled, stderr });
    });
  });
}

export async function buildDataBenchmark(options: { repoRoot: string; quick?: boolean }): Promise<Figure[]> {
  const { repoRoot, quick } = options;
  const sample = join(repoRoot, "..", "shared", "datasets", "raw", ...SAMPLE);
  if (!existsSync(sample)) {
    process.stderr.write(`build-data: skipped (${sample} not found)\n`);
    return [];
  }
  const work = join(repoRoot, "bench", ".work", "build-data");
  // Measure what `pnpm build-data` runs: the built CLI (build it first; turbo caches the build).
  execFileSync(
    join(repoRoot, "node_modules", ".bin", "turbo"),
    ["run", "build", "--filter=@sv/build-data...", "--output-logs=errors-only"],
    {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const cli = (root: string, workers: number) => [
    process.execPath,
    join("apps", "build-data", "dist", "bin.js"),
    "--only",
    "iot23",
    "--iot23",
    root,
    "--out",
    join(work, "out"),
    "--workers",
    String(workers),
  ];
  const figures: Figure[] = [];
  const note = "built CLI wall time incl. startup and all outputs; file = 34-1 sample rows repeated";
  const sizes: [string, number, number][] = quick
    ? [["60mb", 20, 1]]
    : [
        ["600mb", 200, 5],
        ["3gb", 1000, 3],
      ];
  for (const [name, copies, repetitions] of sizes) {
    const root = join(work, name);
    const file = join(root, "CTU-IoT-Malware-Capture-34-1", CONN_LOG);
    process.stderr.write(`build-data: generating ${file}...\n`);
    const bytes = await makeConnLog(sample, file, copies);
    const megabytes = bytes / 1e6;
    const cliRate: number[] = [];
    const readRate: number[] = [];
    const rss: number[] = [];
    const awkRate: number[] = [];
    const contextRate: number[] = [];
    const contextRss: number[] = [];
    for (let repetition = 0; repetition < repetitions; repetition++) {
      // --context 10: per-file host rings (bounded by K × --context-max-hosts) on top of the same pass.
      const withContext = await measure(
        [...cli(root, 1), "--context", "10", "--context-split-strategy", "time", "--allow-incomplete"],
        repoRoot,
      );
      contextRate.push(megabytes / withContext.seconds);
      contextRss.push(withContext.peakRssMb);
      const run = await measure(cli(root, 1), repoRoot);
      cliRate.push(megabytes / run.seconds);
      rss.push(run.peakRssMb);
      const progress = /rows, \d+ skipped, (\d+) MB\/s/.exec(run.stderr)?.[1];
      if (progress) readRate.push(Number(progress));
      awkRate.push(megabytes / (await measure(["awk", "-F\t", "{c[$NF]++}", file], repoRoot)).seconds);
    }
    const context = `${name}: ${Math.round(megabytes)} MB, ${copies} × ${SAMPLE_BYTES} B sample rows`;
    figures.push(
      figure({
        name: `build_data.${name}.cli_mb_per_s`,
        unit: "MB/s",
        better: "higher",
        samples: cliRate,
        note: `${context}; ${note}`,
      }),
      figure({
        name: `build_data.${name}.read_mb_per_s`,
        unit: "MB/s",
        better: "higher",
        samples: readRate,
        note: "read+sample phase, from the CLI's progress line",
      }),
      figure({
        name: `build_data.${name}.peak_rss`,
        unit: "MB",
        better: "lower",
        samples: rss,
        note: "whole CLI process",
      }),
      figure({
        name: `build_data.${name}.context_10.cli_mb_per_s`,
        unit: "MB/s",
        better: "higher",
        samples: contextRate,
        note: "--context 10 --context-split-strategy time, same file",
      }),
      figure({
        name: `build_data.${name}.context_10.peak_rss`,
        unit: "MB",
        better: "lower",
        samples: contextRss,
        note: "whole CLI process with --context 10 (default --context-max-hosts 10000)",
      }),
      figure({
        name: `build_data.${name}.awk_mb_per_s`,
        unit: "MB/s",
        better: "higher",
        samples: awkRate,
        note: "awk -F'\\t' '{c[$NF]++}' on the same file",
      }),
    );
    if (name === "3gb") await rm(root, { recursive: true, force: true });
  }

  // Two files (hard links to the smaller file, under two scenario names): 1 worker vs 2 workers.
  const [single, , singleRepetitions] = sizes[0]!;
  const two = join(work, `two-${single}`);
  for (const scenario of ["CTU-IoT-Malware-Capture-34-1", "CTU-IoT-Malware-Capture-34-2"]) {
    const target = join(two, scenario, CONN_LOG);
    if (existsSync(target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await link(join(work, single, "CTU-IoT-Malware-Capture-34-1", CONN_LOG), target);
  }
  const workerCounts = [1, Math.min(2, availableParallelism())];
  for (const workers of workerCounts) {
    const seconds: number[] = [];
    const rss: number[] = [];
    for (let repetition = 0; repetition < singleRepetitions; repetition++) {
      const run = await measure(cli(two, workers), repoRoot);
      seconds.push(run.seconds);
      rss.push(run.peakRssMb);
    }
    const label = `build_data.two_files_${single}.workers_${workers}`;
    figures.push(
      figure({
        name: `${label}.seconds`,
        unit: "s",
        better: "lower",
        samples: seconds,
        note: `2 × ${single}, --workers ${workers}, CLI wall time`,
      }),
      figure({
        name: `${label}.peak_rss`,
        unit: "MB",
        better: "lower",
        samples: rss,
        note: "whole CLI process (all threads)",
      }),
    );
  }

  // Many small files: the cost of a file should be its bytes, not a fixed start-up per file.
  const count = 2000;
  const many = join(work, `many-${count}`);
  const asOne = join(work, `many-${count}-as-one`);
  await makeManyFiles(sample, many, asOne, count);
  for (const [label, root] of [
    [`many_files_${count}`, many],
    [`many_files_${count}.same_rows_one_file`, asOne],
  ] as const) {
    const seconds: number[] = [];
    for (let repetition = 0; repetition < (quick ? 1 : 3); repetition++)
      seconds.push((await measure(cli(root, 1), repoRoot)).seconds);
    figures.push(
      figure({
        name: `build_data.${label}.seconds`,
        unit: "s",
        better: "lower",
        samples: seconds,
        note: `the 34-1 sample's ${SAMPLE_BYTES} B of rows ${root === many ? `split into ${count} files` : "in one file"}, --workers 1, CLI wall time`,
      }),
    );
  }
  await rm(join(work, "out"), { recursive: true, force: true });
  return figures;
}
