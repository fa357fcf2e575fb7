import type { MeasurementSource } from '@/lib/domain';
import type { Db } from '@/db/client';
import {
  deleteMeasurement,
  findMeasurement,
  findMeasurementForPeriod,
  findMeasurementWithNames,
  findPreviousMeasurement,
  insertAudit,
  insertMeasurement,
  listAudit as listAuditRows,
  listMeasurements as listMeasurementRows,
  updateMeasurement,
  type MeasurementRow,
} from '@/db/queries/measurements';
import { roundToMillis } from '@/lib/vsm/units';
import type { MeasurementListValues, MeasurementValues } from '@/lib/validation/measurements';
import { AppError, notFound } from '../errors';
import type { Actor } from './members';
import { canEditStream, requireStream } from './streams';

/** The organization's measurements, newest first; a stream asked for must be one the caller sees. */
export async function listMeasurements(db: Db, actor: Actor, filters: MeasurementListValues) {
  if (filters.streamId) await requireStream(db, actor, filters.streamId);
  const { streamId, from, to, source } = filters;
  return listMeasurementRows(db, { orgId: actor.orgId, streamId, from, to, source });
}

/** The audit trail of the organization, or of one stream (which the caller must see). */
export async function listAudit(db: Db, actor: Actor, streamId?: string) {
  if (streamId) await requireStream(db, actor, streamId);
  return listAuditRows(db, { orgId: actor.orgId, streamId });
}

async function requireWritableStream(db: Db, actor: Actor, streamId: string) {
  const stream = await requireStream(db, actor, streamId);
  if (!canEditStream(actor, stream)) {
    throw new AppError(
      'FORBIDDEN',
      'Team leads log measurements for the streams they own. Ask an admin, or the stream’s owner.',
    );
  }
  if (stream.archivedAt)
    throw new AppError(
      'BAD_REQUEST',
      'This stream is archived: restore it to log measurements.',
      'streamId',
    );
  return stream;
}

/** The values with their durations rounded to the millisecond, as stored (kills float noise). */
export function roundDurations(values: MeasurementValues): MeasurementValues {
  const round = (s: number | null) => (s === null ? null : roundToMillis(s));
  return {
    ...values,
    leadTimeSeconds: round(values.leadTimeSeconds),
    processTimeSeconds: round(values.processTimeSeconds),
    waitTimeSeconds: round(values.waitTimeSeconds),
  };
}

function toRow(values: MeasurementValues) {
  const { streamId: _s, ...rest } = roundDurations(values);
  return rest;
}

/** What the audit keeps of a row: everything but its bookkeeping columns. */
function snapshot(row: MeasurementRow) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

function duplicateMessage(stepName: string) {
  return `There is already a measurement of this ${stepName ? 'step' : 'stream'} for this period. Replace it, or change the period.`;
}

/**
 * Saves one measurement. A second one for the same stream, step and period is refused
 * (CONFLICT on periodStart) unless `replace` is set: then it replaces the first, audited. Two
 * first saves of one period at once: the unique key lets one insert; the other, with `replace`,
 * then finds that row (committed by then) and replaces it, so `replace` never answers CONFLICT.
 */
export async function saveMeasurement(
  db: Db,
  actor: Actor,
  values: MeasurementValues,
  opts: { replace?: boolean; source?: MeasurementSource } = {},
) {
  await requireWritableStream(db, actor, values.streamId);
  const key = {
    orgId: actor.orgId,
    streamId: values.streamId,
    stepName: values.stepName,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
  };
  const row = { ...toRow(values), enteredBy: actor.userId, source: opts.source ?? 'form' };
  const conflict = () => new AppError('CONFLICT', duplicateMessage(values.stepName), 'periodStart');
  const existing = await findMeasurementForPeriod(db, key, { lock: opts.replace });
  if (existing && !opts.replace) throw conflict();
  if (existing) return replaceMeasurement(db, actor, existing, row);
  const inserted = await insertMeasurement(db, {
    ...row,
    orgId: actor.orgId,
    streamId: values.streamId,
  });
  if (inserted) return { id: inserted.id, replaced: false };
  // Someone saved the same period at the same moment (ON CONFLICT DO NOTHING waited for them).
  if (!opts.replace) throw conflict();
  const raced = await findMeasurementForPeriod(db, key, { lock: true });
  if (!raced) throw conflict(); // they saved and deleted it meanwhile: rare; try again
  return replaceMeasurement(db, actor, raced, row);
}

/** Overwrites a stored measurement with `row`, audited with its before and after. */
async function replaceMeasurement(
  db: Db,
  actor: Actor,
  existing: MeasurementRow,
  row: ReturnType<typeof toRow> & { enteredBy: string; source: MeasurementSource },
) {
  const updated = await updateMeasurement(db, { orgId: actor.orgId, id: existing.id }, row);
  if (!updated) throw notFound('That measurement');
  await insertAudit(db, {
    orgId: actor.orgId,
    measurementId: existing.id,
    streamId: existing.streamId,
    action: 'update',
    actorId: actor.userId,
    before: snapshot(existing),
    after: snapshot(updated),
  });
  return { id: existing.id, replaced: true };
}

/** Changes a measurement (possibly moving it to another stream or period), audited. */
export async function editMeasurement(db: Db, actor: Actor, id: string, values: MeasurementValues) {
  const existing = await findMeasurement(db, { orgId: actor.orgId, id });
  if (!existing) throw notFound('That measurement');
  await requireWritableStream(db, actor, existing.streamId);
  if (values.streamId !== existing.streamId)
    await requireWritableStream(db, actor, values.streamId);
  const clash = await findMeasurementForPeriod(db, { orgId: actor.orgId, ...values });
  if (clash && clash.id !== id)
    throw new AppError('CONFLICT', duplicateMessage(values.stepName), 'periodStart');
  const updated = await updateMeasurement(
    db,
    { orgId: actor.orgId, id },
    { ...toRow(values), streamId: values.streamId },
  );
  if (!updated) throw notFound('That measurement');
  // Filed under the stream it belongs to now; the audit's stream filter also finds it under the
  // stream it left (`before.streamId`), so a move shows on both.
  await insertAudit(db, {
    orgId: actor.orgId,
    measurementId: id,
    streamId: updated.streamId,
    action: 'update',
    actorId: actor.userId,
    before: snapshot(existing),
    after: snapshot(updated),
  });
}

export async function removeMeasurement(db: Db, actor: Actor, id: string) {
  const existing = await findMeasurement(db, { orgId: actor.orgId, id });
  if (!existing) throw notFound('That measurement');
  await requireWritableStream(db, actor, existing.streamId);
  await insertAudit(db, {
    orgId: actor.orgId,
    measurementId: id,
    streamId: existing.streamId,
    action: 'delete',
    actorId: actor.userId,
    before: snapshot(existing),
    after: null,
  });
  await deleteMeasurement(db, { orgId: actor.orgId, id });
}

/** One measurement with its stream's name and who entered it; another organization's id is NOT_FOUND. */
export async function getMeasurement(db: Db, actor: Actor, id: string) {
  const row = await findMeasurementWithNames(db, { orgId: actor.orgId, id });
  if (!row) throw notFound('That measurement');
  return row;
}

/** The latest earlier measurement of the stream (and step), for the form to prefill from. */
export async function previousMeasurement(
  db: Db,
  actor: Actor,
  params: { streamId: string; stepName: string; before: string },
) {
  await requireStream(db, actor, params.streamId);
  return (await findPreviousMeasurement(db, { orgId: actor.orgId, ...params })) ?? null;
}
