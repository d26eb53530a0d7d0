import { renameSync, rmSync } from "node:fs";
import Database from "libsql";
import { CREATE_INDEXES, CREATE_TABLES, FLOW_INDEX_FORMAT, type IndexedFlow } from "./flow-index-schema.js";

export interface FlowIndexWriterOptions {
  /** Where the index goes; written to `<path>.partial` and renamed on {@link FlowIndexWriter.close}. */
  path: string;
  /** Rows per transaction (default 10 000). */
  batchSize?: number;
}

/** Streams flows into a new index file. */
export interface FlowIndexWriter {
  add(flow: IndexedFlow): void;
  /**
   * Append every flow of another (closed) index file, in its insertion order: parts written in
   * parallel, one per input file, merged in file order give the same content as one sequential pass.
   */
  append(partPath: string): void;
  /** Flows added so far. */
  readonly count: number;
  /** Commit, build the indexes and move the file into place. */
  close(): void;
  /** Drop the partial file (a failed build leaves no half index behind). */
  abort(): void;
}

/**
 * Create a flow index writer: batched inserts inside transactions while the caller streams, the lookup
 * indexes built once at the end, then an atomic rename. Given the same flows in the same order the
 * content is the same (queries order by time, then file and line, never by insertion order).
 */
export function createFlowIndexWriter(options: FlowIndexWriterOptions): FlowIndexWriter {
  const partial = `${options.path}.partial`;
  rmSync(partial, { force: true });
  const database = new Database(partial);
  database.pragma("journal_mode = OFF");
  database.pragma("synchronous = OFF");
  database.exec(CREATE_TABLES);
  database.prepare("INSERT INTO index_info (key, value) VALUES ('format', ?)").run(FLOW_INDEX_FORMAT);
  const insert = database.prepare(
    `INSERT INTO flows (capture, ts, orig_h, orig_p, resp_h, resp_p, proto, hash, file, line, text)
     VALUES (@capture, @ts, @origH, @origP, @respH, @respP, @proto, @hash, @file, @line, @text)`,
  );
  const batchSize = options.batchSize ?? 10_000;
  let batch: IndexedFlow[] = [];
  let count = 0;
  const flush = database.transaction((rows: IndexedFlow[]) => {
    for (const row of rows) insert.run(row);
  });
  const flushBatch = () => {
    if (batch.length > 0) flush(batch);
    batch = [];
  };
  return {
    add(flow) {
      batch.push(flow);
      count++;
      if (batch.length >= batchSize) flushBatch();
    },
    append(partPath) {
      flushBatch();
      database.prepare("ATTACH DATABASE ? AS part").run(partPath);
      try {
        const added = database
          .prepare(
            `INSERT INTO flows (capture, ts, orig_h, orig_p, resp_h, resp_p, proto, hash, file, line, text)
             SELECT capture, ts, orig_h, orig_p, resp_h, resp_p, proto, hash, file, line, text
             FROM part.flows ORDER BY rowid`,
          )
          .run();
        count += added.changes;
      } finally {
        database.exec("DETACH DATABASE part");
      }
    },
    get count() {
      return count;
    },
    close() {
      flushBatch();
      database.exec(CREATE_INDEXES);
      database.prepare("INSERT INTO index_info (key, value) VALUES ('flows', ?)").run(String(count));
      database.close();
      renameSync(partial, options.path);
    },
    abort() {
      if (database.open) database.close();
      rmSync(partial, { force: true });
    },
  };
}
