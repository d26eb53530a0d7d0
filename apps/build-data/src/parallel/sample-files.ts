import { statSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { type FileSampleJob, type FileSampleResult, readFileSample } from "./read-file-sample.js";
import { replyError, type SampleWorkerReply } from "./sample-worker-messages.js";
import { spawnSampleWorker } from "./spawn-sample-worker.js";

export interface SampleFilesOptions {
  jobs: readonly FileSampleJob[];
  /**
   * Threads reading files, the calling thread included (capped at the number of jobs): 1 reads every
   * file on the calling thread, N also starts N - 1 worker threads.
   */
  workers: number;
  /**
   * Input bytes each thread should have before another is started (default 64 MB): starting a worker
   * costs ~0.1 s built and ~1 s under tsx, more than small files take to read.
   */
  minBytesPerWorker?: number;
  /** Called once per job, always in job order, whichever thread finished first. */
  onResult: (result: FileSampleResult, index: number) => void;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Run jobs on a worker thread, one at a time. */
function workerRunner(worker: Worker): (index: number, job: FileSampleJob) => Promise<FileSampleResult> {
  return (index, job) =>
    new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`a sample worker stopped (exit code ${code})`));
      const onMessage = (reply: SampleWorkerReply) => {
        if (reply.index !== index) return;
        worker.off("message", onMessage).off("error", reject).off("exit", onExit);
        if ("error" in reply) reject(replyError(reply.error));
        else resolve(reply.result);
      };
      worker.on("message", onMessage).on("error", reject).on("exit", onExit);
      worker.postMessage({ index, job });
    });
}

/**
 * Read every file into its own sample, each whole file on one thread (the calling thread plus a pool of
 * worker threads; the biggest files are handed out first), and hand the results over in job order.
 */
export async function sampleFiles(options: SampleFilesOptions): Promise<void> {
  const { jobs, onResult } = options;
  const wanted = Math.min(Math.floor(options.workers), jobs.length);
  const sizes = jobs.map((job) => (wanted > 1 ? sizeOf(job.file.path) : 0));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const perWorker = options.minBytesPerWorker ?? 64e6;
  const count = Math.max(1, Math.min(wanted, perWorker > 0 ? Math.floor(total / perWorker) : wanted));
  const order = jobs
    .map((_job, index) => index)
    .sort((left, right) => sizes[right]! - sizes[left]! || left - right);
  const waiting = new Map<number, FileSampleResult>();
  let next = 0;
  let delivered = 0;
  const runLoop = async (run: (index: number, job: FileSampleJob) => Promise<FileSampleResult>) => {
    for (let index = order[next++]; index !== undefined; index = order[next++]) {
      waiting.set(index, await run(index, jobs[index]!));
      for (let ready = waiting.get(delivered); ready !== undefined; ready = waiting.get(delivered)) {
        waiting.delete(delivered);
        onResult(ready, delivered++);
      }
    }
  };
  const workers = Array.from({ length: count - 1 }, () => spawnSampleWorker());
  try {
    await Promise.all([
      runLoop((_index, job) => readFileSample(job)),
      ...workers.map((worker) => runLoop(workerRunner(worker))),
    ]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
