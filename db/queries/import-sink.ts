/**
 * Where a CSV import's checked rows wait, chunk by chunk, until the whole file has passed: the
 * temporary table `import_rows` of the import's transaction (no WAL, no index, dropped at commit).
 *
 * On Postgres they are streamed in with one `COPY … FROM STDIN` that stays open while the file is
 * checked: the database parses each chunk as it arrives, while the next is checked. `COPY FROM`
 * into a temporary table is allowed under row-level security (the table has none; `measurements`
 * itself would refuse it), and it costs about half of an `insert … select unnest(…)`. The embedded
 * database (PGlite) has no `COPY FROM STDIN` through its driver: there, each chunk is one
 * `insert … select unnest(…)`.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Db } from '../client';
import { createImportRows, addImportRows, payloadKeys, type IngestRow } from './ingest';

export interface ImportSink {
  /** Adds checked rows; resolves when the sink can take more. */
  add(rows: IngestRow[]): Promise<void>;
  /** Every row is in: resolves once the database has them all. */
  finish(): Promise<void>;
  /** Gives up (the import failed or was stopped): the connection is free again when this resolves. */
  abort(): Promise<void>;
}

/** The postgres.js connection under a Drizzle transaction (postgres.js driver only), for COPY. */
interface CopyClient {
  unsafe(query: string): Promise<unknown> & { writable(): Promise<Writable> };
}

function copyClientOf(db: Db): CopyClient | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  return client &&
    typeof (client as CopyClient).unsafe === 'function' &&
    typeof (client as { savepoint?: unknown }).savepoint === 'function'
    ? (client as CopyClient)
    : null;
}

/** A value in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  const text = String(v);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** The rows as COPY text, in `import_rows`' column order (`row` first). */
export function copyLines(rows: IngestRow[]): string {
  let out = '';
  for (const r of rows) {
    out += String(r.row);
    for (const k of payloadKeys) out += `\t${copyValue(r[k])}`;
    out += '\n';
  }
  return out;
}

/**
 * When the server refuses the data only after the COPY's end was sent, postgres.js (3.4) never
 * settles the stream (its `final` waits for a completion that never comes). A query queued behind
 * the COPY then fails instead, the transaction being aborted: this rejects with that failure, and
 * never settles when the COPY succeeded (the stream's 'finish' wins the race). The query can only
 * be queued once the stream has handed its end to the connection (`finalCalled`).
 */
async function refusedAfterEnd(client: CopyClient, stream: Writable): Promise<never> {
  const state = (stream as unknown as { _writableState?: { finalCalled?: boolean } })
    ._writableState;
  if (!state || !('finalCalled' in state)) return new Promise<never>(() => {});
  while (!state.finalCalled && !stream.destroyed)
    await new Promise((resolve) => setTimeout(resolve, 5));
  if (stream.destroyed) return new Promise<never>(() => {}); // its 'error' settles the race
  await client.unsafe('select 1');
  // Succeeded: the COPY completed first, and its 'finish' has settled the race already.
  return new Promise<never>(() => {});
}

/** Opens the import's temporary table, and the fastest way into it the driver has. */
export async function openImportSink(db: Db): Promise<ImportSink> {
  await createImportRows(db);
  const client = copyClientOf(db);
  if (!client) {
    return {
      add: async (rows) => {
        if (rows.length > 0) await db.execute(addImportRows(rows));
      },
      finish: async () => {},
      abort: async () => {},
    };
  }
  const stream = await client.unsafe(`copy import_rows from stdin`).writable();
  let failure: Error | null = null;
  stream.on('error', (error: Error) => {
    failure = error;
  });
  const finished = once(stream, 'finish');
  finished.catch(() => {}); // its failure is `failure`, thrown below
  return {
    add: async (rows) => {
      if (failure) throw failure;
      if (rows.length > 0 && !stream.write(copyLines(rows)))
        await Promise.race([once(stream, 'drain'), finished]);
    },
    finish: async () => {
      if (failure) throw failure;
      stream.end();
      await Promise.race([finished, refusedAfterEnd(client, stream)]);
      if (failure) throw failure;
    },
    // COPY holds the connection until it ends: a transaction cannot roll back before that.
    abort: async () => {
      if (!stream.writableFinished && !stream.destroyed)
        stream.destroy(new Error('The import was stopped.'));
      await finished.catch(() => {});
    },
  };
}
