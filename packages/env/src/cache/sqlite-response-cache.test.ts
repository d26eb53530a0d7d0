import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteResponseCache } from "./sqlite-response-cache.js";

const folders: string[] = [];
const databasePath = () => {
  const folder = mkdtempSync(join(tmpdir(), "sv-cache-"));
  folders.push(folder);
  return join(folder, "nested", "responses.sqlite");
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("openSqliteResponseCache", () => {
  it("keeps replies across connections (two processes share one file), the first reply winning", () => {
    const path = databasePath();
    const writer = openSqliteResponseCache({ path, now: () => Date.UTC(2026, 0, 2) });
    const reader = openSqliteResponseCache({ path });
    const info = { modelId: "m", endpoint: "http://127.0.0.1:1/v1" };
    writer.set("k1", { text: "first", usage: { inputTokens: 3, outputTokens: null } }, info);
    reader.set("k1", { text: "second" }, info);
    expect(reader.get("k1")).toEqual({ text: "first", usage: { inputTokens: 3, outputTokens: null } });
    expect(reader.get("missing")).toBeUndefined();
    writer.set("k2", { text: "x" }, { modelId: "other", endpoint: "e" });
    const stats = reader.stats();
    expect(stats).toMatchObject({ entries: 2, oldest: "2026-01-02T00:00:00.000Z" });
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.byModel).toEqual([
      { modelId: "m", endpoint: "http://127.0.0.1:1/v1", entries: 1 },
      { modelId: "other", endpoint: "e", entries: 1 },
    ]);
    expect(reader.clear({ modelId: "other" })).toBe(1);
    expect(writer.clear()).toBe(1);
    expect(reader.stats()).toMatchObject({ entries: 0, oldest: null, newest: null });
    writer.close();
    reader.close();
  });

  it("uses write-ahead logging and a busy timeout, so concurrent writers wait instead of failing", () => {
    const path = databasePath();
    const cache = openSqliteResponseCache({ path, busyTimeoutMs: 2500 });
    cache.set("k", { text: "t" }, { modelId: "m", endpoint: "e" });
    const raw = new Database(path);
    // journal_mode is a property of the file, so a second connection sees the cache's choice.
    const mode = raw.prepare("PRAGMA journal_mode").get() as { journal_mode: string };
    expect(mode.journal_mode).toBe("wal");
    raw.close();
    cache.close();
  });

  it("fails with one error naming the file when it cannot be opened", () => {
    const blocker = databasePath().replace("nested", "file");
    mkdirSync(dirname(blocker), { recursive: true });
    writeFileSync(join(dirname(blocker), "plain"), "not a folder");
    const path = join(dirname(blocker), "plain", "responses.sqlite");
    expect(() => openSqliteResponseCache({ path })).toThrow(`cannot open the response cache ${path}`);
  });

  it("drops a damaged entry on read, so the next reply is stored in its place", () => {
    const path = databasePath();
    const cache = openSqliteResponseCache({ path });
    const info = { modelId: "m", endpoint: "e" };
    cache.set("bad", { text: "t" }, info);
    cache.set("shape", { text: "t" }, info);
    const raw = new Database(path);
    raw.prepare("UPDATE responses SET reply = ? WHERE key = ?").run("{not json", "bad");
    raw.prepare("UPDATE responses SET reply = ? WHERE key = ?").run('{"usage": {}}', "shape");
    raw.close();
    expect(cache.get("bad")).toBeUndefined();
    expect(cache.get("shape")).toBeUndefined();
    cache.set("bad", { text: "fresh" }, info);
    cache.set("shape", { text: "fresh too" }, info);
    expect(cache.get("bad")).toEqual({ text: "fresh" });
    expect(cache.get("shape")).toEqual({ text: "fresh too" });
    cache.close();
  });
});
