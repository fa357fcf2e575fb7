import type { MapState } from '@/lib/domain';
import type { Db } from '@/db/client';
import { findMap, insertMapVersion, listMapVersions } from '@/db/queries/maps';
import { lockStream } from '@/db/queries/streams';
import { validateMap } from '@/lib/vsm/map';
import { roundToMillis as roundSeconds } from '@/lib/vsm/units';
import type { SaveMapValues } from '@/lib/validation/maps';
import { AppError } from '../errors';
import { toMapStep } from '@/lib/maps/drawable';
import type { Actor } from './members';
import { assertCanEdit, requireStream } from './streams';

export async function getMap(
  db: Db,
  actor: Actor,
  params: { streamId: string; state: MapState; version?: number },
) {
  await requireStream(db, actor, params.streamId);
  const map = await findMap(db, { orgId: actor.orgId, ...params });
  if (!map && params.version) throw new AppError('NOT_FOUND', 'That map version was not found.');
  return map ?? null;
}

export async function listVersions(db: Db, actor: Actor, streamId: string) {
  await requireStream(db, actor, streamId);
  return listMapVersions(db, { orgId: actor.orgId, streamId });
}

/**
 * Saves the map as a new version; earlier versions stay as they were. A map the formulas
 * refuse (no steps, process time above lead time, %C&A out of range) is not saved, and each
 * problem comes back on its field (`steps.2.processTime`).
 */
export async function saveMap(db: Db, actor: Actor, input: SaveMapValues) {
  const stream = await requireStream(db, actor, input.streamId);
  assertCanEdit(actor, stream);
  const steps = input.steps.map((s) => ({
    ...s,
    processTimeSeconds: roundSeconds(s.processTimeSeconds),
    leadTimeSeconds: roundSeconds(s.leadTimeSeconds),
  }));
  const issues = validateMap(steps.map(toMapStep));
  if (issues.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues) (fieldErrors[issue.path] ??= []).push(issue.message);
    throw new AppError(
      'BAD_REQUEST',
      issues[0]?.message ?? 'The map needs attention.',
      undefined,
      fieldErrors,
    );
  }
  await lockStream(db, { orgId: actor.orgId, id: input.streamId });
  if (input.baseVersion !== undefined) {
    // Two people editing one map: the second save would silently replace the first one's work.
    const latest =
      (await findMap(db, { orgId: actor.orgId, streamId: input.streamId, state: input.state }))
        ?.version ?? 0;
    if (latest !== input.baseVersion) {
      throw new AppError(
        'CONFLICT',
        `Someone saved version ${latest} of this map while you were editing it. Copy your changes, reload to see theirs, and save again.`,
      );
    }
  }
  const map = await insertMapVersion(db, {
    orgId: actor.orgId,
    streamId: input.streamId,
    state: input.state,
    hoursPerDay: input.calendar.hoursPerDay,
    daysPerWeek: input.calendar.daysPerWeek,
    note: input.note,
    createdBy: actor.userId,
    steps,
  });
  return { id: map.id, version: map.version };
}

/** Starts (a new version of) the future state as a copy of the latest current state. */
export async function startFutureFromCurrent(db: Db, actor: Actor, streamId: string) {
  const stream = await requireStream(db, actor, streamId);
  assertCanEdit(actor, stream);
  const current = await findMap(db, { orgId: actor.orgId, streamId, state: 'current' });
  if (!current)
    throw new AppError(
      'BAD_REQUEST',
      'Map the current state first: the future state starts as a copy of it.',
    );
  await lockStream(db, { orgId: actor.orgId, id: streamId });
  const map = await insertMapVersion(db, {
    orgId: actor.orgId,
    streamId,
    state: 'future',
    hoursPerDay: current.hoursPerDay,
    daysPerWeek: current.daysPerWeek,
    note: `Started from current state v${current.version}`,
    createdBy: actor.userId,
    steps: current.steps.map(({ orgId: _o, mapId: _m, position: _p, ...step }) => step),
  });
  return { id: map.id, version: map.version };
}
