/**
 * Set-based measurement writes for CSV imports and the API: many rows in a few statements,
 * so that ingestion runs near COPY's speed instead of one ORM insert per row.
 */
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { metricFields } from '@/lib/validation/measurements';
import type { Db } from '../client';
import { measurements, valueStreams } from '../schema';

/** The columns a sender supplies, in staging-table order (everything but bookkeeping). */
export const payloadKeys = [
  'streamId',
  'stepName',
  'periodStart',
  'periodEnd',
  ...metricFields,
  'method',
  'sampleSize',
  'note',
] as const satisfies readonly (keyof typeof measurements.$inferInsert)[];

export type PayloadKey = (typeof payloadKeys)[number];
/** One row to ingest: the sender's payload plus its row number (the file's line, or the batch index). */
export type IngestRow = { row: number } & {
  [K in PayloadKey]-?: Exclude<(typeof measurements.$inferInsert)[K], undefined>;
};

export const columnsOf = getTableColumns(measurements);
const col = (key: keyof typeof columnsOf): PgColumn => columnsOf[key];
export const name = (key: keyof typeof columnsOf) => sql.identifier(col(key).name);
export const list = (parts: Parameters<typeof sql.join>[0]) => sql.join(parts, sql`, `);

/** The columns of a source of rows, and their types: `row` (the line or batch index) first. */
export const sourceColumns = [sql`"row"`, ...payloadKeys.map((k) => name(k))];
export const sourceTypes = ['integer', ...payloadKeys.map((k) => col(k).getSQLType())];

/** A Postgres array literal (`{"a","b",NULL}`) of the values: numbers bare, every other element quoted. */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += String(v);
    else {
      const text = String(v);
      out +=
        text.includes('"') || text.includes('\\')
          ? `"${text.replace(/["\\]/g, '\\$&')}"`
          : `"${text}"`;
    }
  }
  return `${out}}`;
}

/** The rows column by column, each as an array literal: one parameter per column, however many rows. */
function toColumns(rows: IngestRow[]): string[] {
  return [
    arrayLiteral(rows.map((r) => r.row)),
    ...payloadKeys.map((k) => arrayLiteral(rows.map((r) => r[k]))),
  ];
}

/** `unnest(c1::integer[], c2::uuid[], …) as x("row", stream_id, …)`, the i-th array given by `arrayAt(i)`. */
function unnestOf(arrayAt: (i: number) => SQL): SQL {
  return sql`unnest(${list(sourceTypes.map((type, i) => sql`${arrayAt(i)}::${sql.raw(type)}[]`))}) as x(${list(sourceColumns)})`;
}

/** A source of rows from parameters, one array per column. */
export function rowsFromArrays(rows: IngestRow[]): SQL {
  const columns = toColumns(rows);
  return sql`select * from ${unnestOf((i) => sql`${columns[i] ?? '{}'}`)}`;
}

/**
 * A CSV import's rows, checked chunk by chunk as they are read, wait in a temporary table of the
 * import's transaction (no WAL, no index, dropped at commit) until the whole file has passed; then
 * one `insert … select` moves them (`ingestFrom(importRows)`).
 */
export async function createImportRows(db: Db) {
  const columns = list(sourceColumns.map((c, i) => sql`${c} ${sql.raw(sourceTypes[i] ?? 'text')}`));
  await db.execute(sql`create temp table if not exists import_rows (${columns}) on commit drop`);
  await db.execute(sql`truncate import_rows`);
}

/** The statement that adds checked rows to the import's temporary table: built now (the costly part), run when executed. */
export function addImportRows(rows: IngestRow[]): SQL {
  const columns = toColumns(rows);
  return sql`insert into import_rows select * from ${unnestOf((i) => sql`${columns[i] ?? '{}'}`)}`;
}

/** The source of rows `createImportRows` made. */
export const importRows: SQL = sql`select * from import_rows`;

/** The streams rows name, with what decides whether the actor may write to them. */
export async function findStreamsForIngest(db: Db, params: { orgId: string; ids: string[] }) {
  if (params.ids.length === 0) return [];
  return db
    .select({
      id: valueStreams.id,
      ownerId: valueStreams.ownerId,
      archivedAt: valueStreams.archivedAt,
    })
    .from(valueStreams)
    .where(and(eq(valueStreams.orgId, params.orgId), inArray(valueStreams.id, params.ids)));
}
