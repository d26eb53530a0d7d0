import { Worker } from "node:worker_threads";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { createReadStream } = require("node:fs");
const hash = createHash("sha256");
let bytes = 0;
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on("data", (chunk) => { bytes += chunk.length; hash.update(chunk); })
  .on("error", (error) => parentPort.postMessage({ error: String(error && error.message) }))
  .on("end", () => parentPort.postMessage({ sha256: hash.digest("hex"), bytes }));
`;

/** Size and SHA-256 of a file's bytes, computed on a worker thread so it overlaps the parse on the main one. */
export function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
    worker.once("message", (message: { sha256?: string; bytes?: number; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined || message.sha256 === undefined)
        reject(new Error(`cannot hash ${path}: ${message.error}`));
      else resolve({ sha256: message.sha256, bytes: message.bytes ?? 0 });
    });
    worker.once("error", reject);
  });
}
