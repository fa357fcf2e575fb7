/**
 * CSV imports: the browser parses and checks the file, then sends its rows in one request; they
 * are checked again here chunk by chunk (each chunk set aside in a temporary table while the next
 * is checked) and, when every row has passed, saved in one statement: all or nothing, in one
 * transaction. See docs/measurements.md and decision 0011.
 */
import type { SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { openImportSink } from '@/db/queries/import-sink';
import { importRows, type IngestRow } from '@/db/queries/ingest';
import { ingestFrom, repeatedPeriodRows } from '@/db/queries/ingest-write';
import { insertImport, latestImports, setImportCounts } from '@/db/queries/imports';
import { uuidPattern } from '@/lib/csv/cells';
import { rowValues, type ImportColumn } from '@/lib/imports/wire';
import { AppError } from '../errors';
import {
  MAX_IMPORT_ROWS,
  streamErrors,
  validateRows,
  type RowError,
  type StreamsSeen,
} from './ingest';
import type { Actor } from './members';

/** Rows checked at a time: the database stores one chunk while the next is checked. */
const CHUNK = 5_000;
/** The most errors an answer lists (it counts them all). */
const MAX_ERRORS = 1_000;
/** Rows checked between two turns of the event loop. */
const SLICE = 1_000;

export interface ImportProgress {
  /** After each chunk: how many rows are checked so far. */
  onProgress?: (checked: number) => void;
  /** Every row passed; the save begins. */
  onSaving?: () => void;
  /** Stops the import (the person left the page): the transaction rolls back. */
  signal?: AbortSignal;
}

/** The rows of an import, read a slice at a time (server/api/import-body.ts reads them from bytes). */
export interface ImportRowSource {
  readonly total: number;
  /** Rows `from` to `to` (exclusive): each `[line, value, …]`, or anything else when malformed. */
  slice(from: number, to: number): unknown[];
}

export interface ImportInput {
  fileName: string;
  columns: ImportColumn[];
  /** Every stream the rows name, looked up before the rows are taken; others are unknown. */
  streamIds: string[];
  rows: ImportRowSource;
}

export interface ImportResult {
  importId: string;
  added: number;
  replaced: number;
  skipped: number;
  totalRows: number;
}

/** Some rows were refused: nothing is saved (thrown, so that the transaction rolls back). */
export class RowsRefused extends Error {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super(`${errorCount} rows refused`);
    this.name = 'RowsRefused';
  }
}

/** Lets the event loop write what is queued (a query just issued) before the next long stretch of work. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks every row, as the form would and for the streams the actor may write, then saves them
 * all or none. Rows already stored with the same numbers are skipped; rows with other numbers for
 * a stored period replace it, audited. Runs inside the caller's tenant transaction; throws
 * `RowsRefused` (with every row's errors, the first thousand listed) when any row is refused.
 *
 * The checking overlaps the database: while one chunk is added to a temporary table, the next is
 * checked. Rows are not kept once added, so the memory held is the request's body and a chunk.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  body: ImportInput,
  progress: ImportProgress = {},
): Promise<ImportResult> {
  const total = body.rows.total;
  if (total === 0) throw new AppError('BAD_REQUEST', 'The file has no rows to import.', 'rows');
  if (total > MAX_IMPORT_ROWS)
    throw new AppError(
      'BAD_REQUEST',
      `Import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows at once.`,
      'rows',
    );
  const errors: RowError[] = [];
  let errorCount = 0;
  const refuse = (found: RowError[]) => {
    errorCount += found.length;
    if (errors.length < MAX_ERRORS) errors.push(...found.slice(0, MAX_ERRORS - errors.length));
  };
  // Every stream the file names, looked up once: the connection is then busy taking the rows.
  const streams: StreamsSeen = new Map();
  const named = body.streamIds.filter((id) => uuidPattern.test(id));
  await streamErrors(
    db,
    actor,
    named.map((streamId) => ({ row: 0, streamId })),
    streams,
  );
  const sink = await openImportSink(db);
  try {
    const today = new Date();
    for (let start = 0; start < total; start += CHUNK) {
      progress.signal?.throwIfAborted();
      // Checked a slice at a time, letting the event loop go on sending the chunk before (a few MB).
      const checked: IngestRow[] = [];
      for (let from = start; from < Math.min(total, start + CHUNK); from += SLICE) {
        const input: { row: number; values: unknown }[] = [];
        const to = Math.min(total, from + SLICE, start + CHUNK);
        const raws = body.rows.slice(from, to);
        for (let i = from; i < to; i++) {
          const raw = raws[i - from];
          if (Array.isArray(raw))
            input.push({
              row: Number.isSafeInteger(raw[0]) ? (raw[0] as number) : i + 2,
              values: rowValues(body.columns, raw),
            });
          else refuse([{ row: i + 2, field: 'row', message: 'This row is not a list of values.' }]);
        }
        const slice = validateRows(input, today);
        refuse(slice.errors);
        refuse(await streamErrors(db, actor, slice.rows, streams, { lookUp: false })); // no query: the connection is copying
        for (const r of slice.rows) checked.push(r);
        await yieldToIo();
      }
      // Once a row is refused nothing will be saved: the rest are only checked, for their errors.
      if (errorCount === 0) await sink.add(checked);
      progress.onProgress?.(Math.min(total, start + CHUNK));
    }
    await sink.finish();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  if (errorCount > 0)
    throw new RowsRefused(
      errors.sort((a, b) => a.row - b.row),
      errorCount,
    );
  progress.signal?.throwIfAborted();
  progress.onSaving?.();
  await yieldToIo(); // the embedded database runs on this thread: let "saving" reach the page first
  const importId = await insertImport(db, {
    orgId: actor.orgId,
    createdBy: actor.userId,
    fileName: body.fileName,
    totalRows: total,
  });
  const counts = await ingestFrom(db, {
    orgId: actor.orgId,
    actorId: actor.userId,
    source: 'csv',
    importId,
    from: importRows,
    streamIds: [...streams.keys()],
    total,
    check: refuseRepeats(db),
  });
  await setImportCounts(db, { orgId: actor.orgId, id: importId, ...counts });
  return { importId, ...counts, totalRows: total };
}

/**
 * Rows of the file that give other numbers for the same stream, step and period: checked only
 * when some rows meet stored periods or each other (the save's unique index says so).
 */
function refuseRepeats(db: Db) {
  return async (source: SQL) => {
    const groups = await repeatedPeriodRows(db, source, MAX_ERRORS);
    if (groups.length === 0) return;
    const errors = groups.flatMap(([first, ...others]) =>
      others.map((row) => ({
        row,
        field: 'periodStart',
        message: `Row ${first} has other numbers for the same stream, step and period.`,
      })),
    );
    throw new RowsRefused(errors, errors.length);
  };
}

/** The organization's latest imports, newest first. */
export function listImports(db: Db, actor: Actor) {
  return latestImports(db, actor.orgId);
}
