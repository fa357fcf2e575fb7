import type { OperationalType, StreamKind } from '@/lib/domain';
import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { streamLinks, users, valueStreams } from '../schema';
import type { GuideData } from '../schema/streams';

export type StreamRow = typeof valueStreams.$inferSelect;
export type StreamValues = Omit<
  typeof valueStreams.$inferInsert,
  'orgId' | 'id' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

export async function listStreams(
  db: Db,
  params: {
    orgId: string;
    search?: string;
    kind?: StreamKind;
    type?: OperationalType;
    includeArchived?: boolean;
  },
) {
  const filters = [eq(valueStreams.orgId, params.orgId)];
  if (!params.includeArchived) filters.push(isNull(valueStreams.archivedAt));
  if (params.kind) filters.push(eq(valueStreams.kind, params.kind));
  if (params.type) filters.push(eq(valueStreams.type, params.type));
  if (params.search) {
    const pattern = `%${params.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(valueStreams.name, pattern),
      ilike(valueStreams.customer, pattern),
      ilike(valueStreams.trigger, pattern),
    );
    if (match) filters.push(match);
  }
  return db
    .select({
      id: valueStreams.id,
      name: valueStreams.name,
      kind: valueStreams.kind,
      type: valueStreams.type,
      customer: valueStreams.customer,
      trigger: valueStreams.trigger,
      status: valueStreams.status,
      guideStep: sql<number | null>`(${valueStreams.guide} ->> 'step')::int`,
      ownerId: valueStreams.ownerId,
      ownerName: users.name,
      archivedAt: valueStreams.archivedAt,
      updatedAt: valueStreams.updatedAt,
    })
    .from(valueStreams)
    .leftJoin(users, eq(users.id, valueStreams.ownerId))
    .where(and(...filters))
    .orderBy(asc(valueStreams.name));
}

export async function findStream(db: Db, params: { orgId: string; id: string }) {
  const [row] = await db
    .select({ stream: valueStreams, ownerName: users.name })
    .from(valueStreams)
    .leftJoin(users, eq(users.id, valueStreams.ownerId))
    .where(and(eq(valueStreams.orgId, params.orgId), eq(valueStreams.id, params.id)))
    .limit(1);
  return row ? { ...row.stream, ownerName: row.ownerName } : undefined;
}

/** Locks the stream's row until the transaction ends (serializes map versions). */
export async function lockStream(db: Db, params: { orgId: string; id: string }) {
  const [row] = await db
    .select({ id: valueStreams.id })
    .from(valueStreams)
    .where(and(eq(valueStreams.orgId, params.orgId), eq(valueStreams.id, params.id)))
    .for('update');
  return Boolean(row);
}

export async function findStreamByName(db: Db, params: { orgId: string; name: string }) {
  const [row] = await db
    .select({ id: valueStreams.id })
    .from(valueStreams)
    .where(
      and(
        eq(valueStreams.orgId, params.orgId),
        sql`lower(${valueStreams.name}) = lower(${params.name})`,
      ),
    )
    .limit(1);
  return row;
}

/** The new stream, or undefined when the name is already taken (also by a concurrent insert). */
export async function insertStreamUnlessNameTaken(
  db: Db,
  values: StreamValues & { orgId: string; createdBy: string },
) {
  const [row] = await db
    .insert(valueStreams)
    .values(values)
    // The only unique key a new row (with a fresh id) can hit is (org_id, lower(name)).
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateStream(
  db: Db,
  params: { orgId: string; id: string },
  values: Partial<StreamValues> & { guide?: GuideData | null },
) {
  await db
    .update(valueStreams)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(valueStreams.orgId, params.orgId), eq(valueStreams.id, params.id)));
}

export async function clearStreamOwner(db: Db, params: { orgId: string; userId: string }) {
  await db
    .update(valueStreams)
    .set({ ownerId: null })
    .where(and(eq(valueStreams.orgId, params.orgId), eq(valueStreams.ownerId, params.userId)));
}

/** Both directions: the operational streams a development stream feeds, and the reverse. */
export async function listLinks(db: Db, params: { orgId: string; streamId: string }) {
  const dev = alias(valueStreams, 'dev');
  const op = alias(valueStreams, 'op');
  return db
    .select({
      developmentStreamId: streamLinks.developmentStreamId,
      developmentName: dev.name,
      operationalStreamId: streamLinks.operationalStreamId,
      operationalName: op.name,
      operationalType: op.type,
    })
    .from(streamLinks)
    .innerJoin(
      dev,
      and(eq(dev.orgId, streamLinks.orgId), eq(dev.id, streamLinks.developmentStreamId)),
    )
    .innerJoin(op, and(eq(op.orgId, streamLinks.orgId), eq(op.id, streamLinks.operationalStreamId)))
    .where(
      and(
        eq(streamLinks.orgId, params.orgId),
        or(
          eq(streamLinks.developmentStreamId, params.streamId),
          eq(streamLinks.operationalStreamId, params.streamId),
        ),
      ),
    )
    .orderBy(asc(dev.name), asc(op.name));
}

export async function replaceLinks(
  db: Db,
  params: { orgId: string; developmentStreamId: string; operationalStreamIds: string[] },
) {
  await db
    .delete(streamLinks)
    .where(
      and(
        eq(streamLinks.orgId, params.orgId),
        eq(streamLinks.developmentStreamId, params.developmentStreamId),
      ),
    );
  if (params.operationalStreamIds.length === 0) return;
  await db.insert(streamLinks).values(
    params.operationalStreamIds.map((operationalStreamId) => ({
      orgId: params.orgId,
      developmentStreamId: params.developmentStreamId,
      operationalStreamId,
    })),
  );
}

export async function findStreamsByIds(db: Db, params: { orgId: string; ids: string[] }) {
  if (params.ids.length === 0) return [];
  return db
    .select({ id: valueStreams.id, kind: valueStreams.kind, archivedAt: valueStreams.archivedAt })
    .from(valueStreams)
    .where(and(eq(valueStreams.orgId, params.orgId), inArray(valueStreams.id, params.ids)));
}

export async function deleteLinksOf(db: Db, params: { orgId: string; streamId: string }) {
  await db
    .delete(streamLinks)
    .where(
      and(
        eq(streamLinks.orgId, params.orgId),
        or(
          eq(streamLinks.developmentStreamId, params.streamId),
          eq(streamLinks.operationalStreamId, params.streamId),
        ),
      ),
    );
}
