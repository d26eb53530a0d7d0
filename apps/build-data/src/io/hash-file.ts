import { Worker } from "node:worker_threads";

// One reused buffer and blocking reads: the hash thread allocates nothing per chunk.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { openSync, readSync, closeSync } = require("node:fs");
try {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(1 << 20);
  const descriptor = openSync(workerData, "r");
  let bytes = 0;
  try {
    for (let read; (read = readSync(descriptor, buffer, 0, buffer.length, null)) > 0; bytes += read)
      hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(descriptor);
  }
  parentPort.postMessage({ sha256: hash.digest("hex"), bytes });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message), code: error && error.code });
}
`;

/**
 * Size and SHA-256 of a file's bytes, computed on a helper thread so it overlaps the parse on the
 * calling one (used for big files only: starting the thread costs ~50 ms). A failure keeps the
 * file system's `code` (e.g. `EACCES`).
 */
export function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
    worker.once("message", (message: { sha256?: string; bytes?: number; error?: string; code?: string }) => {
      void worker.terminate();
      if (message.error !== undefined || message.sha256 === undefined) {
        const error = new Error(`cannot hash ${path}: ${message.error}`) as Error & { code?: string };
        if (typeof message.code === "string") error.code = message.code;
        reject(error);
      } else resolve({ sha256: message.sha256, bytes: message.bytes ?? 0 });
    });
    worker.once("error", reject);
  });
}
