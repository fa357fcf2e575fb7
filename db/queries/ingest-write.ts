/**
 * Writing many measurements at once (CSV imports and the API's batches): new rows in one
 * `insert … select`; rows that meet stored periods skipped or replaced, audited.
 */
import type { MeasurementSource } from '@/lib/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { affectedRows, rowsOf } from '../rows';
import { measurements } from '../schema';
import { columnsOf, list, name, payloadKeys, sourceColumns, sourceTypes } from './ingest';

/** `jsonb_build_object('streamId', m.stream_id, …)`: the audit's snapshot, keyed like the ORM row. */
function snapshotOf(alias: string): SQL {
  const keys = Object.keys(columnsOf).filter(
    (k) => !['orgId', 'createdAt', 'updatedAt'].includes(k),
  ) as (keyof typeof columnsOf)[];
  return sql`jsonb_build_object(${list(keys.map((k) => sql`${k}::text, ${sql.identifier(alias)}.${name(k)}`))})`;
}

/** The columns that key a measurement: one per stream, step and period. */
const periodKey = sql`stream_id, step_name, period_start, period_end`;
/** Everything else a sender supplies, as one row value (`(lead_time_seconds, …, note)`). */
const payloadOf = (alias: string) =>
  sql`(${list(payloadKeys.filter((k) => !['streamId', 'stepName', 'periodStart', 'periodEnd'].includes(k)).map((k) => sql`${sql.identifier(alias)}.${name(k)}`))})`;

/** Groups of rows in the source that name the same stream, step and period with other numbers (the sender contradicts itself). */
export async function repeatedPeriodRows(db: Db, source: SQL, limit = 1000) {
  const rows = await rowsOf<{ rows: number[] }>(
    db,
    sql`select array_agg(s."row" order by s."row") as rows from (${source}) s
    group by ${periodKey} having count(distinct ${payloadOf('s')}) > 1 order by min(s."row") limit ${limit}`,
  );
  return rows.map((r) => r.rows);
}

export interface IngestCounts {
  added: number;
  replaced: number;
  skipped: number;
}

interface IngestParams {
  orgId: string;
  actorId: string;
  source: MeasurementSource;
  importId?: string | null;
  apiTokenId?: string | null;
  from: SQL;
  streamIds: string[];
  /** How many rows the source holds, repeats included: what is not added or replaced was skipped. */
  total: number;
  /** Runs on the source's rows before they are classified (when some meet stored periods or each other); throws to refuse them. */
  check?: (source: SQL) => Promise<void>;
}

/** The provenance columns every ingested row gets, with their values. */
function provenanceOf(params: IngestParams) {
  return {
    enteredBy: sql`${params.actorId}::uuid`,
    source: sql`${params.source}`,
    importId: sql`${params.importId ?? null}::uuid`,
    apiTokenId: sql`${params.apiTokenId ?? null}::uuid`,
  };
}

/** A unique violation of `measurements_period_key`: some row meets a stored period, or another row of the source. */
function isPeriodClash(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ('code' in e && e.code === '23505') {
      const constraint =
        ('constraint_name' in e && e.constraint_name) || ('constraint' in e && e.constraint);
      return constraint === 'measurements_period_key';
    }
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

/**
 * Writes the source's rows into `measurements`:
 * - a row for a stream, step and period already stored with the same numbers is skipped (the
 *   same row sent again: a re-imported file, a retried batch);
 * - a row for a period stored with other numbers replaces it, and the audit keeps the before and after;
 * - any other row is added.
 * Rows repeated within the source count once. A row racing another writer for the same period
 * is classified against what that writer committed, or fails the statement (unique violation):
 * the caller's transaction rolls back, all or nothing.
 *
 * The usual case, every row new, is one `insert … select`, in a savepoint: the period's unique
 * index finds any row that meets a stored period (or another row of the source) as it inserts,
 * which undoes the savepoint; only then are the rows classified (decision 0011).
 */
export async function ingestFrom(db: Db, params: IngestParams): Promise<IngestCounts> {
  // These statements look expensive to the planner, which would compile them (JIT) on every
  // call: 40–100 ms each, more than running them for a batch of a few thousand rows.
  await db.execute(sql`set local jit = off`);
  try {
    const added = await db.transaction((savepoint) => addAll(savepoint as unknown as Db, params));
    return { added, replaced: 0, skipped: params.total - added };
  } catch (error) {
    if (!isPeriodClash(error)) throw error;
  } finally {
    await db.execute(sql`set local jit to default`);
  }
  return classifyAndWrite(db, params);
}

/** Inserts every row of the source as a new measurement; returns how many. */
async function addAll(db: Db, params: IngestParams): Promise<number> {
  const provenance = provenanceOf(params);
  const provenanceKeys = Object.keys(provenance) as (keyof typeof provenance)[];
  const result = await db.execute(sql`
    insert into ${measurements} (org_id, ${list(payloadKeys.map((k) => name(k)))}, ${list(provenanceKeys.map((k) => name(k)))})
    select ${params.orgId}::uuid, ${list(payloadKeys.map((k) => sql`k.${name(k)}`))}, ${list(provenanceKeys.map((k) => provenance[k]))}
    from (${params.from}) k`);
  return affectedRows(result);
}

/** The slow path: rows classified against the stored ones (skip, replace or add), then two writes. */
async function classifyAndWrite(db: Db, params: IngestParams): Promise<IngestCounts> {
  const { orgId, actorId } = params;
  await params.check?.(params.from);
  const provenance = provenanceOf(params);
  const provenanceKeys = Object.keys(provenance) as (keyof typeof provenance)[];
  const sets = list([
    ...payloadKeys.filter((k) => k !== 'streamId').map((k) => sql`${name(k)} = k.${name(k)}`),
    ...provenanceKeys.map((k) => sql`${name(k)} = ${provenance[k]}`),
    sql`updated_at = now()`,
  ]);
  // One pass over the incoming rows: repeated rows dropped, each row classified against
  // `existing` (every measurement of the streams it names, read once before anything is written,
  // hash-joined), and the result kept in a temporary table (dropped at commit) that the writes
  // below read. Hash joins whatever the statistics say; rows to replace are found by address (ctid).
  await db.execute(sql`set local work_mem = '64MB'`);
  await db.execute(sql`set local enable_nestloop = off`);
  await db.execute(sql`set local jit = off`);
  const columns = list(sourceColumns.map((c, i) => sql`${c} ${sql.raw(sourceTypes[i] ?? 'text')}`));
  await db.execute(
    sql`create temp table if not exists ingest_rows (${columns}, seen boolean, existing_id uuid, existing_tid tid) on commit drop`,
  );
  await db.execute(sql`truncate ingest_rows`);
  await db.execute(sql`
    with existing as materialized (
      select m.ctid as tid, m.* from ${measurements} m
      where m.org_id = ${orgId} and m.stream_id = any(${`{${params.streamIds.join(',')}}`}::uuid[])
    )
    insert into ingest_rows
    select s.*, (e.id is not null and ${payloadOf('e')} is not distinct from ${payloadOf('s')}), e.id, e.tid
    from (select distinct on (${periodKey}) * from (${params.from}) r order by ${periodKey}, "row") s
    left join existing e on e.stream_id = s.stream_id and e.step_name = s.step_name
      and e.period_start = s.period_start and e.period_end = s.period_end`);
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
