import * as fs from "node:fs";
import * as fsPromises from "node:fs/promises";

/**
 * The file-system calls that write a run folder. Passed through options so a test can make writes fail
 * (a full disk after N bytes, EIO) without filling a real disk; {@link nodeRunFs} is the real one.
 */
export interface RunFs {
  openSync(path: string, flags: string): number;
  /** Writes bytes at `position` (or the file position when null); returns how many were written. */
  writeSync(
    descriptor: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): number;
  readSync(descriptor: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  ftruncateSync(descriptor: number, length: number): void;
  fsyncSync(descriptor: number): void;
  fstatSync(descriptor: number): { size: number };
  closeSync(descriptor: number): void;
  writeFile(path: string, contents: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
}

/** The real file system. */
export const nodeRunFs: RunFs = {
  openSync: (path, flags) => fs.openSync(path, flags),
  writeSync: (descriptor, buffer, offset, length, position) =>
    fs.writeSync(descriptor, buffer, offset, length, position),
  readSync: (descriptor, buffer, offset, length, position) =>
    fs.readSync(descriptor, buffer, offset, length, position),
  ftruncateSync: (descriptor, length) => fs.ftruncateSync(descriptor, length),
  fsyncSync: (descriptor) => fs.fsyncSync(descriptor),
  fstatSync: (descriptor) => fs.fstatSync(descriptor),
  closeSync: (descriptor) => fs.closeSync(descriptor),
  writeFile: (path, contents) => fsPromises.writeFile(path, contents, "utf8"),
  rename: (from, to) => fsPromises.rename(from, to),
  rm: (path) => fsPromises.rm(path, { force: true }),
};

/** Write all of `buffer` at `position` (null: append), looping over short writes. */
export function writeFully(
  runFs: RunFs,
  descriptor: number,
  buffer: Uint8Array,
  position: number | null,
): void {
  let offset = 0;
  while (offset < buffer.length) {
    const written = runFs.writeSync(
      descriptor,
      buffer,
      offset,
      buffer.length - offset,
      position === null ? null : position + offset,
    );
    if (written <= 0) throw Object.assign(new Error("write made no progress"), { code: "EIO" });
    offset += written;
  }
}
