/**
 * Benchmark: stream one big conn.log.labeled through the IoT-23 reader and the sampler (no output files).
 * Usage: node --conditions=@sv/source --import tsx apps/build-data/bench/read-conn-log.ts FILE
 * Measure peak RSS with /usr/bin/time -v; compare with: time awk -F'\t' '{c[$NF]++} END {for (k in c) print k, c[k]}' FILE
 */
import { stat } from "node:fs/promises";
import { readZeekConn } from "../src/readers/zeek-conn-reader.js";
import { SkipLog } from "../src/sampling/skip-log.js";
import { StratifiedSampler } from "../src/sampling/stratified-sampler.js";

const path = process.argv[2];
if (!path) throw new Error("usage: read-conn-log.ts FILE");
const { size } = await stat(path);
const sampler = new StratifiedSampler({ capacity: 961 });
const skips = new SkipLog();
const started = performance.now();
const report = await readZeekConn({ path, displayName: path, seed: 42, sampler, skips });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${report.rows} rows, ${(size / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s = ${(size / 1e6 / seconds).toFixed(0)} MB/s; ` +
    `rss now ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB; strata ${sampler
      .all()
      .map((stratum) => `${stratum.label}:${stratum.reservoir.size}`)
      .join(" ")}\n`,
);
