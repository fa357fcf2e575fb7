import type { MapState } from '@/lib/domain';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { mapSteps, users, valueStreamMaps } from '../schema';

export type MapRow = typeof valueStreamMaps.$inferSelect;
export type StepRow = typeof mapSteps.$inferSelect;
export type NewStep = Omit<typeof mapSteps.$inferInsert, 'orgId' | 'mapId' | 'position'>;

/** A saved map version with its steps in order; the latest when `version` is omitted. */
export async function findMap(
  db: Db,
  params: { orgId: string; streamId: string; state: MapState; version?: number },
) {
  const filters = [
    eq(valueStreamMaps.orgId, params.orgId),
    eq(valueStreamMaps.streamId, params.streamId),
    eq(valueStreamMaps.state, params.state),
  ];
  if (params.version) filters.push(eq(valueStreamMaps.version, params.version));
  const [map] = await db
    .select({ map: valueStreamMaps, authorName: users.name })
    .from(valueStreamMaps)
    .leftJoin(users, eq(users.id, valueStreamMaps.createdBy))
    .where(and(...filters))
    .orderBy(desc(valueStreamMaps.version))
    .limit(1);
  if (!map) return undefined;
  const steps = await db
    .select()
    .from(mapSteps)
    .where(and(eq(mapSteps.orgId, params.orgId), eq(mapSteps.mapId, map.map.id)))
    .orderBy(asc(mapSteps.position));
  return { ...map.map, authorName: map.authorName, steps };
}

export async function listMapVersions(db: Db, params: { orgId: string; streamId: string }) {
  return db
    .select({
      id: valueStreamMaps.id,
      state: valueStreamMaps.state,
      version: valueStreamMaps.version,
      note: valueStreamMaps.note,
      createdAt: valueStreamMaps.createdAt,
      authorName: users.name,
      stepCount: sql<number>`(select count(*)::int from ${mapSteps} where ${mapSteps.orgId} = ${valueStreamMaps.orgId} and ${mapSteps.mapId} = ${valueStreamMaps.id})`,
    })
    .from(valueStreamMaps)
    .leftJoin(users, eq(users.id, valueStreamMaps.createdBy))
    .where(
      and(eq(valueStreamMaps.orgId, params.orgId), eq(valueStreamMaps.streamId, params.streamId)),
    )
    .orderBy(asc(valueStreamMaps.state), desc(valueStreamMaps.version));
}

/** Saves a new version (the caller holds the stream's row lock, so versions cannot collide). */
export async function insertMapVersion(
  db: Db,
  params: {
    orgId: string;
    streamId: string;
    state: MapState;
    hoursPerDay: number;
    daysPerWeek: number;
    note: string;
    createdBy: string;
    steps: NewStep[];
  },
) {
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${valueStreamMaps.version}), 0)::int` })
    .from(valueStreamMaps)
    .where(
      and(
        eq(valueStreamMaps.orgId, params.orgId),
        eq(valueStreamMaps.streamId, params.streamId),
        eq(valueStreamMaps.state, params.state),
      ),
    );
  const [map] = await db
    .insert(valueStreamMaps)
    .values({
      orgId: params.orgId,
      streamId: params.streamId,
      state: params.state,
      version: (last?.version ?? 0) + 1,
      hoursPerDay: params.hoursPerDay,
      daysPerWeek: params.daysPerWeek,
      note: params.note,
      createdBy: params.createdBy,
    })
    .returning();
  if (!map) throw new Error('insert into value_stream_maps returned nothing');
  if (params.steps.length > 0) {
    await db
      .insert(mapSteps)
      .values(
        params.steps.map((s, position) => ({ ...s, orgId: params.orgId, mapId: map.id, position })),
      );
  }
  return map;
}

/** The steps of every stream's latest current-state map, for the streams list. */
export async function latestCurrentSteps(db: Db, orgId: string) {
  const latest = db
    .selectDistinctOn([valueStreamMaps.streamId], {
      id: valueStreamMaps.id,
      streamId: valueStreamMaps.streamId,
      hoursPerDay: valueStreamMaps.hoursPerDay,
      daysPerWeek: valueStreamMaps.daysPerWeek,
    })
    .from(valueStreamMaps)
    .where(and(eq(valueStreamMaps.orgId, orgId), eq(valueStreamMaps.state, 'current')))
    .orderBy(valueStreamMaps.streamId, desc(valueStreamMaps.version))
    .as('latest');
  return db
    .select({
      streamId: latest.streamId,
      hoursPerDay: latest.hoursPerDay,
      daysPerWeek: latest.daysPerWeek,
      step: mapSteps,
    })
    .from(mapSteps)
    .innerJoin(latest, eq(latest.id, mapSteps.mapId))
    .where(eq(mapSteps.orgId, orgId))
    .orderBy(asc(latest.streamId), asc(mapSteps.position));
}
