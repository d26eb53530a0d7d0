/**
 * Worker-thread entry: reads the files it is sent with {@link readFileSample} and posts each result
 * back. Started by `spawnSampleWorker`; not part of the public API.
 */
import { parentPort } from "node:worker_threads";
import { type FileSampleJob, readFileSample } from "./read-file-sample.js";
import { type SampleWorkerReply, toWorkerError } from "./sample-worker-messages.js";

const port = parentPort;
if (port === null) throw new Error("sample-worker.ts must run on a worker thread");
port.on("message", (message: { index: number; job: FileSampleJob }) => {
  readFileSample(message.job).then(
    (result) => port.postMessage({ index: message.index, result } satisfies SampleWorkerReply),
    (error: unknown) =>
      port.postMessage({ index: message.index, error: toWorkerError(error) } satisfies SampleWorkerReply),
  );
});
