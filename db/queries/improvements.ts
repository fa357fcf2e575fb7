import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { improvements, users, valueStreams } from '../schema';

export type ImprovementRow = typeof improvements.$inferSelect;
type Values = Omit<typeof improvements.$inferInsert, 'orgId' | 'id' | 'createdAt' | 'updatedAt'>;

const columns = {
  improvement: improvements,
  streamName: valueStreams.name,
  streamKind: valueStreams.kind,
  ownerName: users.name,
};

function select(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(improvements)
    .innerJoin(
      valueStreams,
      and(eq(valueStreams.orgId, improvements.orgId), eq(valueStreams.id, improvements.streamId)),
    )
    .leftJoin(users, eq(users.id, improvements.ownerId))
    .where(where);
}

/** The organization's improvements (or one stream's), the latest started first. */
export function listImprovements(db: Db, params: { orgId: string; streamId?: string }) {
  const filters = [eq(improvements.orgId, params.orgId)];
  if (params.streamId) filters.push(eq(improvements.streamId, params.streamId));
  return select(db, and(...filters))
    .orderBy(desc(improvements.startedOn), asc(improvements.title))
    .limit(500);
}

export async function findImprovement(db: Db, params: { orgId: string; id: string }) {
  const [row] = await select(
    db,
    and(eq(improvements.orgId, params.orgId), eq(improvements.id, params.id)),
  ).limit(1);
  return row;
}

export async function insertImprovement(db: Db, orgId: string, values: Values) {
  const [row] = await db
    .insert(improvements)
    .values({ ...values, orgId })
    .returning({ id: improvements.id });
  if (!row) throw new Error('The improvement was not saved.');
  return row;
}

export async function updateImprovement(
  db: Db,
  params: { orgId: string; id: string },
  values: Partial<Values>,
) {
  await db
    .update(improvements)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(improvements.orgId, params.orgId), eq(improvements.id, params.id)));
}

export async function deleteImprovement(db: Db, params: { orgId: string; id: string }) {
  await db
    .delete(improvements)
    .where(and(eq(improvements.orgId, params.orgId), eq(improvements.id, params.id)));
}

/** A member who leaves owns no improvement any more. */
export async function clearImprovementOwner(db: Db, params: { orgId: string; userId: string }) {
  await db
    .update(improvements)
    .set({ ownerId: null })
    .where(and(eq(improvements.orgId, params.orgId), eq(improvements.ownerId, params.userId)));
}

/** Adds improvements as they are, in one statement (the demo seed's kaizen events). */
export async function insertImprovementRows(db: Db, rows: (typeof improvements.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(improvements).values(rows);
}
