/**
 * Set-based measurement writes for CSV imports and the API: many rows in a few statements,
 * so that ingestion runs near COPY's speed instead of one ORM insert per row.
 */
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { metricFields } from '@/lib/validation/measurements';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { measurementImportChunks, measurements, valueStreams } from '../schema';
import type { MeasurementSource } from '../schema/measurements';

/** The columns a sender supplies, in staging-table order (everything but bookkeeping). */
const payloadKeys = [
  'streamId',
  'stepName',
  'periodStart',
  'periodEnd',
  ...metricFields,
  'method',
  'sampleSize',
  'note',
  'importKey',
] as const satisfies readonly (keyof typeof measurements.$inferInsert)[];

export type PayloadKey = (typeof payloadKeys)[number];
/** One row to ingest: the sender's payload plus its row number (the file's line, or the batch index). */
export type IngestRow = { row: number } & { [K in PayloadKey]-?: Exclude<(typeof measurements.$inferInsert)[K], undefined> };

const columnsOf = getTableColumns(measurements);
const col = (key: keyof typeof columnsOf): PgColumn => columnsOf[key];
const name = (key: keyof typeof columnsOf) => sql.identifier(col(key).name);
const list = (parts: Parameters<typeof sql.join>[0]) => sql.join(parts, sql`, `);

/** `jsonb_build_object('streamId', m.stream_id, …)`: the audit's snapshot, keyed like the ORM row. */
function snapshotOf(alias: string): SQL {
  const keys = Object.keys(columnsOf).filter((k) => !['orgId', 'createdAt', 'updatedAt'].includes(k)) as (keyof typeof columnsOf)[];
  return sql`jsonb_build_object(${list(keys.map((k) => sql`${k}::text, ${sql.identifier(alias)}.${name(k)}`))})`;
}

/** The columns of a source of rows, and their types: `row` (the line or batch index) first. */
const sourceColumns = [sql`"row"`, ...payloadKeys.map((k) => name(k))];
const sourceTypes = ['integer', ...payloadKeys.map((k) => col(k).getSQLType())];

/** A Postgres array literal (`{"a","b",NULL}`) of the values: numbers bare, every other element quoted. */
export function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') return String(v);
    const text = String(v);
    return /["\\]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
  });
  return `{${items.join(',')}}`;
}

/** The rows column by column, each as an array literal: one parameter per column, however many rows. */
function toColumns(rows: IngestRow[]): string[] {
  return [arrayLiteral(rows.map((r) => r.row)), ...payloadKeys.map((k) => arrayLiteral(rows.map((r) => r[k])))];
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

const chunksOf = (params: { orgId: string; importId: string }) =>
  and(eq(measurementImportChunks.orgId, params.orgId), eq(measurementImportChunks.importId, params.importId));

/** A source of rows from an import's staged chunks. */
export function rowsFromStaging(params: { orgId: string; importId: string }): SQL {
  const table = sql.identifier('measurement_import_chunks');
  return sql`select x.* from ${measurementImportChunks} cross join lateral unnest(${list(sourceColumns.map((c) => sql`${table}.${c}`))}) as x(${list(sourceColumns)})
    where ${chunksOf(params)}`;
}

/** Stages a chunk of validated rows; a chunk sent twice (same first row) overwrites itself. */
export async function stageRows(db: Db, params: { orgId: string; importId: string; rows: IngestRow[] }) {
  if (params.rows.length === 0) return;
  const firstRow = Math.min(...params.rows.map((r) => r.row));
  const streamIds = arrayLiteral([...new Set(params.rows.map((r) => r.streamId))]);
  const columns = toColumns(params.rows);
  const values = list(sourceTypes.map((type, i) => sql`${columns[i] ?? '{}'}::${sql.raw(type)}[]`));
  await db.execute(sql`insert into ${measurementImportChunks} (org_id, import_id, first_row, row_count, stream_ids, ${list(sourceColumns)})
    values (${params.orgId}, ${params.importId}, ${firstRow}, ${params.rows.length}, ${streamIds}::uuid[], ${values})
    on conflict (org_id, import_id, first_row) do update
    set row_count = excluded.row_count, stream_ids = excluded.stream_ids, ${list(sourceColumns.map((c) => sql`${c} = excluded.${c}`))}`);
}

export async function countStaged(db: Db, params: { orgId: string; importId: string }) {
  const [r] = await db
    .select({ n: sql<number>`coalesce(sum(${measurementImportChunks.rowCount}), 0)::int` })
    .from(measurementImportChunks)
    .where(chunksOf(params));
  return Number(r?.n ?? 0);
}

export async function clearStaged(db: Db, params: { orgId: string; importId: string }) {
  await db.delete(measurementImportChunks).where(chunksOf(params));
}

/** The distinct streams an import's staged rows name. */
export async function stagedStreamIds(db: Db, params: { orgId: string; importId: string }) {
  const rows = await rowsOf<{ id: string }>(db, sql`select distinct unnest(${measurementImportChunks.streamIds}) as id from ${measurementImportChunks} where ${chunksOf(params)}`);
  return rows.map((r) => r.id);
}

/** Pairs of rows in the source that name the same stream, step and period (the file contradicts itself). */
export async function duplicatePeriods(db: Db, source: SQL, limit = 20) {
  const rows = await rowsOf<{ rows: number[] }>(db, sql`select array_agg("row" order by "row") as rows from (${source}) s
    group by stream_id, step_name, period_start, period_end having count(distinct import_key) > 1 limit ${limit}`);
  return rows.map((r) => r.rows);
}

export interface IngestCounts {
  added: number;
  replaced: number;
  skipped: number;
}

/**
 * Writes the source's rows into `measurements` in one statement:
 * - a row whose `import_key` is already stored (the same row sent before) is skipped;
 * - a row for a stream, step and period already measured replaces it, and the audit keeps the before and after;
 * - any other row is added.
 * Rows repeated within the source count once. A row racing another writer for the same period
 * fails the statement (unique violation): the caller's transaction rolls back, all or nothing.
 */
export async function ingestFrom(
  db: Db,
  params: {
    orgId: string;
    actorId: string;
    source: MeasurementSource;
    importId?: string | null;
    apiTokenId?: string | null;
    from: SQL;
    streamIds: string[];
    /** How many rows the source holds, repeats included: what is not added or replaced was skipped. */
    total: number;
    /** Runs on the loaded rows before anything is written; throws to refuse them. */
    check?: (source: SQL) => Promise<void>;
  },
): Promise<IngestCounts> {
  const { orgId, actorId } = params;
  const provenance = { enteredBy: sql`${actorId}::uuid`, source: sql`${params.source}`, importId: sql`${params.importId ?? null}::uuid`, apiTokenId: sql`${params.apiTokenId ?? null}::uuid` };
  const provenanceKeys = Object.keys(provenance) as (keyof typeof provenance)[];
  const sets = list([
    ...payloadKeys.filter((k) => k !== 'streamId').map((k) => sql`${name(k)} = k.${name(k)}`),
    ...provenanceKeys.map((k) => sql`${name(k)} = ${provenance[k]}`),
    sql`updated_at = now()`,
  ]);
  // One pass over the incoming rows: repeated rows dropped, each row classified against
  // `existing` (every measurement of the streams it names, read once before anything is written,
  // hash-joined: probing an index that the statement itself grows made large imports quadratic),
  // and the result kept in a temporary table (dropped at commit) that the writes below read.
  // Hash joins whatever the statistics say; rows to replace are found by address (ctid).
  await db.execute(sql`set local work_mem = '64MB'`);
  await db.execute(sql`set local enable_nestloop = off`);
  // These statements look expensive to the planner, which would compile them (JIT) on every
  // call: 40–100 ms each, more than running them for a batch of a few thousand rows.
  await db.execute(sql`set local jit = off`);
  const columns = list(sourceColumns.map((c, i) => sql`${c} ${sql.raw(sourceTypes[i] ?? 'text')}`));
  await db.execute(sql`create temp table if not exists ingest_rows (${columns}, seen boolean, existing_id uuid, existing_tid tid) on commit drop`);
  await db.execute(sql`truncate ingest_rows`);
  await db.execute(sql`
    with existing as materialized (
      select m.ctid as tid, m.id, m.import_key, m.stream_id, m.step_name, m.period_start, m.period_end from ${measurements} m
      where m.org_id = ${orgId} and m.stream_id = any(${`{${params.streamIds.join(',')}}`}::uuid[])
    )
    insert into ingest_rows
    select s.*, (seen.id is not null), e.id, e.tid
    from (select distinct on (import_key) * from (${params.from}) r order by import_key, "row") s
    left join existing seen on seen.import_key = s.import_key
    left join existing e on e.stream_id = s.stream_id and e.step_name = s.step_name
      and e.period_start = s.period_start and e.period_end = s.period_end`);
  await params.check?.(sql`select ${list(sourceColumns)} from ingest_rows`);
  const replace = sql`
    with targets as materialized (select * from ingest_rows where not seen and existing_tid is not null),
    before as (
      select m.id, m.stream_id, ${snapshotOf('m')} as snap from ${measurements} m
      join targets k on m.ctid = k.existing_tid
      where m.ctid = any(array(select existing_tid from targets)) and m.org_id = ${orgId}
    ),
    upd as (
      update ${measurements} m set ${sets} from targets k
      where m.ctid = k.existing_tid and m.ctid = any(array(select existing_tid from targets)) and m.org_id = ${orgId}
      returning m.id, ${snapshotOf('m')} as snap
    ),
    aud as (
      insert into measurement_audit (org_id, measurement_id, stream_id, action, actor_id, before, after)
      select ${orgId}::uuid, b.id, b.stream_id, 'update', ${actorId}::uuid, b.snap, u.snap from before b join upd u on u.id = b.id
    )
    select (select count(*)::int from upd) as replaced`;
  const add = sql`
    with ins as (
      insert into ${measurements} (org_id, ${list(payloadKeys.map((k) => name(k)))}, ${list(provenanceKeys.map((k) => name(k)))})
      select ${orgId}::uuid, ${list(payloadKeys.map((k) => sql`k.${name(k)}`))}, ${list(provenanceKeys.map((k) => provenance[k]))}
      from ingest_rows k where not k.seen and k.existing_id is null
      returning 1
    )
    select count(*)::int as added from ins`;
  const [r] = await rowsOf<{ replaced: number }>(db, replace);
  const [a] = await rowsOf<{ added: number }>(db, add);
  await db.execute(sql`set local enable_nestloop to default`);
  await db.execute(sql`set local jit to default`);
  await db.execute(sql`set local work_mem to default`);
  const replaced = Number(r?.replaced ?? 0);
  const added = Number(a?.added ?? 0);
  return { added, replaced, skipped: params.total - added - replaced };
}

/** The streams rows name, with what decides whether the actor may write to them. */
export async function findStreamsForIngest(db: Db, params: { orgId: string; ids: string[] }) {
  if (params.ids.length === 0) return [];
  return db
    .select({ id: valueStreams.id, ownerId: valueStreams.ownerId, archivedAt: valueStreams.archivedAt })
    .from(valueStreams)
    .where(and(eq(valueStreams.orgId, params.orgId), inArray(valueStreams.id, params.ids)));
}
