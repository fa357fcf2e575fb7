import type { MeasurementSource } from '@/lib/domain';
import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { measurementAudit, measurements, users, valueStreams } from '../schema';

export type MeasurementRow = typeof measurements.$inferSelect;
export type MeasurementWrite = Omit<
  typeof measurements.$inferInsert,
  'orgId' | 'id' | 'createdAt' | 'updatedAt'
>;

export async function findMeasurement(db: Db, params: { orgId: string; id: string }) {
  const [row] = await db
    .select()
    .from(measurements)
    .where(and(eq(measurements.orgId, params.orgId), eq(measurements.id, params.id)))
    .limit(1);
  return row;
}

/**
 * The measurement of a stream (and step) for exactly this period, if any; with `lock`, held
 * (FOR UPDATE) until the transaction ends, so a replacement replaces what it read.
 */
export async function findMeasurementForPeriod(
  db: Db,
  params: {
    orgId: string;
    streamId: string;
    stepName: string;
    periodStart: string;
    periodEnd: string;
  },
  { lock = false }: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(measurements)
    .where(
      and(
        eq(measurements.orgId, params.orgId),
        eq(measurements.streamId, params.streamId),
        eq(measurements.stepName, params.stepName),
        eq(measurements.periodStart, params.periodStart),
        eq(measurements.periodEnd, params.periodEnd),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The latest measurement of a stream (and step) that starts before `before`: to prefill the form. */
export async function findPreviousMeasurement(
  db: Db,
  params: { orgId: string; streamId: string; stepName: string; before: string },
) {
  const [row] = await db
    .select()
    .from(measurements)
    .where(
      and(
        eq(measurements.orgId, params.orgId),
        eq(measurements.streamId, params.streamId),
        eq(measurements.stepName, params.stepName),
        lt(measurements.periodStart, params.before),
      ),
    )
    .orderBy(desc(measurements.periodStart))
    .limit(1);
  return row;
}

export async function insertMeasurement(db: Db, values: MeasurementWrite & { orgId: string }) {
  const [row] = await db.insert(measurements).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateMeasurement(
  db: Db,
  params: { orgId: string; id: string },
  values: Partial<MeasurementWrite>,
) {
  const [row] = await db
    .update(measurements)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(measurements.orgId, params.orgId), eq(measurements.id, params.id)))
    .returning();
  return row;
}

export async function deleteMeasurement(db: Db, params: { orgId: string; id: string }) {
  await db
    .delete(measurements)
    .where(and(eq(measurements.orgId, params.orgId), eq(measurements.id, params.id)));
}

/** A measurement with the names a person reads next to it: its stream's and who entered it. */
function selectWithNames(db: Db) {
  return db
    .select({ measurement: measurements, streamName: valueStreams.name, enteredByName: users.name })
    .from(measurements)
    .innerJoin(
      valueStreams,
      and(eq(valueStreams.orgId, measurements.orgId), eq(valueStreams.id, measurements.streamId)),
    )
    .leftJoin(users, eq(users.id, measurements.enteredBy));
}

/** One measurement of the organization with its stream's name and who entered it; undefined if none. */
export async function findMeasurementWithNames(db: Db, params: { orgId: string; id: string }) {
  const [row] = await selectWithNames(db)
    .where(and(eq(measurements.orgId, params.orgId), eq(measurements.id, params.id)))
    .limit(1);
  return row;
}

export async function listMeasurements(
  db: Db,
  params: {
    orgId: string;
    streamId?: string;
    from?: string;
    to?: string;
    source?: MeasurementSource;
    limit?: number;
  },
) {
  const filters: SQL[] = [eq(measurements.orgId, params.orgId)];
  if (params.streamId) filters.push(eq(measurements.streamId, params.streamId));
  if (params.from) filters.push(gte(measurements.periodEnd, params.from));
  if (params.to) filters.push(lte(measurements.periodStart, params.to));
  if (params.source) filters.push(eq(measurements.source, params.source));
  return selectWithNames(db)
    .where(and(...filters))
    .orderBy(desc(measurements.periodStart), valueStreams.name, measurements.stepName)
    .limit(params.limit ?? 1000);
}

export async function insertAudit(
  db: Db,
  values: {
    orgId: string;
    measurementId: string;
    streamId: string;
    action: 'update' | 'delete';
    actorId: string;
    before: unknown;
    after: unknown;
  },
) {
  await db.insert(measurementAudit).values(values);
}

export async function listAudit(
  db: Db,
  params: { orgId: string; streamId?: string; limit?: number },
) {
  const filters: SQL[] = [eq(measurementAudit.orgId, params.orgId)];
  if (params.streamId) {
    // `stream_id` is the stream the measurement belongs to after the change. A move shows under
    // both streams: the one it left is in `before`; older rows, which kept the old stream in
    // `stream_id`, name the new one in `after`.
    const moved = or(
      eq(measurementAudit.streamId, params.streamId),
      sql`${measurementAudit.before} ->> 'streamId' = ${params.streamId}`,
      sql`${measurementAudit.after} ->> 'streamId' = ${params.streamId}`,
    );
    if (moved) filters.push(moved);
  }
  return db
    .select({
      id: measurementAudit.id,
      measurementId: measurementAudit.measurementId,
      streamId: measurementAudit.streamId,
      streamName: valueStreams.name,
      action: measurementAudit.action,
      at: measurementAudit.at,
      actorName: users.name,
      before: measurementAudit.before,
      after: measurementAudit.after,
    })
    .from(measurementAudit)
    .leftJoin(users, eq(users.id, measurementAudit.actorId))
    .leftJoin(
      valueStreams,
      and(
        eq(valueStreams.orgId, measurementAudit.orgId),
        eq(valueStreams.id, measurementAudit.streamId),
      ),
    )
    .where(and(...filters))
    .orderBy(desc(measurementAudit.at), desc(measurementAudit.id))
    .limit(params.limit ?? 500);
}

/** How many measurements the organization has. */
export function countMeasurements(db: Db, orgId: string) {
  return db.$count(measurements, eq(measurements.orgId, orgId));
}

/** Rows per INSERT: 500 x 30 columns stays well under the 65,535 parameters of a statement. */
const BATCH = 500;

/** Adds many measurements, several hundred rows a statement; a period already stored is skipped. */
export async function insertMeasurementRows(db: Db, rows: (typeof measurements.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insert(measurements)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoNothing();
}
