/** Sending a CSV import as the import page does: one request, and its streamed events. */
import type { Role } from '@/lib/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { withTenant } from '@/db/tenant';
import {
  encodeImport,
  importBody,
  IMPORT_CONTENT_TYPE,
  readEvents,
  type ImportBody,
  type ImportEvent,
} from '@/lib/imports/wire';
import type { MeasurementInput } from '@/lib/validation/measurements';
import { postImport } from '@/server/api/imports';
import { sessionOf, type TestOrg } from './harness';
import { measurement } from './measurement-factories';

export interface ImportAnswer {
  status: number;
  /** The streamed events (an empty list when the request was refused outright). */
  events: ImportEvent[];
  /** The last event, or the JSON error of a refused request. */
  last:
    | ImportEvent
    | { error?: { code: string; message: string; fields?: Record<string, string[]> } }
    | undefined;
}

/**
 * Posts `body` (an import as objects, sent as the page sends it: lines of JSON; or raw text) as
 * `userId` to the organization `slug`, from http://test.local.
 */
export async function sendImport(
  db: Db,
  userId: string | null,
  slug: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ImportAnswer> {
  const request = new Request(`http://test.local/api/imports?org=${encodeURIComponent(slug)}`, {
    method: 'POST',
    headers: { 'content-type': IMPORT_CONTENT_TYPE, ...headers },
    body: typeof body === 'string' ? body : encodeImport(body as ImportBody),
  });
  const response = await postImport(db, userId ? await sessionOf(db, userId) : null, request);
  if (response.headers.get('content-type')?.startsWith('application/x-ndjson') && response.body) {
    const events: ImportEvent[] = [];
    for await (const event of readEvents(response.body)) events.push(event);
    return { status: response.status, events, last: events.at(-1) };
  }
  return {
    status: response.status,
    events: [],
    last: (await response.json()) as ImportAnswer['last'],
  };
}

/** Imports `rows` into the test organization as `by` (default: the owner). */
export function importAs(
  db: Db,
  t: TestOrg,
  rows: { row: number; values: MeasurementInput }[],
  by: Role = 'owner',
  fileName = 'weeks.csv',
) {
  return sendImport(db, t.users[by].id, t.org.slug, importBody(fileName, rows));
}

/** `n` consecutive weekly rows for a stream, starting Monday 2024-01-01, numbered from line 2. */
export function weeks(
  streamId: string,
  n: number,
  overrides: (i: number) => Partial<MeasurementInput> = () => ({}),
) {
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.UTC(2024, 0, 1 + 7 * i));
    const end = new Date(start.getTime() + 6 * 86_400_000);
    const values = measurement(streamId, {
      periodStart: start.toISOString().slice(0, 10),
      periodEnd: end.toISOString().slice(0, 10),
      leadTimeSeconds: 36_000 + i,
      ...overrides(i),
    });
    return { row: i + 2, values };
  });
}

/** `n` rows for a stream: a thousand steps a week, weeks from Monday 2001-01-01; line numbers from 2. */
export function manyRows(
  streamId: string,
  n: number,
  overrides: (i: number) => Partial<MeasurementInput> = () => ({}),
) {
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.UTC(2001, 0, 1 + 7 * Math.floor(i / 1000)));
    const values = measurement(streamId, {
      stepName: `Step ${i % 1000}`,
      periodStart: start.toISOString().slice(0, 10),
      periodEnd: new Date(start.getTime() + 6 * 86_400_000).toISOString().slice(0, 10),
      leadTimeSeconds: 36_000 + i,
      ...overrides(i),
    });
    return { row: i + 2, values };
  });
}

/** How many measurements the stream holds (the list stops at a thousand). */
export async function countStored(db: Db, t: TestOrg, streamId: string): Promise<number> {
  const [r] = await withTenant(db, { orgId: t.org.id }, (tx) =>
    rowsOf<{ n: number }>(
      tx,
      sql`select count(*)::int as n from measurements where stream_id = ${streamId}`,
    ),
  );
  return r?.n ?? 0;
}

/** The counts of a `done` event, or a readable failure. */
export function countsOf(answer: ImportAnswer) {
  const last = answer.last;
  if (!last || !('type' in last) || last.type !== 'done')
    throw new Error(
      `The import did not finish: ${answer.status} ${JSON.stringify(last).slice(0, 500)}`,
    );
  return {
    added: last.added,
    replaced: last.replaced,
    skipped: last.skipped,
    totalRows: last.totalRows,
  };
}
