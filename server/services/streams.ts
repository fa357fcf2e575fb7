import type { Db } from '@/db/client';
import { findMembership } from '@/db/queries/orgs';
import {
  deleteLinksOf,
  findStream,
  findStreamByName,
  findStreamsByIds,
  insertStreamUnlessNameTaken,
  listLinks,
  listStreams,
  lockStream,
  replaceLinks,
  updateStream as updateRow,
  type StreamRow,
} from '@/db/queries/streams';
import { latestCurrentSteps } from '@/db/queries/maps';
import { computeMap } from '@/lib/vsm/map';
import type { MapStep, MapTotals, WorkingCalendar } from '@/lib/vsm/types';
import type { StreamFields } from '@/lib/validation/streams';
import { AppError, notFound } from '../errors';
import { can } from '../permissions';
import { toMapStep } from '@/lib/maps/drawable';
import type { Actor } from './members';

export function canEditStream(actor: Actor, stream: Pick<StreamRow, 'ownerId'>): boolean {
  return (
    can(actor.role, 'streams:edit-any') ||
    (can(actor.role, 'streams:edit-own') && stream.ownerId === actor.userId)
  );
}

export function assertCanEdit(actor: Actor, stream: Pick<StreamRow, 'ownerId'>) {
  if (!canEditStream(actor, stream)) {
    throw new AppError(
      'FORBIDDEN',
      'Team leads can edit the streams they own. Ask an admin, or the stream’s owner.',
    );
  }
}

/** The stream, or NOT_FOUND: another organization's ids are invisible here (RLS), like unknown ones. */
export async function requireStream(db: Db, actor: Actor, id: string) {
  const stream = await findStream(db, { orgId: actor.orgId, id });
  if (!stream) throw notFound('That value stream');
  return stream;
}

async function checkFields(db: Db, actor: Actor, fields: StreamFields, selfId?: string) {
  const clash = await findStreamByName(db, { orgId: actor.orgId, name: fields.name });
  if (clash && clash.id !== selfId)
    throw new AppError('CONFLICT', 'Another stream already has this name.', 'name');
  if (
    fields.ownerId &&
    !(await findMembership(db, { orgId: actor.orgId, userId: fields.ownerId }))
  ) {
    throw new AppError(
      'BAD_REQUEST',
      'The owner must be a member of this organization.',
      'ownerId',
    );
  }
}

export async function createStream(
  db: Db,
  actor: Actor,
  fields: StreamFields,
  opts: { draft?: boolean } = {},
) {
  await checkFields(db, actor, fields);
  // A lead who registers a stream owns it unless they name someone else.
  const ownerId = fields.ownerId ?? (can(actor.role, 'streams:edit-any') ? null : actor.userId);
  // A conditional insert: a concurrent creation of the same name passes checkFields too, and
  // would otherwise fail on the unique index (a 500) instead of getting this CONFLICT.
  const stream = await insertStreamUnlessNameTaken(db, {
    ...fields,
    ownerId,
    orgId: actor.orgId,
    createdBy: actor.userId,
    status: opts.draft ? 'draft' : 'active',
  });
  if (!stream) throw new AppError('CONFLICT', 'Another stream already has this name.', 'name');
  return stream;
}

export async function updateStream(db: Db, actor: Actor, id: string, fields: StreamFields) {
  const stream = await requireStream(db, actor, id);
  assertCanEdit(actor, stream);
  await checkFields(db, actor, fields, id);
  if (stream.kind !== fields.kind) {
    // Links only go from development to operational streams: a change of kind drops them.
    await deleteLinksOf(db, { orgId: actor.orgId, streamId: id });
  }
  await updateRow(db, { orgId: actor.orgId, id }, fields);
}

export async function setArchived(db: Db, actor: Actor, id: string, archived: boolean) {
  const stream = await requireStream(db, actor, id);
  assertCanEdit(actor, stream);
  await updateRow(db, { orgId: actor.orgId, id }, { archivedAt: archived ? new Date() : null });
}

export async function setLinks(
  db: Db,
  actor: Actor,
  params: { id: string; operationalStreamIds: string[] },
) {
  const stream = await requireStream(db, actor, params.id);
  assertCanEdit(actor, stream);
  // Serializes concurrent saves of the same links (else both re-insert them: a unique violation).
  await lockStream(db, { orgId: actor.orgId, id: params.id });
  if (stream.kind !== 'development') {
    throw new AppError(
      'BAD_REQUEST',
      'Links are set on the development stream that feeds operational streams.',
      'operationalStreamIds',
    );
  }
  const ids = [...new Set(params.operationalStreamIds)];
  const found = await findStreamsByIds(db, { orgId: actor.orgId, ids });
  if (found.length !== ids.length) throw notFound('One of those streams');
  if (found.some((s) => s.kind !== 'operational')) {
    throw new AppError(
      'BAD_REQUEST',
      'A development stream can only feed operational streams.',
      'operationalStreamIds',
    );
  }
  await replaceLinks(db, {
    orgId: actor.orgId,
    developmentStreamId: params.id,
    operationalStreamIds: ids,
  });
}

export async function getStream(db: Db, actor: Actor, id: string) {
  const stream = await requireStream(db, actor, id);
  const links = await listLinks(db, { orgId: actor.orgId, streamId: id });
  return {
    ...stream,
    canEdit: canEditStream(actor, stream),
    feeds: links
      .filter((l) => l.developmentStreamId === id)
      .map((l) => ({
        id: l.operationalStreamId,
        name: l.operationalName,
        type: l.operationalType,
      })),
    fedBy: links
      .filter((l) => l.operationalStreamId === id)
      .map((l) => ({ id: l.developmentStreamId, name: l.developmentName })),
  };
}

/** Each stream's latest current-state map: its calendar and totals (one query for all steps). */
export async function currentMapTotals(db: Db, orgId: string) {
  const byStream = new Map<string, { calendar: WorkingCalendar; steps: MapStep[] }>();
  for (const row of await latestCurrentSteps(db, orgId)) {
    const entry = byStream.get(row.streamId) ?? {
      calendar: { hoursPerDay: Number(row.hoursPerDay), daysPerWeek: Number(row.daysPerWeek) },
      steps: [],
    };
    entry.steps.push(toMapStep(row.step));
    byStream.set(row.streamId, entry);
  }
  const out = new Map<string, { calendar: WorkingCalendar; totals: MapTotals | null }>();
  for (const [id, map] of byStream) {
    const result = computeMap(map.steps);
    out.set(id, { calendar: map.calendar, totals: result.ok ? result.totals : null });
  }
  return out;
}

/** The streams list, each with the totals of its latest current-state map. */
export async function listStreamsWithTotals(
  db: Db,
  actor: Actor,
  filters: Omit<Parameters<typeof listStreams>[1], 'orgId'>,
) {
  const [streams, maps] = await Promise.all([
    listStreams(db, { ...filters, orgId: actor.orgId }),
    currentMapTotals(db, actor.orgId),
  ]);
  return streams.map((s) => {
    const map = maps.get(s.id);
    return {
      ...s,
      canEdit: canEditStream(actor, s),
      calendar: map?.calendar ?? null,
      totals: map?.totals ?? null,
    };
  });
}
