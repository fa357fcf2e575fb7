/**
 * Set-based measurement writes for CSV imports and the API: many rows in a few statements,
 * so that ingestion runs near COPY's speed instead of one ORM insert per row.
 */
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { measurementImportRows, measurements, valueStreams } from '../schema';
import type { MeasurementSource } from '../schema/measurements';

/** The columns a sender supplies, in staging-table order (everything but bookkeeping). */
const payloadKeys = [
  'streamId',
  'stepName',
  'periodStart',
  'periodEnd',
  'leadTimeSeconds',
  'processTimeSeconds',
  'waitTimeSeconds',
  'throughput',
  'wip',
  'pctCompleteAccurate',
  'defects',
  'cost',
  'customerSatisfaction',
  'wasteDefectsHours',
  'wasteOverproductionHours',
  'wasteWaitingHours',
  'wasteNonUtilizedTalentHours',
  'wasteTransportationHours',
  'wasteInventoryHours',
  'wasteMotionHours',
  'wasteExtraProcessingHours',
  'method',
  'sampleSize',
  'note',
  'importKey',
] as const satisfies readonly (keyof typeof measurements.$inferInsert & keyof typeof measurementImportRows.$inferInsert)[];

export type PayloadKey = (typeof payloadKeys)[number];
/** One row to ingest: the sender's payload plus its row number (the file's line, or the batch index). */
export type IngestRow = { row: number } & { [K in PayloadKey]: (typeof measurementImportRows.$inferInsert)[K] };

const columnsOf = getTableColumns(measurements);
const col = (key: keyof typeof columnsOf): PgColumn => columnsOf[key];
const name = (key: keyof typeof columnsOf) => sql.identifier(col(key).name);
const list = (parts: Parameters<typeof sql.join>[0]) => sql.join(parts, sql`, `);

/** `jsonb_build_object('streamId', m.stream_id, …)`: the audit's snapshot, keyed like the ORM row. */
function snapshotOf(alias: string): SQL {
  const keys = Object.keys(columnsOf).filter((k) => !['orgId', 'createdAt', 'updatedAt'].includes(k)) as (keyof typeof columnsOf)[];
  return sql`jsonb_build_object(${list(keys.map((k) => sql`${k}::text, ${sql.identifier(alias)}.${name(k)}`))})`;
}

/** The record definition for `jsonb_to_recordset`: `row int, stream_id uuid, …`. */
const recordType = list([sql`"row" integer`, ...payloadKeys.map((k) => sql`${name(k)} ${sql.raw(col(k).getSQLType())}`)]);

/** A source of rows from a JSON array parameter (one parameter, however many rows). */
export function rowsFromJson(rows: IngestRow[]): SQL {
  const json = JSON.stringify(
    rows.map((r) => Object.fromEntries([['row', r.row], ...payloadKeys.map((k) => [col(k).name, r[k] ?? null])])),
  );
  return sql`select * from jsonb_to_recordset(${json}::jsonb) as x(${recordType})`;
}

/** A source of rows from an import's staging table. */
export function rowsFromStaging(params: { orgId: string; importId: string }): SQL {
  return sql`select "row", ${list(payloadKeys.map((k) => name(k)))} from ${measurementImportRows}
    where ${measurementImportRows.orgId} = ${params.orgId} and ${measurementImportRows.importId} = ${params.importId}`;
}

/** Stages validated rows of an import; a chunk sent twice overwrites itself. */
export async function stageRows(db: Db, params: { orgId: string; importId: string; rows: IngestRow[] }) {
  if (params.rows.length === 0) return;
  const target = list(['orgId', 'importId', 'row', ...payloadKeys].map((k) => sql.identifier(measurementImportRows[k as PayloadKey].name)));
  const updates = list(payloadKeys.map((k) => sql`${name(k)} = excluded.${name(k)}`));
  await db.execute(sql`insert into ${measurementImportRows} (${target})
    select ${params.orgId}::uuid, ${params.importId}::uuid, "row", ${list(payloadKeys.map((k) => name(k)))} from (${rowsFromJson(params.rows)}) s
    on conflict (org_id, import_id, "row") do update set ${updates}`);
}

export async function countStaged(db: Db, params: { orgId: string; importId: string }) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(measurementImportRows)
    .where(and(eq(measurementImportRows.orgId, params.orgId), eq(measurementImportRows.importId, params.importId)));
  return r?.n ?? 0;
}

export async function clearStaged(db: Db, params: { orgId: string; importId: string }) {
  await db.delete(measurementImportRows).where(and(eq(measurementImportRows.orgId, params.orgId), eq(measurementImportRows.importId, params.importId)));
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
  params: { orgId: string; actorId: string; source: MeasurementSource; importId?: string | null; apiTokenId?: string | null; from: SQL },
): Promise<IngestCounts> {
  const { orgId, actorId } = params;
  const provenance = { enteredBy: sql`${actorId}::uuid`, source: sql`${params.source}`, importId: sql`${params.importId ?? null}::uuid`, apiTokenId: sql`${params.apiTokenId ?? null}::uuid` };
  const provenanceKeys = Object.keys(provenance) as (keyof typeof provenance)[];
  const sets = list([
    ...payloadKeys.filter((k) => k !== 'streamId').map((k) => sql`${name(k)} = k.${name(k)}`),
    ...provenanceKeys.map((k) => sql`${name(k)} = ${provenance[k]}`),
    sql`updated_at = now()`,
  ]);
  const [counts] = await rowsOf<{ added: number; replaced: number; skipped: number }>(db, sql`
    with raw as (${params.from}),
    src as (select distinct on (import_key) * from raw order by import_key, "row"),
    keyed as (
      select s.*, (seen.id is not null) as seen, m.id as existing_id
      from src s
      left join ${measurements} seen on seen.org_id = ${orgId} and seen.import_key is not null and seen.import_key = s.import_key
      left join ${measurements} m on m.org_id = ${orgId} and m.stream_id = s.stream_id and m.step_name = s.step_name
        and m.period_start = s.period_start and m.period_end = s.period_end
    ),
    before as (
      select m.id, m.stream_id, ${snapshotOf('m')} as snap from ${measurements} m
      join keyed k on k.existing_id = m.id and not k.seen where m.org_id = ${orgId}
    ),
    upd as (
      update ${measurements} m set ${sets} from keyed k
      where m.org_id = ${orgId} and m.id = k.existing_id and not k.seen
      returning m.id, ${snapshotOf('m')} as snap
    ),
    aud as (
      insert into measurement_audit (org_id, measurement_id, stream_id, action, actor_id, before, after)
      select ${orgId}::uuid, b.id, b.stream_id, 'update', ${actorId}::uuid, b.snap, u.snap from before b join upd u on u.id = b.id
    ),
    ins as (
      insert into ${measurements} (org_id, ${list(payloadKeys.map((k) => name(k)))}, ${list(provenanceKeys.map((k) => name(k)))})
      select ${orgId}::uuid, ${list(payloadKeys.map((k) => sql`k.${name(k)}`))}, ${list(provenanceKeys.map((k) => provenance[k]))}
      from keyed k where not k.seen and k.existing_id is null
      returning 1
    )
    select (select count(*)::int from ins) as added, (select count(*)::int from upd) as replaced,
      (select count(*)::int from keyed where seen) + (select count(*)::int from raw) - (select count(*)::int from src) as skipped`);
  return { added: Number(counts?.added ?? 0), replaced: Number(counts?.replaced ?? 0), skipped: Number(counts?.skipped ?? 0) };
}

/** The streams rows name, with what decides whether the actor may write to them. */
export async function findStreamsForIngest(db: Db, params: { orgId: string; ids: string[] }) {
  if (params.ids.length === 0) return [];
  return db
    .select({ id: valueStreams.id, ownerId: valueStreams.ownerId, archivedAt: valueStreams.archivedAt })
    .from(valueStreams)
    .where(and(eq(valueStreams.orgId, params.orgId), inArray(valueStreams.id, params.ids)));
}

/** The distinct streams an import's staged rows name. */
export async function stagedStreamIds(db: Db, params: { orgId: string; importId: string }) {
  const rows = await db
    .selectDistinct({ id: measurementImportRows.streamId })
    .from(measurementImportRows)
    .where(and(eq(measurementImportRows.orgId, params.orgId), eq(measurementImportRows.importId, params.importId)));
  return rows.map((r) => r.id);
}
